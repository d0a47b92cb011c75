// `autopack db restore`: the rollout guide's Step 5b (restore when rolling back). The file is validated and
// the database checked for running executions before anything is touched. SQLite: an atomic file swap.
// PostgreSQL: psql in a single transaction.
import { InvalidFieldNameException, TableNotFoundException } from '@mikro-orm/core';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Run } from '../../db/entities';
import { createOrm, forkEm, isPostgres, type Em, type Orm } from '../../db/orm';
import type { DatabaseTarget } from '../../db/url';
import { ServiceError } from '../../shared/errors';
import { sqlitePath } from './backup';
import { ensureTool, psqlRestore } from './backup-postgres';
import { checkpoint, hasSqliteHeader, inspectSqliteFile, replaceSqliteFile, sqliteTableCounts } from './backup-sqlite';
import type { Progress, TableCount } from './backup-types';
import { migrationState } from './migrations';
import { scanPgDump } from './pg-dump-file';

/** Tables every autopack database has had since the first migration: a backup without them is not ours. */
const CORE_TABLES = ['runs', 'phases', 'dashboard_events', 'mikro_orm_migrations'];

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

/** Checks that `file` is a complete backup of an autopack database for `target`'s backend; its tables. */
async function inspectBackup(target: DatabaseTarget, file: string): Promise<TableCount[]> {
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
    if (scan.refused) throw invalid(`it is not plain pg_dump data: ${scan.refused}`);
    tables = scan.tables;
    names = scan.createdTables;
  }
  const missing = CORE_TABLES.filter((t) => !names.includes(t));
  if (missing.length) throw invalid(`it has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''} (not an autopack database)`);
  return tables;
}

const isMissingSchema = (e: unknown) => e instanceof TableNotFoundException || e instanceof InvalidFieldNameException;

/** Runs a server is executing right now: PHASE_EXECUTION with a lease that has not expired. */
async function findRunningExecutions(em: Em): Promise<RunningExecution[]> {
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

function describeRunning(running: RunningExecution[]): string {
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
    await inspectBackup(target, plan.file); // again: psql must replay the very file that was checked
    await psqlRestore(target.url, plan.file, dropTables, childEnv);
  }
  const restored = await createOrm(target);
  try {
    return { tables: await liveTableCounts(restored), pendingMigrations: (await migrationState(restored)).pending };
  } finally {
    await restored.close();
  }
}
