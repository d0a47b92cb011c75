// Global setup of the database tests: one embedded PostgreSQL for the whole run (each test file creates its
// own databases in it), unless TEST_PG_URL points at an existing server (postgresql://user:pass@host:port,
// no database); then one migrated template database per backend, copied for every harness.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPg } from './helpers/embedded-pg.mjs';
import { makeScratch } from './helpers/scratch.mjs';

const here = dirname(fileURLToPath(import.meta.url));

export default async function globalSetup() {
  // Set before anything starts: the workers, the embedded PostgreSQL and their children inherit it (os.tmpdir()).
  const scratch = makeScratch();
  globalThis.__AUTOPACK_SCRATCH__ = scratch;
  process.env.TMPDIR = scratch;
  if (!process.env.TEST_PG_URL) {
    const pg = await startEmbeddedPg();
    globalThis.__AUTOPACK_PG__ = pg;
    process.env.TEST_PG_URL = pg.url;
  }
  const out = execFileSync(process.execPath, ['-r', join(here, 'helpers/swc-register.js'), join(here, 'helpers/make-templates.ts')], {
    env: process.env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const templates = JSON.parse(out.trim().split('\n').pop());
  globalThis.__AUTOPACK_TEMPLATES__ = templates;
  process.env.TEST_SQLITE_TEMPLATE = templates.sqlite;
  if (templates.postgresql) process.env.TEST_PG_TEMPLATE = templates.postgresql;
}
