// Applying and reverting the migrations in migrations/, safely from several processes at once; reading
// which ones are applied, with no lock.
import { TableNotFoundException, type IMigrator } from '@mikro-orm/core';
import type { Orm } from '../../db/orm';
import { forkEm, isPostgres } from '../../db/orm';
import type { Em } from '../../db/orm';
import { SELECT_MIGRATIONS, type MigrationsTableRow } from '../../db/migrations-table';
import { migrationFileNames, migrationStateFrom, type MigrationState } from './migration-status';

// Any constant works as long as every autopack process uses the same one.
const MIGRATION_LOCK_KEY = 7_146_146_012;

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock, so two `migrate up` started together run one
 * after the other (the second finds nothing pending). SQLite serialises writers by itself.
 */
async function withMigrationLock<T>(orm: Orm, fn: () => Promise<T>): Promise<T> {
  const em = orm.em as Em;
  if (!isPostgres(em)) return fn();
  const client = em.getKnex().client;
  const conn = await client.acquireConnection();
  try {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await fn();
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.releaseConnection(conn);
  }
}

/** The migrations' names, read from migrations/ once per process (not loaded: see migratorOf). */
let names: string[] | undefined;

/**
 * Which migrations are applied and which are pending: one plain read of the migrations table, no lock and
 * one connection, so a status read (a GraphQL field a client may alias many times) can neither wait behind
 * a running `migrate up` nor hold pool connections while it waits. A database with no migrations table
 * yet has everything pending (creating the table is left to `migrateUp`, under the lock).
 */
export async function migrationState(orm: Orm): Promise<MigrationState> {
  let rows: MigrationsTableRow[];
  try {
    rows = await forkEm(orm).execute(SELECT_MIGRATIONS);
  } catch (e) {
    if (e instanceof TableNotFoundException) rows = [];
    else throw e;
  }
  return migrationStateFrom(rows, (names ??= migrationFileNames()));
}

/** The ORM's migrator, with the migration classes, loaded on first use (the ORM is created without them; see db/orm.ts). */
export async function migratorOf(orm: Orm): Promise<IMigrator> {
  if (!orm.config.getExtension('@mikro-orm/migrator')) {
    const [{ Migrator }, { MIGRATIONS }] = await Promise.all([import('@mikro-orm/migrations'), import('../../../migrations')]);
    orm.config.set('migrations', { ...orm.config.get('migrations'), migrationsList: MIGRATIONS });
    Migrator.register(orm);
  }
  return orm.getMigrator();
}

/** Applies every pending migration; returns the names applied (empty when already up to date). */
export async function migrateUp(orm: Orm): Promise<string[]> {
  const migrator = await migratorOf(orm);
  return withMigrationLock(orm, async () => (await migrator.up()).map((m) => m.name));
}

/** Reverts the last applied migration; returns its name, or null when none is applied. */
export async function migrateDown(orm: Orm): Promise<string | null> {
  const migrator = await migratorOf(orm);
  return withMigrationLock(orm, async () => {
    const reverted = await migrator.down();
    return reverted[0]?.name ?? null;
  });
}
