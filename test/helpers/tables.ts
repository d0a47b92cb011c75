// Every row of every table of a database, for before/after comparisons (backups, restores).
import { createOrm, forkEm, isPostgres, type Orm } from '../../src/db/orm';
import { silentLogger } from '../../src/logger';
import type { TestDatabase } from './db';

export type TableRows = Record<string, Record<string, unknown>[]>;

/** Opens the test database for `fn` only: a SQLite file must not be held open while a restore replaces it. */
export async function withOrm<T>(db: TestDatabase, fn: (orm: Orm) => Promise<T>): Promise<T> {
  const orm = await createOrm(db.target, { logger: silentLogger });
  try {
    return await fn(orm);
  } finally {
    await orm.close();
  }
}

export async function allRows(orm: Orm): Promise<TableRows> {
  const em = forkEm(orm);
  const names: { name: string }[] = isPostgres(em)
    ? await em.execute("select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")
    : await em.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
  const out: TableRows = {};
  for (const { name } of names.sort((a, b) => a.name.localeCompare(b.name))) {
    const rows: Record<string, unknown>[] = await em.execute(`select * from "${name}"`);
    // Sorted by content: row order without ORDER BY is not something a restore has to preserve.
    out[name] = rows.map((r) => ({ ...r })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}
