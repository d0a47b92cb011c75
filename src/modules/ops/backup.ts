// `autopack db backup|restore`: the rollout guide's Step 2a (backup before migrating) and Step 5b (restore
// when rolling back), for both backends. SQLite: VACUUM INTO (online, consistent) and an atomic file swap.
// PostgreSQL: pg_dump / psql in a single transaction.
import { InvalidFieldNameException, TableNotFoundException } from '@mikro-orm/core';
import { existsSync, linkSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Run } from '../../db/entities';
import { createOrm, forkEm, isPostgres, type Em, type Orm } from '../../db/orm';
import type { DatabaseTarget } from '../../db/url';
import { ServiceError } from '../errors';
import { ensureTool, pgDump, psqlRestore } from './backup-postgres';
import { checkpoint, hasSqliteHeader, inspectSqliteFile, replaceSqliteFile, sqliteTableCounts, vacuumInto } from './backup-sqlite';
import type { Progress, TableCount } from './backup-types';
import { migrationState } from './migrations';
import { scanPgDump } from './pg-dump-file';

export type { Progress, TableCount } from './backup-types';

/** Tables every autopack database has had since the first migration: a backup without them is not ours. */
const CORE_TABLES = ['runs', 'phases', 'dashboard_events', 'mikro_orm_migrations'];

export interface BackupResult {
  file: string;
  bytes: number;
  tables: TableCount[];
}

export interface RunningExecution {
  runId: string;
  ownerId: string | null;
  leaseExpiresAt: Date;
}

export interface RestorePlan {
  target: DatabaseTarget;
  file: string;
  /** What the backup holds. */
  backup: TableCount[];
  /** What the database holds now (empty when it does not exist yet). */
  current: TableCount[];
  running: RunningExecution[];
}

export interface RestoreResult {
  tables: TableCount[];
  /** Migrations newer than the backup: the restored schema is the one before them. */
  pendingMigrations: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The guide's name: autopack_backup_$(date +%Y%m%d_%H%M%S).db / .sql (local time, like `date`). */
export function defaultBackupName(target: DatabaseTarget, now = new Date()): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}_${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `autopack_backup_${stamp}.${target.kind === 'sqlite' ? 'db' : 'sql'}`;
}

function sqlitePath(target: DatabaseTarget & { kind: 'sqlite' }): string {
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

/**
 * Writes a backup of `target` to `file`. The backup goes to a temporary file next to it first, so a failed
 * or interrupted backup never leaves a file that looks complete.
 */
export async function backupDatabase(
  target: DatabaseTarget,
  opts: { file: string; force?: boolean; childEnv: Readonly<Record<string, string>>; progress: Progress },
): Promise<BackupResult> {
  const file = resolve(opts.file);
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

/** Checks that `file` is a complete backup of an autopack database for `target`'s backend; its tables. */
export async function inspectBackup(target: DatabaseTarget, file: string): Promise<TableCount[]> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new ServiceError('NOT_FOUND', `backup file ${file} not found`);
  const invalid = (why: string) => new ServiceError('BAD_USER_INPUT', `${file} is not a usable backup: ${why}; nothing was changed`);
  let tables: TableCount[];
  let names: string[];
  if (target.kind === 'sqlite') {
    if (!hasSqliteHeader(file)) throw invalid('not a SQLite database file (restore a .db file made by `autopack db backup` on SQLite)');
    const report = await inspectSqliteFile(file).catch((e: Error) => {
      throw invalid(`SQLite cannot read it (${e.message.split('\n')[0].replace(/^.* - /, '')})`); // knex prefixes the SQL
    });
    if (report.integrity !== 'ok') throw invalid(`SQLite integrity check failed (${report.integrity})`);
    tables = report.tables;
    names = tables.map((t) => t.table);
  } else {
    const scan = await scanPgDump(file);
    if (!scan.isDump) throw invalid('not a pg_dump SQL file (restore a .sql file made by `autopack db backup` on PostgreSQL)');
    if (!scan.complete) throw invalid('the dump is cut off (no "PostgreSQL database dump complete" line)');
    tables = scan.tables;
    names = scan.createdTables;
  }
  const missing = CORE_TABLES.filter((t) => !names.includes(t));
  if (missing.length) throw invalid(`it has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''} (not an autopack database)`);
  return tables;
}

const isMissingSchema = (e: unknown) => e instanceof TableNotFoundException || e instanceof InvalidFieldNameException;

/** Runs a server is executing right now: PHASE_EXECUTION with a lease that has not expired. */
export async function findRunningExecutions(em: Em): Promise<RunningExecution[]> {
  try {
    const runs = await em.find(
      Run,
      { state: 'PHASE_EXECUTION', leaseExpiresAt: { $gt: new Date() } },
      { orderBy: { id: 'asc' }, fields: ['id', 'ownerId', 'leaseExpiresAt'] },
    );
    return runs.map((r) => ({ runId: r.id, ownerId: r.ownerId ?? null, leaseExpiresAt: r.leaseExpiresAt! }));
  } catch (e) {
    if (isMissingSchema(e)) return []; // not migrated (that far): no server can be executing anything
    throw e;
  }
}

async function liveTableCounts(orm: Orm): Promise<TableCount[]> {
  const em = forkEm(orm);
  if (!isPostgres(em)) return sqliteTableCounts(orm);
  const names: { name: string }[] = await em.execute(
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
  );
  const counts: TableCount[] = [];
  for (const { name } of names) {
    const [row]: { n: string | number }[] = await em.execute(`select count(*) as n from "${name.replace(/"/g, '""')}"`);
    counts.push({ table: name, rows: Number(row.n) });
  }
  return counts;
}

/** Opens the target database unless it is a SQLite file that does not exist (opening would create it). */
async function openExisting(target: DatabaseTarget): Promise<Orm | null> {
  if (target.kind === 'sqlite' && !existsSync(sqlitePath(target))) return null;
  return createOrm(target);
}

/** Validates the backup and looks at the database; changes nothing. */
export async function planRestore(target: DatabaseTarget, file: string, childEnv: Readonly<Record<string, string>>): Promise<RestorePlan> {
  const path = resolve(file);
  if (target.kind === 'postgresql') await ensureTool('psql', { ...childEnv });
  else if (existsSync(path) && existsSync(sqlitePath(target)) && realpathSync(path) === realpathSync(sqlitePath(target))) {
    throw new ServiceError('BAD_USER_INPUT', `${path} is the database itself`);
  }
  const backup = await inspectBackup(target, path);
  const orm = await openExisting(target);
  if (!orm) return { target, file: path, backup, current: [], running: [] };
  try {
    return { target, file: path, backup, current: await liveTableCounts(orm), running: await findRunningExecutions(forkEm(orm)) };
  } finally {
    await orm.close();
  }
}

export function describeRunning(running: RunningExecution[]): string {
  return running.map((r) => `${r.runId} (server ${r.ownerId ?? 'unknown'}, lease until ${r.leaseExpiresAt.toISOString()})`).join(', ');
}

/** A restore under a server's feet would lose what its executors report: refuse, naming the runs. */
export function assertNothingRunning(running: RunningExecution[]): void {
  if (running.length) throw refuseRunning(running);
}

const refuseRunning = (running: RunningExecution[]) =>
  new ServiceError(
    'CONFLICT',
    `refusing to restore: a server is executing ${running.length} run(s) right now: ${describeRunning(running)}. ` +
      'Wait for them to finish (or stop the servers), then retry; nothing was changed',
  );

/** Restores a plan made by planRestore; re-checks for running executions right before replacing anything. */
export async function executeRestore(plan: RestorePlan, childEnv: Readonly<Record<string, string>>, progress: Progress): Promise<RestoreResult> {
  const { target } = plan;
  assertNothingRunning(plan.running);
  const orm = await openExisting(target);
  let dropTables: string[] = [];
  if (orm) {
    try {
      assertNothingRunning(await findRunningExecutions(forkEm(orm)));
      if (target.kind === 'sqlite') await checkpoint(orm);
      else {
        const ours = new Set([...Object.values(orm.getMetadata().getAll()).map((m) => m.tableName), 'mikro_orm_migrations']);
        dropTables = (await liveTableCounts(orm)).map((t) => t.table).filter((t) => ours.has(t));
      }
    } finally {
      await orm.close();
    }
  }
  if (target.kind === 'sqlite') {
    progress(`Restoring ${target.display} from ${plan.file}`);
    replaceSqliteFile(plan.file, sqlitePath(target), progress);
  } else {
    progress(`Restoring ${target.display} from ${plan.file} (psql, single transaction: all or nothing)`);
    await psqlRestore(target.url, plan.file, dropTables, childEnv);
  }
  const restored = await createOrm(target);
  try {
    return { tables: await liveTableCounts(restored), pendingMigrations: (await migrationState(restored)).pending };
  } finally {
    await restored.close();
  }
}
