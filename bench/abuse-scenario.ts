// Issue 14's abuse scenario: a normal dashboard load (read key) is measured alone, then again while the
// attacks run together against the same server: slow-body sockets, /health and /metrics floods, the
// list-size cost attack and a new operation name per request. An admin probe (`{ __typename }`, admin key,
// five a second) runs throughout. Prints the normal traffic's p50/p99 with and without the attack, its
// errors, the probe's slowest answer, each attacker's tally and the server's peak RSS.
// Duration of each phase: AUTOPACK_BENCH_ABUSE_SECONDS (default 60).
import { closeClient, http, ms } from './measure';
import { flood, LIST_SIZE_ATTACK, operationNames, slowBodies, type Attack } from './abuse';
import { dashboardLoad, DASHBOARD_QUERY, type LoadResult } from './load-scenarios';
import { SEED, seedLoadData } from './load-seed';
import { machine, mb, WARMUP_REQUESTS } from './load';
import { ask, database, startServer, stopServer, type Backend } from './servers';

const ADMIN = 'bench-admin-key';
const READ = 'bench-read-key';
const NORMAL_CONNECTIONS = 10;
const MAX_RSS_BYTES = 300 * 1024 * 1024;

interface Phase {
  load: LoadResult;
  probeMaxMs: number;
  probeFailures: number;
  peakRssBytes: number;
}

interface AbuseRow {
  backend: Backend;
  quiet: Phase;
  attacked: Phase;
  attacks: Attack[];
  slowDrops: string;
}

function seconds(): number {
  const raw = process.env.AUTOPACK_BENCH_ABUSE_SECONDS ?? '60';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 3600) throw new Error(`AUTOPACK_BENCH_ABUSE_SECONDS must be an integer from 1 to 3600, got "${raw}"`);
  return n;
}

/** `{ __typename }` with the admin key five times a second until stopped: its slowest answer and failures. */
function adminProbe(url: string): { stop(): Promise<{ maxMs: number; failures: number }> } {
  let stopped = false;
  let maxMs = 0;
  let failures = 0;
  const loop = (async () => {
    while (!stopped) {
      const t = process.hrtime.bigint();
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': ADMIN },
        body: JSON.stringify({ query: '{ __typename }' }),
      }).catch(() => null);
      const body = res ? await res.text() : '';
      if (res?.status !== 200 || body !== '{"data":{"__typename":"Query"}}\n') failures++;
      maxMs = Math.max(maxMs, Number(process.hrtime.bigint() - t) / 1e6);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { maxMs, failures };
    },
  };
}

async function measured(url: string, durationSeconds: number, expected: string, child: Parameters<typeof ask>[0]): Promise<Phase> {
  const probe = adminProbe(url);
  const load = await dashboardLoad(url, { connections: NORMAL_CONNECTIONS, durationSeconds }, expected, { 'x-api-key': READ });
  const p = await probe.stop();
  const stats = await ask(child, 'stats');
  return { load, probeMaxMs: p.maxMs, probeFailures: p.failures, peakRssBytes: 'maxRssBytes' in stats ? stats.maxRssBytes : NaN };
}

function attacks(url: string): Attack[] {
  const key = { 'x-api-key': READ };
  const gql = (query: string) => ({
    url: `${url}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', ...key },
    body: JSON.stringify({ query }),
  });
  return [
    slowBodies(url, READ, 50, 1000),
    flood('/health flood: 20 connections', { url: `${url}/health`, connections: 20 }),
    flood('/metrics flood: 10 connections', { url: `${url}/metrics`, connections: 10, headers: { 'x-api-key': ADMIN } }),
    flood('List-size cost attack (events x events x events, limit 1000 each): 4 connections', { ...gql(LIST_SIZE_ATTACK), connections: 4 }),
    operationNames(url, READ, 4),
  ];
}

async function abuseBackend(backend: Backend, durationSeconds: number, log: (s: string) => void): Promise<AbuseRow> {
  const db = await database(backend);
  try {
    log(`seeding ${SEED.runs} runs`);
    await seedLoadData(db.url);
    const server = await startServer(db.url, null, { AUTOPACK_API_KEY: ADMIN, AUTOPACK_READ_API_KEY: READ });
    try {
      const first = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': READ },
        body: JSON.stringify({ query: DASHBOARD_QUERY }),
      });
      const expected = await first.text();
      if (first.status !== 200 || expected.includes('"errors"')) throw new Error(`dashboard answer is wrong: ${expected.slice(0, 300)}`);
      for (let i = 0; i < WARMUP_REQUESTS; i++) await http('POST', `${server.url}/graphql`, { query: '{ __typename }' }).catch(() => undefined);
      log(`normal dashboard load alone: ${durationSeconds} s at ${NORMAL_CONNECTIONS} connections`);
      const quiet = await measured(server.url, durationSeconds, expected, server.child);
      log(`the same load with every attack at once: ${durationSeconds} s`);
      const running = attacks(server.url);
      const attacked = await measured(server.url, durationSeconds, expected, server.child);
      await Promise.all(running.map((a) => a.stop()));
      const metrics = await (await fetch(`${server.url}/metrics`, { headers: { 'x-api-key': ADMIN } })).text();
      const drops = [...metrics.matchAll(/^autopack_http_slow_client_drops_total\{stage="(\w+)"\} (\d+)$/gm)].map((m) => `${m[1]} ${m[2]}`).join(', ');
      return { backend, quiet, attacked, attacks: running, slowDrops: drops || 'none' };
    } finally {
      await stopServer(server.child);
    }
  } finally {
    await db.cleanup();
  }
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

function tables(rows: AbuseRow[], durationSeconds: number): string {
  const out = [
    `Normal traffic: the dashboard query with the read key at ${NORMAL_CONNECTIONS} connections for ${durationSeconds} s; admin probe \`{ __typename }\` 5/s.`,
    '',
    '| Backend | Normal traffic | Requests/s | p50 | p99 | Errors | Admin probe: slowest, failed | Peak RSS |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    for (const [label, p] of [
      ['without attack', r.quiet],
      ['with attack', r.attacked],
    ] as const) {
      out.push(
        `| ${r.backend} | ${label} | ${int(p.load.requestsPerSecond)} | ${ms(p.load.p50)} ms | ${ms(p.load.p99)} ms | ${p.load.errors} | ${ms(p.probeMaxMs)} ms, ${p.probeFailures} | ${mb(p.peakRssBytes)} |`,
      );
    }
  }
  out.push('', '| Backend | Attack | Sent | Served (2xx) | Refused (4xx/503) | Connection errors |', '|---|---|---|---|---|---|');
  for (const r of rows) {
    for (const a of r.attacks)
      out.push(`| ${r.backend} | ${a.name} | ${int(a.counts.sent)} | ${int(a.counts.served)} | ${int(a.counts.refused)} | ${int(a.counts.errors)} |`);
    out.push(`| ${r.backend} | (server) slow-client drops in /metrics | | | ${r.slowDrops} | |`);
  }
  return out.join('\n');
}

export async function abuseBench(backends: Backend[]): Promise<number> {
  const durationSeconds = seconds();
  const rows: AbuseRow[] = [];
  for (const backend of backends) rows.push(await abuseBackend(backend, durationSeconds, (line) => process.stderr.write(`[${backend}] ${line}\n`)));
  closeClient();
  process.stdout.write(`\n${machine(null)}\n\n${tables(rows, durationSeconds)}\n\n`);
  // The bar of issue 14: the normal traffic and the admin probe keep working, the server stays under 300 MB.
  const missed = rows.filter(
    (r) => r.attacked.load.errors > 0 || r.attacked.probeFailures > 0 || r.attacked.probeMaxMs > 1000 || !(r.attacked.peakRssBytes < MAX_RSS_BYTES),
  );
  process.stdout.write(
    missed.length
      ? `MISSED: ${missed.map((r) => r.backend).join(', ')}\n`
      : 'MET: no normal-traffic error, admin probe always within 1 s, peak RSS under 300 MB\n',
  );
  return missed.length ? 1 : 0;
}
