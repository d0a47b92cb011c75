// `npm run bench:console`: the operator console's bundle size (gzipped) and the time to first render of
// its Runs page with 10,000 runs in the database, on SQLite and on an embedded PostgreSQL. Each load is a
// cold browser context (nothing cached) on loopback; the time is from navigation start to the first rows
// on screen (the page's `autopack:runs-rendered` performance mark). Bar: under 1 s, bundle under 500 KB.
// Usage: npm run bench:console [-- sqlite|postgresql] [--runs N] [--loads N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { Phase, Run } from '../src/db/entities';
import { createOrm, forkEm } from '../src/db/orm';
import { parseDatabaseUrl } from '../src/db/url';
import { silentLogger } from '../src/logger';
import { migrateUp } from '../src/modules/ops/migrations';

type Backend = 'sqlite' | 'postgresql';
const ROOT = join(__dirname, '..');
const BAR_MS = 1000;
const BAR_BUNDLE_BYTES = 500 * 1024;
const CHUNK = 1000;
const STATES = ['DONE_SUCCESS', 'DONE_SUCCESS', 'DONE_SUCCESS', 'DONE_FAILED_ENVIRONMENT', 'PHASE_EXECUTION', 'RUN_CREATED'];

// Keeps a real dynamic import (swc would turn import() into require(), which cannot load .mjs).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

async function database(backend: Backend): Promise<{ url: string; cleanup(): Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'autopack-console-'));
    return { url: `sqlite:///${join(dir, 'console.db')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { startEmbeddedPg } = await importEsm(pathToFileURL(join(ROOT, 'test', 'helpers', 'embedded-pg.mjs')).href);
  const pg = await startEmbeddedPg();
  const admin = new Client({ connectionString: `${pg.url}/postgres` });
  await admin.connect();
  await admin.query('create database autopack_console');
  await admin.end();
  return { url: `${pg.url}/autopack_console`, cleanup: () => pg.stop() };
}

/** `runs` runs of 4 phases each, straight through the ORM (seeding is not what is measured). */
async function seed(url: string, runs: number): Promise<void> {
  const orm = await createOrm(parseDatabaseUrl(url), { logger: silentLogger });
  try {
    await migrateUp(orm);
    const em = forkEm(orm);
    const now = Date.now();
    const rows = Array.from({ length: runs }, (_, r) => ({
      id: `bench-${String(r).padStart(6, '0')}`,
      state: STATES[r % STATES.length],
      tokensUsed: 1000 * (r % 50),
      createdAt: new Date(now - (runs - r) * 1000),
      updatedAt: new Date(now),
      startedAt: new Date(now - (runs - r) * 1000 + 500),
      completedAt: new Date(now - (runs - r) * 1000 + 900),
    }));
    for (let i = 0; i < rows.length; i += CHUNK) await em.insertMany(Run, rows.slice(i, i + CHUNK) as never[]);
    const phases = rows.flatMap((run) =>
      ['plan', 'implement', 'test', 'review'].map((phaseId, p) => ({
        run: run.id,
        phaseId,
        name: phaseId,
        phaseIndex: p,
        state: 'COMPLETE',
        tokensUsed: run.tokensUsed / 4,
        createdAt: run.createdAt,
        updatedAt: run.updatedAt,
      })),
    );
    for (let i = 0; i < phases.length; i += CHUNK) await em.insertMany(Phase, phases.slice(i, i + CHUNK) as never[]);
  } finally {
    await orm.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function benchBackend(backend: Backend, runs: number, loads: number): Promise<number[]> {
  const db = await database(backend);
  try {
    await seed(db.url, runs);
    const app = await startApp(
      loadConfig({ DATABASE_URL: db.url, HOST: '127.0.0.1', PORT: '0', AUTOPACK_API_KEY: 'bench-key', AUTOPACK_SHUTDOWN_GRACE_SECONDS: '0' }),
      { logger: silentLogger },
    );
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    try {
      const times: number[] = [];
      for (let i = 0; i < loads + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        await context.addInitScript(() => (globalThis as any).sessionStorage.setItem('autopack.apiKey', 'bench-key'));
        const page = await context.newPage();
        await page.goto(`${app.url}/runs`);
        await page.waitForSelector('[data-run-id]', { timeout: 30_000 });
        const rows = await page.locator('[data-run-id]').count();
        if (rows !== 25) throw new Error(`expected 25 rows on the first page, got ${rows}`);
        const ms = await page.evaluate(() => (globalThis as any).performance.getEntriesByName('autopack:runs-rendered')[0].startTime as number);
        if (i > 0) times.push(ms); // the first load warms the server (JIT, statement caches)
        await context.close();
      }
      return times;
    } finally {
      await browser.close();
      await app.close();
    }
  } finally {
    await db.cleanup();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
  const runs = opt('--runs', 10_000);
  const loads = opt('--loads', 5);
  const backends = (['sqlite', 'postgresql'] as const).filter((b) => !args.some((a) => a === 'sqlite' || a === 'postgresql') || args.includes(b));
  const sizes = JSON.parse(readFileSync(join(ROOT, 'dist', 'console', 'sizes.json'), 'utf8')) as {
    entry: number;
    js: number;
    css: number;
    html: number;
    total: number;
  };
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `Bundle (gzipped): ${kb(sizes.total)} in all (JS ${kb(sizes.js)}, of which ${kb(sizes.entry)} load first and ECharts on the first chart; CSS ${kb(sizes.css)}, HTML ${kb(sizes.html)}); bar ${kb(BAR_BUNDLE_BYTES)}`,
  );
  console.log(`\n| backend | runs in database | cold loads | first render of /runs, median | min | max |\n|---|---|---|---|---|---|`);
  let failed = sizes.total >= BAR_BUNDLE_BYTES;
  for (const backend of backends) {
    const times = await benchBackend(backend, runs, loads);
    console.log(
      `| ${backend} | ${runs.toLocaleString('en-US')} | ${loads} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms |`,
    );
    if (median(times) >= BAR_MS) failed = true;
  }
  console.log(failed ? '\nBar missed (first render under 1 s, bundle under 500 KB).' : '\nBar met (first render under 1 s, bundle under 500 KB).');
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
