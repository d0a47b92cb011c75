// Holds an API request inside its admission slot without any timing trick: a lock taken from outside the
// server makes the request's SQL wait until the test releases it (a slow query, as in production).
// PostgreSQL locks one table, with no time limit. SQLite locks the whole database (its only lock), and a
// statement waits at most the server's busy_timeout (5 s): hold it only for a few round trips.
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import type { TestDatabase } from './db';

export interface DbLock {
  release(): Promise<void>;
}

function sqlite(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
}

export async function lockTable(db: TestDatabase, table: string): Promise<DbLock> {
  if (db.target.kind === 'postgresql') {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('begin');
    await client.query(`lock table ${table} in access exclusive mode`);
    return {
      async release() {
        await client.query('rollback');
        await client.end();
      },
    };
  }
  const conn = new sqlite3.Database(db.target.path);
  // In WAL mode only an exclusive-locking-mode connection keeps readers out; closing it lets them in.
  await sqlite(conn, `pragma locking_mode = exclusive; begin exclusive; select count(*) from ${table};`);
  return {
    async release() {
      await sqlite(conn, 'rollback');
      await new Promise<void>((resolve, reject) => conn.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
