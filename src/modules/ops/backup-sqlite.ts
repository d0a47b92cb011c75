// SQLite backups and restores. A backup is `VACUUM INTO` through a live connection: it reads one
// consistent snapshot in a single read transaction, and in WAL mode a reader never blocks the servers'
// writers (a file copy could catch a half-written page or miss the -wal file). A restore swaps the whole
// database file with one rename, so a reader sees either the old database or the restored one.
import { closeSync, copyFileSync, fsyncSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { createOrm, type Orm } from '../../db/orm';
import type { TableCount } from './backup-types';

const SQLITE_HEADER = 'SQLite format 3\u0000';

/** Whether `file` starts with SQLite's 16-byte magic header. */
export function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return n === 16 && buf.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a consistent snapshot of the database behind `orm` to `file` (which must not exist). */
export async function vacuumInto(orm: Orm, file: string): Promise<void> {
  await orm.em.getConnection().execute('vacuum into ?', [file]);
}

/** Row counts of every table in schema `schema` ("main" or an attached name) of `orm`'s connection. */
export async function sqliteTableCounts(orm: Orm, schema = 'main'): Promise<TableCount[]> {
  const conn = orm.em.getConnection();
  const names: { name: string }[] = await conn.execute(
    `select name from ${quoteIdent(schema)}.sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
  );
  const counts: TableCount[] = [];
  for (const { name } of names) {
    const [row]: { n: number }[] = await conn.execute(`select count(*) as n from ${quoteIdent(schema)}.${quoteIdent(name)}`);
    counts.push({ table: name, rows: Number(row.n) });
  }
  return counts;
}

export interface SqliteFileReport {
  integrity: string;
  tables: TableCount[];
}

/**
 * Runs SQLite's quick_check on `file` and counts each table's rows. The file is attached to a private
 * in-memory connection and only read, so checking a backup never creates or changes a database.
 */
export async function inspectSqliteFile(file: string): Promise<SqliteFileReport> {
  const orm = await createOrm({ kind: 'sqlite', path: ':memory:', display: 'sqlite:///:memory:' });
  const conn = orm.em.getConnection();
  try {
    await conn.execute('attach database ? as backup', [file]);
    try {
      const check: Record<string, string>[] = await conn.execute('pragma backup.quick_check');
      const integrity = check.map((r) => Object.values(r)[0]).join('; ');
      return { integrity, tables: await sqliteTableCounts(orm, 'backup') };
    } finally {
      await conn.execute('detach database backup');
    }
  } finally {
    await orm.close();
  }
}

/**
 * Empties the write-ahead log of the live database into the main file before it is replaced, so nothing of
 * it is left for a later opener to mistake for a log of the restored file.
 */
export async function checkpoint(orm: Orm): Promise<void> {
  await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
}

/**
 * Replaces `target` with a copy of `source`: the copy is written and synced next to the target (same file
 * system), then renamed over it in one step. The old database's -wal, -shm and -journal files are removed:
 * left in place, SQLite would apply them to the restored file.
 */
export function replaceSqliteFile(source: string, target: string, progress: (line: string) => void): void {
  const tmp = `${target}.restore-${process.pid}.tmp`;
  try {
    progress(`  copying the backup to ${tmp}`);
    copyFileSync(source, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    progress(`  replacing ${target}`);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
}
