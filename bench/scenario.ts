// One backend's benchmark: seed through the API (timing ingestion), then time the guide's three critical
// queries over HTTP and their SQL through the bare driver. Every answer is checked against hand-computed
// sums first, so a fast wrong answer can never be reported.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { App } from '../src/app';
import { DashboardEvent, Phase } from '../src/db/entities';
import { forkEm } from '../src/db/orm';
import { consolidatedStatement } from '../src/modules/telemetry/batch';
import { dialectOf, literalSql } from '../src/db/reads';
import { metricsWriteStatement } from '../src/modules/telemetry/bulk-insert';
import { graphql, http, ms, percentile, sample, type Stats } from './measure';
import { phaseKey, tokens, totalOf, type IngestJob, type IngestResult } from './ingest-client';
import type { RawDb } from './raw';

export interface Row {
  backend: string;
  what: string;
  data: string;
  baseline: string;
  httpP50: string;
  httpP95: string;
  rawP50: string;
  rawP95: string;
  ratio: string;
  checks: string[];
}

const PHASES = 20;
const BATCH = 1000;
const PARALLEL_SAMPLES = 20_000;
const EVENT_TYPES = ['PHASE_STARTED', 'PHASE_COMPLETE', 'PHASE_FAILED', 'RUN_STARTED', 'RUN_COMPLETE', 'RUN_FAILED', 'RUN_QUEUED'];

/** Expected total_tokens of the newest `limit` samples of a run of `n`. */
function expectedTotal(n: number, limit: number): number {
  let sum = 0;
  for (let i = Math.max(0, n - limit); i < n; i++) sum += totalOf(i);
  return sum;
}

async function createRun(base: string, id: string): Promise<void> {
  const phases = Array.from({ length: PHASES }, (_, p) => ({ phaseId: phaseKey(p), name: `Phase ${p}` }));
  await graphql(
    base,
    `
      mutation ($input: CreateRunInput!) {
        createRun(input: $input) {
          id
        }
      }
    `,
    { input: { id, phases } },
  );
}

/** Runs the ingestion client in a worker thread (see ingest-client.ts) and waits for its figures. */
function ingestInWorker(job: IngestJob): Promise<IngestResult> {
  const boot = `require(${JSON.stringify(join(__dirname, '..', 'test', 'helpers', 'swc-register.js'))}); require(${JSON.stringify(join(__dirname, 'ingest-client.ts'))});`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, { eval: true, workerData: job });
    worker.once('message', (m: { result?: IngestResult; error?: string }) => (m.result ? resolve(m.result) : reject(new Error(m.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`ingestion worker exited with ${code}`)));
  });
}

async function seedEvents(app: App, runId: string, count: number): Promise<number> {
  const em = forkEm(app.orm);
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => ({
    run: runId,
    phase: null,
    eventType: EVENT_TYPES[i % EVENT_TYPES.length],
    message: `event ${i}`,
    payload: { i },
    createdAt: new Date(now - (count - i) * 1000),
  }));
  await em.insertMany(DashboardEvent, rows);
  return rows.filter((r) => r.eventType === 'PHASE_FAILED').length;
}

const row = (backend: string, what: string, data: string, baseline: string, h: Stats, r: Stats, checks: string[] = []): Row => ({
  backend,
  what,
  data,
  baseline,
  httpP50: `${ms(h.p50)} ms`,
  httpP95: `${ms(h.p95)} ms`,
  rawP50: `${ms(r.p50)} ms`,
  rawP95: `${ms(r.p95)} ms`,
  ratio: `${(h.p50 / r.p50).toFixed(1)}×`,
  checks,
});

// BENCH_EXPLAIN=1 prints the plan of each consolidated metrics statement (to investigate a slow figure).
const explainPlans = process.env.BENCH_EXPLAIN === '1';

async function plan(raw: RawDb, backend: string, sql: string): Promise<string> {
  const rows = (await raw.query(`${backend === 'postgresql' ? 'explain analyze' : 'explain query plan'} ${sql}`)) as Record<string, unknown>[];
  return rows.map((r) => String(r['QUERY PLAN'] ?? r.detail)).join('\n');
}

const verdict = (ok: boolean, text: string) => `${ok ? 'MET' : 'MISSED'}: ${text}`;

export async function runScenario(backend: string, app: App, raw: RawDb, log: (line: string) => void): Promise<Row[]> {
  const base = app.url;
  const platform = app.orm.em.getPlatform();
  const rows: Row[] = [];
  const runs = [
    ['bench-10k', 10_000],
    ['bench-100k', 100_000],
  ] as const;

  // Ingestion through the API: the seeding itself is the throughput measurement (client in a worker thread).
  const latencies: number[] = [];
  let seconds = 0;
  for (const [id, n] of runs) {
    await createRun(base, id);
    log(`ingesting ${n} samples into ${id}`);
    const r = await ingestInWorker({ base, runId: id, samples: n, batch: BATCH, phases: PHASES, start: Date.now() - n * 1000 - 60_000 });
    latencies.push(...r.latencies);
    seconds += r.seconds;
  }
  const ingested = runs.reduce((s, [, n]) => s + n, 0);
  const rate = ingested / seconds;
  latencies.sort((a, b) => a - b);

  // Raw floor for ingestion: the service's own write statement (on PostgreSQL with its version bump and NOTIFY),
  // straight through the driver, into another run.
  await createRun(base, 'bench-raw');
  const em = forkEm(app.orm);
  const now = Date.now();
  const floorRows = Array.from({ length: BATCH }, (_, i) => ({
    runId: 'bench-raw',
    phaseId: 'p00',
    ...tokens(i),
    totalTokens: totalOf(i),
    createdAt: new Date(now - i),
  }));
  const floor = metricsWriteStatement(em, floorRows);
  const insertSql = platform.formatQuery(floor.sql, floor.params);
  const rawInsert = await sample(() => raw.query(insertSql), 20, 2);

  // Several executors report at once: two clients in parallel (their rows are removed again afterwards).
  log(`ingesting ${2 * PARALLEL_SAMPLES} samples from 2 clients at once`);
  const t0 = process.hrtime.bigint();
  await Promise.all(
    [0, 1].map((c) => ingestInWorker({ base, runId: 'bench-raw', samples: PARALLEL_SAMPLES, batch: BATCH, phases: PHASES, start: now - (c + 1) * 1e9 })),
  );
  const parallelRate = (2 * PARALLEL_SAMPLES) / (Number(process.hrtime.bigint() - t0) / 1e9);

  // Neither the floor's identical batches nor the parallel ones belong to the data set measured below.
  await raw.query(`delete from "phase_metrics" where "run_id" = 'bench-raw'`);
  rows.push({
    backend,
    what: 'Ingestion: `recordPhaseMetrics`, 1000 rows per call',
    data: `${ingested / 1000}K rows`,
    baseline: '< 10 ms per record',
    httpP50: `${ms(percentile(latencies, 50))} ms / call`,
    httpP95: `${ms(percentile(latencies, 95))} ms / call`,
    rawP50: `${ms(rawInsert.p50)} ms / write`,
    rawP95: `${ms(rawInsert.p95)} ms / write`,
    ratio: `**${Math.round(rate).toLocaleString('en-US')} rows/s** (2 clients: ${Math.round(parallelRate).toLocaleString('en-US')}; floor ${Math.round((BATCH / rawInsert.p50) * 1000).toLocaleString('en-US')})`,
    checks: [verdict(rate >= 20_000, `ingestion ≥ 20,000 rows/s on ${backend} (one client, sequential calls): ${Math.round(rate)} rows/s`)],
  });

  // Phase states for the status query: half of each run's phases complete, two failed.
  await em.nativeUpdate(Phase, { phaseIndex: { $lt: 10 } }, { state: 'COMPLETE' });
  await em.nativeUpdate(Phase, { phaseIndex: { $in: [10, 11] } }, { state: 'FAILED' });
  const failedEvents = await seedEvents(app, 'bench-10k', 1000);
  if (backend === 'postgresql') await raw.query('analyze');

  // 1. Consolidated metrics through the guide's REST route.
  const consolidated = (runId: string, limit: number) => async () => {
    const res = await http('GET', `${base}/api/dashboard/runs/${runId}/consolidated-metrics?limit=${limit}`);
    if (res.status !== 200) throw new Error(`consolidated metrics: ${res.status} ${res.body}`);
    return JSON.parse(res.body).total_tokens as number;
  };
  for (const [runId, n, limit] of [
    ['bench-10k', 10_000, 1000],
    ['bench-10k', 10_000, 10_000],
    ['bench-100k', 100_000, 1000],
    ['bench-100k', 100_000, 10_000],
  ] as const) {
    const fetchTotal = consolidated(runId, limit);
    const got = await fetchTotal();
    if (got !== expectedTotal(n, limit)) throw new Error(`consolidated metrics of ${runId} (limit ${limit}): ${got}, expected ${expectedTotal(n, limit)}`);
    const readEm = forkEm(app.orm);
    const { sql, params } = consolidatedStatement(dialectOf(readEm), [runId], { limit, offset: 0 });
    const text = literalSql(readEm, sql, params);
    log(`consolidated metrics ${runId} limit ${limit}`);
    if (explainPlans) log(await plan(raw, backend, text));
    const h = await sample(fetchTotal);
    const r = await sample(() => raw.query(text));
    const checks: string[] = [];
    if (n === 10_000 && limit === 1000) {
      checks.push(verdict(h.p50 <= 5, `consolidated metrics p50 ≤ 5 ms at 10K rows on ${backend}: ${ms(h.p50)} ms`));
      checks.push(verdict(h.p50 <= 3 * r.p50, `consolidated metrics over HTTP within 3× of raw SQL on ${backend}: ${(h.p50 / r.p50).toFixed(1)}×`));
    }
    rows.push(row(backend, `Consolidated metrics (REST), limit ${limit}`, `${n / 1000}K rows in the run`, '< 100 ms (10K)', h, r, checks));
  }

  // 2. Dashboard events by type.
  const eventsQuery = `{ dashboardEvents(eventType: "PHASE_FAILED", limit: 100) { id eventType message createdAt } }`;
  const events = await graphql<{ dashboardEvents: unknown[] }>(base, eventsQuery);
  if (events.dashboardEvents.length !== Math.min(100, failedEvents)) throw new Error('dashboardEvents returned the wrong number of events');
  const eventsSql = `select "d0".* from "dashboard_events" as "d0" where "d0"."event_type" = 'PHASE_FAILED' order by "d0"."created_at" desc, "d0"."id" desc limit 100`;
  log('dashboard events by type');
  rows.push(
    row(
      backend,
      'Dashboard events by type (`dashboardEvents`, 100 newest)',
      '1K events',
      '< 50 ms (1K)',
      await sample(() => graphql(base, eventsQuery)),
      await sample(() => raw.query(eventsSql)),
    ),
  );

  // 3. Phase status by run: the run and its phases, the two statements the service runs.
  const statusQuery = `{ run(id: "bench-10k") { status { totalPhases completedPhases failedPhases executingPhases percentComplete } } }`;
  const status = await graphql<{ run: { status: { completedPhases: number; failedPhases: number } } }>(base, statusQuery);
  if (status.run.status.completedPhases !== 10 || status.run.status.failedPhases !== 2) throw new Error('run status is wrong');
  const statusSql = [
    `select "r0".* from "runs" as "r0" where "r0"."id" = 'bench-10k' limit 1`,
    `select "p0".* from "phases" as "p0" where "p0"."run_id" in ('bench-10k') order by "p0"."phase_index" asc, "p0"."id" asc`,
  ];
  log('phase status by run');
  rows.push(
    row(
      backend,
      'Phase status by run (`run(id) { status }`)',
      `${PHASES} phases`,
      '< 10 ms',
      await sample(() => graphql(base, statusQuery)),
      await sample(async () => {
        for (const s of statusSql) await raw.query(s);
      }),
    ),
  );
  return rows;
}
