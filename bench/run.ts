// `npm run bench`: the rollout guide's critical queries over HTTP on the real server, next to the guide's
// baselines and to the raw SQL floor, on SQLite and on an embedded PostgreSQL. Loopback only; every loop is
// bounded. Usage: npm run bench [-- sqlite|postgresql]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { consoleLogger, type Logger } from '../src/logger';
import { closeClient, sh } from './measure';
import { openRawPg, openRawSqlite, type RawDb } from './raw';
import { runScenario, type Row } from './scenario';

type Backend = 'sqlite' | 'postgresql';

interface Target {
  url: string;
  raw(): Promise<RawDb>;
  cleanup(): Promise<void>;
}

// Keeps a real dynamic import (swc would turn import() into require(), which cannot load .mjs).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

async function sqliteTarget(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'autopack-bench-'));
  const file = join(dir, 'bench.db');
  return { url: `sqlite:///${file}`, raw: () => openRawSqlite(file), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

let pgVersion = '(not run)';

async function postgresTarget(): Promise<Target> {
  const { startEmbeddedPg } = await importEsm(pathToFileURL(join(__dirname, '..', 'test', 'helpers', 'embedded-pg.mjs')).href);
  const pg = await startEmbeddedPg();
  const admin = new Client({ connectionString: `${pg.url}/postgres` });
  await admin.connect();
  await admin.query('create database autopack_bench');
  pgVersion = String((await admin.query('show server_version')).rows[0].server_version);
  await admin.end();
  const url = `${pg.url}/autopack_bench`;
  return { url, raw: () => openRawPg(url), cleanup: () => pg.stop() };
}

// Server errors still show (a benchmark must not hide a failing service); routine info lines do not.
const errorsOnly: Logger = { info: () => undefined, warn: () => undefined, error: consoleLogger.error };

async function benchBackend(backend: Backend): Promise<Row[]> {
  const target = backend === 'sqlite' ? await sqliteTarget() : await postgresTarget();
  const config = loadConfig({
    DATABASE_URL: target.url,
    HOST: '127.0.0.1',
    PORT: '0',
    AUTOPACK_ENABLE_PHASE6_METRICS: '1',
    AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1',
  });
  const app = await startApp(config, { logger: errorsOnly });
  const raw = await target.raw();
  try {
    return await runScenario(backend, app, raw, (line) => process.stderr.write(`[${backend}] ${line}\n`));
  } finally {
    await raw.close();
    await app.close();
    await target.cleanup();
  }
}

function machine(loadAtStart: number): string {
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
  return [
    `- CPU: ${cpus()[0]?.model ?? '?'}, \`nproc\` = ${sh('nproc')}`,
    `- Memory: ${gib(totalmem())} total, ${gib(freemem())} free at start (\`free -h\`: ${sh('free -h | awk \'/^Mem:/ {print $2" total, "$7" available"}\'')})`,
    `- Node ${process.version}, ${process.platform}/${process.arch}; SQLite file in ${tmpdir()} (WAL); embedded PostgreSQL ${pgVersion} (fsync off)`,
    // Other work on the machine skews every figure: say how busy it was.
    `- Load average (1 min): ${loadAtStart.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at the end`,
  ].join('\n');
}

function table(rows: Row[]): string {
  const head = '| Backend | Measurement | Data | Guide baseline | HTTP p50 | HTTP p95 | Raw SQL p50 | Raw SQL p95 | HTTP ÷ raw (p50) |';
  const sep = '|---|---|---|---|---|---|---|---|---|';
  return [
    head,
    sep,
    ...rows.map((r) => `| ${r.backend} | ${r.what} | ${r.data} | ${r.baseline} | ${r.httpP50} | ${r.httpP95} | ${r.rawP50} | ${r.rawP95} | ${r.ratio} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0];
  const only = process.argv[2] as Backend | undefined;
  const backends: Backend[] = only ? [only] : ['sqlite', 'postgresql'];
  const rows: Row[] = [];
  for (const b of backends) rows.push(...(await benchBackend(b)));
  closeClient();
  const checks = rows.flatMap((r) => r.checks);
  process.stdout.write(`\n${machine(loadAtStart)}\n\n${table(rows)}\n\nTargets:\n${checks.map((c) => `- ${c}`).join('\n')}\n`);
  if (checks.some((c) => c.startsWith('MISSED'))) process.exitCode = 1;
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
