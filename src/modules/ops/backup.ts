// `autopack db backup`: the rollout guide's Step 2a (back up before migrating), for both backends.
// SQLite: VACUUM INTO (online, consistent). PostgreSQL: pg_dump. The restore side is in restore.ts.
import { existsSync, linkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createOrm } from '../../db/orm';
import type { DatabaseTarget } from '../../db/url';
import { ServiceError } from '../../shared/errors';
import { ensureTool, pgDump } from './backup-postgres';
import { inspectSqliteFile, vacuumInto } from './backup-sqlite';
import type { Progress, TableCount } from './backup-types';
import { scanPgDump } from './pg-dump-file';

export type { Progress, TableCount } from './backup-types';

export interface BackupResult {
  file: string;
  bytes: number;
  tables: TableCount[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The guide's name: autopack_backup_$(date +%Y%m%d_%H%M%S).db / .sql (local time, like `date`). */
export function defaultBackupName(target: DatabaseTarget, now = new Date()): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}_${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `autopack_backup_${stamp}.${target.kind === 'sqlite' ? 'db' : 'sql'}`;
}

export function sqlitePath(target: DatabaseTarget & { kind: 'sqlite' }): string {
  if (target.path === ':memory:') throw new ServiceError('BAD_USER_INPUT', 'an in-memory SQLite database has nothing to back up or restore');
  return resolve(target.path);
}

/** Moves the finished temporary file into place; without `force` an existing file is never replaced. */
function publish(tmp: string, file: string, force: boolean): void {
  if (force) return renameSync(tmp, file);
  try {
    linkSync(tmp, file); // fails if `file` appeared meanwhile, unlike rename
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(file);
    throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

const alreadyExists = (file: string) => new ServiceError('CONFLICT', `${file} already exists (pass --force to overwrite it)`);

const SQLITE_COMPANIONS = ['', '-wal', '-shm', '-journal'];

/** `path` with symlinks resolved as far as it exists (a file not yet written: its folder's real path). */
function realPathOf(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const dir = dirname(path);
  return dir === path ? path : join(realPathOf(dir), basename(path));
}

/**
 * A backup written over the live SQLite file or its -wal/-shm/-journal would replace the database under
 * the servers' feet (and --force cannot make that right): refuse it, however the path is spelled
 * (relative, through a symlink, a hard link).
 */
function assertNotLiveSqliteFile(db: string, file: string): void {
  const live = new Set(SQLITE_COMPANIONS.flatMap((suffix) => [resolve(db) + suffix, realPathOf(db) + suffix]));
  const out = realPathOf(file);
  const sameInode = (a: string, b: string) => {
    if (!existsSync(a) || !existsSync(b)) return false;
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  };
  if (live.has(resolve(file)) || live.has(out) || SQLITE_COMPANIONS.some((suffix) => sameInode(file, db + suffix))) {
    throw new ServiceError(
      'BAD_USER_INPUT',
      `${file} is the live database ${db} (or one of its -wal/-shm/-journal files): choose another --out; nothing was written`,
    );
  }
}

/**
 * Writes a backup of `target` to `file`. The backup goes to a temporary file next to it first, so a failed
 * or interrupted backup never leaves a file that looks complete.
 */
export async function backupDatabase(
  target: DatabaseTarget,
  opts: { file: string; force?: boolean; childEnv: Readonly<Record<string, string>>; progress: Progress },
): Promise<BackupResult> {
  const file = resolve(opts.file);
  if (target.kind === 'sqlite') assertNotLiveSqliteFile(sqlitePath(target), file);
  if (!opts.force && existsSync(file)) throw alreadyExists(file);
  const tmp = `${file}.partial-${process.pid}`;
  rmSync(tmp, { force: true });
  let tables: TableCount[];
  try {
    if (target.kind === 'sqlite') {
      const db = sqlitePath(target);
      if (!existsSync(db)) throw new ServiceError('NOT_FOUND', `database file ${db} does not exist`);
      opts.progress(`Backing up ${target.display} (online snapshot: VACUUM INTO)`);
      const orm = await createOrm(target);
      try {
        await vacuumInto(orm, tmp);
      } finally {
        await orm.close();
      }
      opts.progress('  checking the backup');
      const report = await inspectSqliteFile(tmp);
      if (report.integrity !== 'ok') throw new Error(`the backup failed SQLite's integrity check: ${report.integrity}`);
      tables = report.tables;
    } else {
      await ensureTool('pg_dump', { ...opts.childEnv });
      opts.progress(`Backing up ${target.display} (pg_dump --clean --if-exists --no-owner)`);
      await pgDump(target.url, tmp, opts.childEnv, opts.progress);
      const scan = await scanPgDump(tmp);
      if (!scan.isDump || !scan.complete) throw new Error('pg_dump finished but its file is incomplete');
      tables = scan.tables;
    }
    publish(tmp, file, opts.force ?? false);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { file, bytes: statSync(file).size, tables };
}
