// Global setup of the database tests: one embedded PostgreSQL for the whole run (each test file creates its
// own databases in it), unless TEST_PG_URL points at an existing server (postgresql://user:pass@host:port,
// no database); then one migrated template database per backend, copied for every harness.
import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPg } from './helpers/embedded-pg.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Where the run keeps its scratch files (SQLite databases, the embedded PostgreSQL's data, browser profiles,
 * backups): TEST_TMPDIR, else memory-backed /dev/shm where it exists with room (a container's default 64 MB
 * is not enough), else the system's temporary directory. Creating a file in memory costs microseconds; on
 * this machine's disk up to a millisecond, and a PostgreSQL database copy creates ~300 files.
 */
const SHM_ROOM = 1024 ** 3; // a whole run peaks near 120 MB

function scratchRoot() {
  if (process.env.TEST_TMPDIR) return process.env.TEST_TMPDIR;
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize >= SHM_ROOM) return '/dev/shm';
  } catch {
    // no /dev/shm: the system's temporary directory
  }
  return tmpdir();
}

const SCRATCH_PREFIX = 'autopack-test-run-';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

/**
 * Scratch directories of earlier runs that ended without their teardown (Ctrl-C, a killed jest): in memory they
 * would hold their space until a reboot. Each is named after its run's process, so only the dead ones go.
 */
function removeStaleScratch(root) {
  for (const name of readdirSync(root)) {
    const pid = name.startsWith(SCRATCH_PREFIX) ? Number(name.slice(SCRATCH_PREFIX.length).split('-')[0]) : 0;
    if (pid > 0 && !alive(pid)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

export default async function globalSetup() {
  const root = scratchRoot();
  removeStaleScratch(root);
  // Set before anything starts: the workers, the embedded PostgreSQL and their children inherit it (os.tmpdir()).
  const scratch = mkdtempSync(join(root, `${SCRATCH_PREFIX}${process.pid}-`));
  chmodSync(scratch, 0o755); // as root, the embedded PostgreSQL runs as the 'postgres' user and must reach it
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
