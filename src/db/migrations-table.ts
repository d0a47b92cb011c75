// MikroORM's record of applied migrations, read with the backend's bare driver: `autopack migrate status`
// answers without loading the ORM, the migrator or the other backend's driver (issue 17). Only the driver
// of the URL's backend is loaded, and only when called.
import type { DatabaseTarget } from './url';

/** Where MikroORM's migrator records what it applied (its `migrations.tableName`). */
export const MIGRATIONS_TABLE = 'mikro_orm_migrations';

/** SQLite's wait for a writer's lock when no statement time limit is set (the ORM's connections too). */
export const SQLITE_DEFAULT_BUSY_MS = 5000;

export interface MigrationsTableRow {
  name: string;
  executed_at: unknown;
}

/** The applied migrations in the order applied (the ORM's migrationState and the bare drivers below). */
export const SELECT_MIGRATIONS = `select name, executed_at from ${MIGRATIONS_TABLE} order by id`;

/** The rows of the migrations table in the order applied; none when the table does not exist yet. */
export async function readMigrationsTable(target: DatabaseTarget): Promise<MigrationsTableRow[]> {
  return target.kind === 'postgresql' ? readPostgres(target.url) : readSqlite(target.path);
}

async function readPostgres(url: string): Promise<MigrationsTableRow[]> {
  const { Client, TypeOverrides } = await import('pg');
  // Timestamps as text, as MikroORM's connection reads them; driverDate() turns either form into a Date.
  const asText = new TypeOverrides();
  for (const oid of [1114, 1184]) asText.setTypeParser(oid, (text: string) => text);
  const client = new Client({ connectionString: url, types: asText });
  // A dropped connection after the answer must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query<MigrationsTableRow>(SELECT_MIGRATIONS)).rows;
  } catch (e) {
    if ((e as { code?: string }).code === '42P01') return []; // undefined_table: nothing applied yet
    throw e;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function readSqlite(path: string): Promise<MigrationsTableRow[]> {
  const sqlite3 = (await import('sqlite3')).default;
  const db = await new Promise<import('sqlite3').Database>((resolve, reject) => {
    const opened: import('sqlite3').Database = new sqlite3.Database(path, (err) => (err ? reject(err) : resolve(opened)));
  });
  try {
    // Wait for a writer (a running `migrate up`) as the ORM's connection does, instead of failing with SQLITE_BUSY.
    db.configure('busyTimeout', SQLITE_DEFAULT_BUSY_MS);
    return await new Promise<MigrationsTableRow[]>((resolve, reject) =>
      db.all<MigrationsTableRow>(SELECT_MIGRATIONS, (err, rows) => {
        if (!err) resolve(rows);
        else if (/no such table/i.test(err.message)) resolve([]);
        else reject(err);
      }),
    );
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}
