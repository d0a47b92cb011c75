// The floor: the same SQL text the service sends, run through the bare driver (no ORM, no GraphQL, no HTTP).
import { Client } from 'pg';
import sqlite3 from 'sqlite3';

export interface RawDb {
  query(sql: string): Promise<unknown[]>;
  close(): Promise<void>;
}

export async function openRawSqlite(path: string): Promise<RawDb> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(path, (err) => (err ? reject(err) : resolve(d)));
  });
  return {
    query: (sql) => new Promise((resolve, reject) => db.all(sql, (err, rows) => (err ? reject(err) : resolve(rows)))),
    close: () => new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve()))),
  };
}

export async function openRawPg(url: string): Promise<RawDb> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    query: async (sql) => (await client.query(sql)).rows,
    close: () => client.end(),
  };
}
