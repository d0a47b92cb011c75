// Applying and reverting the migrations in migrations/, safely from several processes at once.
import type { Orm } from '../../db/orm';
import { isPostgres } from '../../db/orm';
import type { Em } from '../../db/orm';

// Any constant works as long as every autopack process uses the same one.
const MIGRATION_LOCK_KEY = 7_146_146_012;

export interface MigrationState {
  applied: { name: string; executedAt: Date | null }[];
  pending: string[];
}

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

export async function migrationState(orm: Orm): Promise<MigrationState> {
  // Under the lock and sequential: reading creates the migrations table when it is missing, and two
  // processes doing that at once would race.
  return withMigrationLock(orm, async () => {
    const migrator = orm.getMigrator();
    const executed = await migrator.getExecutedMigrations();
    const pending = await migrator.getPendingMigrations();
    return {
      applied: executed.map((m) => ({ name: m.name, executedAt: m.executed_at ? new Date(m.executed_at) : null })),
      pending: pending.map((m) => m.name),
    };
  });
}

/** Applies every pending migration; returns the names applied (empty when already up to date). */
export async function migrateUp(orm: Orm): Promise<string[]> {
  return withMigrationLock(orm, async () => (await orm.getMigrator().up()).map((m) => m.name));
}

/** Reverts the last applied migration; returns its name, or null when none is applied. */
export async function migrateDown(orm: Orm): Promise<string | null> {
  return withMigrationLock(orm, async () => {
    const reverted = await orm.getMigrator().down();
    return reverted[0]?.name ?? null;
  });
}
