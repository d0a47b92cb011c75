// `npm run bench:profile`: a CPU profile of our server (the compiled build, as `npm start` runs it) answering the
// dashboard query of `npm run bench:peer` under load, on the same seeded embedded PostgreSQL. Writes a
// .cpuprofile (open it in Chrome DevTools or speedscope) and prints where the self time goes, by package and by
// function. Env: PROFILE_SECONDS (default 20), PROFILE_CONNECTIONS (default 10), PROFILE_WORKLOAD (0-3, index
// into bench/peer-workloads.ts, default 0: the dashboard).
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import { drive } from './load-scenarios';
import { seedLoadData } from './load-seed';
import { WORKLOADS } from './peer-workloads';
import { START_FLAGS } from './servers';

const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;
const seconds = Number(process.env.PROFILE_SECONDS ?? 20);
const connections = Number(process.env.PROFILE_CONNECTIONS ?? 10);
const workload = WORKLOADS[Number(process.env.PROFILE_WORKLOAD ?? 0)];

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Profile {
  endTime: number; // µs, V8's clock
  nodes: { id: number; callFrame: Frame }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Self time by package (node_modules/<pkg>, our dist/src/<folder>, node: built-ins, V8's own entries) and by
 * function, over the last `windowMs` of the profile only (the measured load: not the server's start-up).
 */
function summarize(profile: Profile, windowMs: number): string {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byGroup = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  const from = profile.endTime - windowMs * 1000;
  let at = profile.endTime - profile.timeDeltas.reduce((a, b) => a + b, 0);
  profile.samples.forEach((id, i) => {
    const f = frames.get(id)!;
    const t = profile.timeDeltas[i] ?? 0;
    at += t;
    if (at < from) return;
    total += t;
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(f.url)?.[1];
    const ours = /dist\/(src\/[^/]+)/.exec(f.url)?.[1];
    const group = pkg ?? ours ?? (f.url ? f.url.split('/').slice(0, 2).join('/') : f.functionName);
    byGroup.set(group, (byGroup.get(group) ?? 0) + t);
    const fn = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*dist\//, '')}:${f.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  return ['Self time by package:', ...top(byGroup, 20), '', 'Self time by function:', ...top(byFunction, 30)].join('\n');
}

async function main(): Promise<void> {
  const { startEmbeddedPg } = await importEsm(pathToFileURL(join(__dirname, '..', 'test', 'helpers', 'embedded-pg.mjs')).href);
  const pg = await startEmbeddedPg();
  const profileDir = mkdtempSync(join(tmpdir(), 'autopack-profile-'));
  try {
    const admin = new Client({ connectionString: `${pg.url}/postgres` });
    await admin.connect();
    await admin.query('create database autopack_profile');
    await admin.end();
    const url = `${pg.url}/autopack_profile`;
    await seedLoadData(url);
    const child = fork(join(__dirname, 'load-server.js'), [url], { execArgv: [...START_FLAGS, '--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const server = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
    process.stderr.write(`profiling ${workload.name.slice(0, 60)}: ${seconds} s at ${connections} connections\n`);
    await drive(server, { connections, durationSeconds: 3 }, { body: workload.body.ours(0) }); // warm-up, not of interest
    const measuredFrom = performance.now();
    const result = await drive(server, { connections, durationSeconds: seconds }, { body: workload.body.ours(0) });
    child.send('close');
    await new Promise((resolve) => child.once('message', resolve));
    child.disconnect(); // the IPC channel was the last thing keeping the server's event loop alive
    const timeout = setTimeout(() => child.kill(), 15_000);
    await exited;
    clearTimeout(timeout);
    const windowMs = performance.now() - measuredFrom; // the measured load and the close, back from the exit
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the server wrote no profile');
    process.stdout.write(`${Math.round(result.requestsPerSecond)} req/s while profiled (${result.errors} errors); profile: ${join(profileDir, file)}\n\n`);
    process.stdout.write(`${summarize(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile, windowMs)}\n`);
  } finally {
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`profile failed: ${String((e as Error)?.stack ?? e).slice(0, 2000)}\n`);
    process.exit(1);
  },
);
