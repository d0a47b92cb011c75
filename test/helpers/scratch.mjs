// The test run's scratch directory: SQLite databases, the embedded PostgreSQL's data, browser profiles and
// backups go there (the global setup makes it the run's TMPDIR; the teardown removes it).
import { accessSync, chmodSync, constants, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Where: TEST_TMPDIR, else memory-backed /dev/shm where it exists with room (a container's default 64 MB is not
 * enough), else the system's temporary directory. Creating a file in memory costs microseconds; on this
 * machine's disk up to a millisecond, and a PostgreSQL database copy creates ~300 files.
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

/** A new scratch directory for this run (named after this process), after removing dead runs' ones. */
export function makeScratch(root = scratchRoot()) {
  removeStaleScratch(root);
  const dir = mkdtempSync(join(root, `${SCRATCH_PREFIX}${process.pid}-`));
  chmodSync(dir, 0o755); // as root, the embedded PostgreSQL runs as the 'postgres' user and must reach it
  return dir;
}
