// The ingestion client, run in a worker thread: like an executor in its own process, it builds and sends
// 1000-row recordPhaseMetrics batches without taking event-loop time from the server it measures.
import { parentPort, workerData } from 'node:worker_threads';
import { closeClient, graphql } from './measure';

export interface IngestJob {
  base: string;
  runId: string;
  samples: number;
  batch: number;
  phases: number;
  /** createdAt of sample 0 (epoch ms); sample i is i seconds later. */
  start: number;
}

export interface IngestResult {
  latencies: number[];
  seconds: number;
}

const RECORD = `mutation Record($input: [PhaseMetricsInput!]!) { recordPhaseMetrics(input: $input) { id } }`;

// Sample i of a run: deterministic token counts, one second apart, phase i mod `phases`.
export const tokens = (i: number) => ({ retrievalTokens: i % 100, secondOpinionTokens: i % 7, evidenceRequestTokens: i % 13, baseTokens: 1000 + (i % 500) });
export const totalOf = (i: number) => (i % 100) + (i % 7) + (i % 13) + 1000 + (i % 500);
export const phaseKey = (p: number) => `p${String(p).padStart(2, '0')}`;

export async function ingest(job: IngestJob): Promise<IngestResult> {
  const latencies: number[] = [];
  const t0 = process.hrtime.bigint();
  for (let b = 0; b < job.samples / job.batch; b++) {
    const input = Array.from({ length: job.batch }, (_, k) => {
      const i = b * job.batch + k;
      return { runId: job.runId, phaseId: phaseKey(i % job.phases), ...tokens(i), createdAt: new Date(job.start + i * 1000).toISOString() };
    });
    const t = process.hrtime.bigint();
    const data = await graphql<{ recordPhaseMetrics: unknown[] }>(job.base, RECORD, { input });
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (data.recordPhaseMetrics.length !== job.batch) throw new Error('ingestion stored a partial batch');
  }
  return { latencies, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

if (parentPort && workerData) {
  ingest(workerData as IngestJob).then(
    (result) => {
      closeClient();
      parentPort!.postMessage({ result });
    },
    (e: Error) => parentPort!.postMessage({ error: e.stack ?? String(e) }),
  );
}
