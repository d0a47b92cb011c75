// The two load scenarios of issue 9: the nested dashboard query and telemetry ingestion, each driven by
// autocannon against a server process of its own. Every response is checked, so a fast wrong answer or a
// GraphQL error counts as an error, never as throughput.
import autocannon from 'autocannon';
import { percentile } from './measure';
import { runId, SEED, sampleTokens } from './load-seed';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  seconds: number;
}

export const DASHBOARD_QUERY = `query Dashboard {
  runs(first: 20) {
    nodes {
      id
      phases { phaseId metrics { totalTokens } }
      status { percentComplete }
      events(limit: 10) { eventType }
      consolidatedMetrics { totalTokens }
    }
  }
}`;

const RECORD = `mutation Record($input: [PhaseMetricsInput!]!) { recordPhaseMetrics(input: $input) { id } }`;
export const INGEST_BATCH = 100;

/** One 100-row batch for request `n`: the runs in turn, the phases of the run in turn. */
export function ingestBody(n: number): string {
  const run = runId(n % SEED.runs);
  const input = Array.from({ length: INGEST_BATCH }, (_, k) => ({ runId: run, phaseId: `p${k % SEED.phasesPerRun}`, ...sampleTokens(n * INGEST_BATCH + k) }));
  return JSON.stringify({ query: RECORD, variables: { input } });
}

/** Runs autocannon for the duration; latencies are collected per response for exact p50/p95/p99. */
export async function drive(url: string, opts: LoadOptions, request: Partial<autocannon.Options>): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: opts.connections,
        duration: opts.durationSeconds,
        // A request the server queues is slow, not failed: only one unanswered for 30 s counts as an error.
        timeout: 30,
        ...request,
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // The instance emits (client, statusCode, bytes, responseTime); the published types omit the client.
    (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  if (!latencies.length) throw new Error(`no response at all from ${url} (${result.errors} connection errors)`);
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    // connection errors (timeouts included), non-2xx answers, and 2xx answers whose body was wrong
    errors: result.errors + result.non2xx + result.mismatches,
    seconds,
  };
}

/** The nested dashboard query; every answer must be byte-identical to the checked first one. */
export function dashboardLoad(url: string, opts: LoadOptions, expectedBody: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  return drive(url, opts, {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: DASHBOARD_QUERY }),
    verifyBody: (body) => String(body) === expectedBody,
  });
}

/** recordPhaseMetrics with 100-row batches; an answer with a GraphQL error counts as an error. */
export function ingestionLoad(url: string, opts: LoadOptions): Promise<LoadResult> {
  let n = 0;
  return drive(url, opts, {
    requests: [
      {
        setupRequest: (req) => ({ ...req, body: ingestBody(n++) }),
      },
    ],
    verifyBody: (body) => String(body).startsWith('{"data":{"recordPhaseMetrics":[') && !String(body).includes('"errors"'),
  });
}
