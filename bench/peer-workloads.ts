// The four workloads of `npm run bench:peer` (issue 18), each as the document our server takes and the one
// PostGraphile takes for the same answer over the peer schema (bench/peer/peer.sql), and a normal form in which
// a pair of answers must be equal: connections' `nodes` unwrapped, BigInt strings and dates as numbers.
import { INGEST_BATCH } from './load-scenarios';
import { runId, SEED, sampleTokens } from './load-seed';

export type Server = 'ours' | 'peer';

export interface Workload {
  /** Short: the table's first column (the README lists the documents). */
  name: string;
  /** The request body for request `n` of each server. */
  body: Record<Server, (n: number) => string>;
  /** Whether a 2xx answer is a right one (reads: byte-identical to the proven first answer). */
  mutation: boolean;
}

// Ingestion goes to the older runs only: the reads (the newest 20 runs, run CONSOLIDATED_RUN) must keep
// their answers, so that every read answer can be compared byte for byte with the proven one.
const INGEST_RUNS = SEED.runs - 50;
export const CONSOLIDATED_RUN = runId(SEED.runs - 1);

const NEWEST_FIRST = 'orderBy: [CREATED_AT_DESC, ID_DESC]';

const read = (ours: string, peer: string) => ({
  ours: () => JSON.stringify({ query: ours }),
  peer: () => JSON.stringify({ query: peer }),
});

/** One 100-row batch for request `n`, the same variables for both servers. */
export function ingestInput(n: number): object[] {
  const run = runId(n % INGEST_RUNS);
  return Array.from({ length: INGEST_BATCH }, (_, k) => ({ runId: run, phaseId: `p${k % SEED.phasesPerRun}`, ...sampleTokens(n * INGEST_BATCH + k) }));
}

const OURS_RECORD = 'mutation Record($input: [PhaseMetricsInput!]!) { recordPhaseMetrics(input: $input) { id } }';
const PEER_RECORD = 'mutation Record($input: JSON!) { recordPhaseMetrics(input: { samples: $input }) { phaseMetrics { id } } }';

export const WORKLOADS: Workload[] = [
  {
    name: 'dashboard (20 runs, nested)',
    mutation: false,
    body: read(
      '{ runs(first: 20) { nodes { phases { metrics { totalTokens } } status { percentComplete } events(limit: 10) { eventType } consolidatedMetrics { totalTokens } } } }',
      `{ runs: allRuns(first: 20, ${NEWEST_FIRST}) { nodes {
        phases: phasesByRunId(orderBy: [PHASE_INDEX_ASC, ID_ASC]) { nodes { metrics: phaseMetricsByPhaseId(${NEWEST_FIRST}) { nodes { totalTokens } } } }
        status { percentComplete }
        events: dashboardEventsByRunId(first: 10, ${NEWEST_FIRST}) { nodes { eventType } }
        consolidatedMetrics { totalTokens } } } }`,
    ),
  },
  {
    name: "one run's `consolidatedMetrics`",
    mutation: false,
    body: read(
      `{ consolidatedMetrics(runId: "${CONSOLIDATED_RUN}") { runId retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens totalPhases phasesWithMetrics } }`,
      `{ consolidatedMetrics(runId: "${CONSOLIDATED_RUN}") { runId retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens totalPhases phasesWithMetrics } }`,
    ),
  },
  {
    name: '`runs(first: 50)`, four columns',
    mutation: false,
    body: read(
      '{ runs(first: 50) { nodes { id state tokensUsed createdAt } } }',
      `{ runs: allRuns(first: 50, ${NEWEST_FIRST}) { nodes { id state tokensUsed createdAt } } }`,
    ),
  },
  {
    name: `\`recordPhaseMetrics\`, ${INGEST_BATCH} rows`,
    mutation: true,
    body: {
      ours: (n) => JSON.stringify({ query: OURS_RECORD, variables: { input: ingestInput(n) } }),
      peer: (n) => JSON.stringify({ query: PEER_RECORD, variables: { input: ingestInput(n) } }),
    },
  },
];

const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** The answer with the representation differences of the two servers taken out. */
export function normalForm(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalForm);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === 'nodes') return normalForm(entries[0][1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, normalForm(v)]));
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value); // PostGraphile's BigInt
  if (typeof value === 'string' && ISO_DATE.test(value)) return Date.parse(value);
  return value;
}

/** Where two normal forms first differ, as `path: a ≠ b`; null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

/** The ids a successful ingestion answer returns, in input order. */
export function ingestedIds(server: Server, body: string): string[] {
  const data = (JSON.parse(body) as { data?: { recordPhaseMetrics?: any } }).data?.recordPhaseMetrics;
  const rows: { id: string | number }[] | undefined = server === 'ours' ? data : data?.phaseMetrics;
  if (!Array.isArray(rows)) throw new Error(`${server}: ingestion failed: ${body.slice(0, 300)}`);
  return rows.map((r) => String(r.id));
}

/** Whether an ingestion answer under load is a success (the proof checked the stored rows once). */
export function ingestionOk(server: Server, body: string): boolean {
  const prefix = server === 'ours' ? '{"data":{"recordPhaseMetrics":[' : '{"data":{"recordPhaseMetrics":{"phaseMetrics":[';
  return body.startsWith(prefix) && !body.includes('"errors"');
}
