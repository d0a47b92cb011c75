// One suite, every backend: helpers to get a fresh, empty database of either kind.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { parseDatabaseUrl, type DatabaseTarget } from '../../src/db/url';

export type Backend = 'sqlite' | 'postgresql';
export const BACKENDS: Backend[] = ['sqlite', 'postgresql'];

export interface TestDatabase {
  url: string;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/** URL of database `db` on the test server (TEST_PG_URL: postgresql://user:pass@host:port). */
export function pgUrl(db: string): string {
  const base = process.env.TEST_PG_URL;
  if (!base) throw new Error('TEST_PG_URL is not set (jest global setup starts an embedded PostgreSQL)');
  const url = new URL(base);
  url.pathname = `/${db}`;
  return url.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: pgUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let counter = 0;

/**
 * A fresh database of `backend`: empty, or with `migrated` a copy of the run's migrated template (made once
 * by the global setup), which is what a harness needs and much cheaper than running every migration again.
 */
export async function createTestDatabase(backend: Backend, { migrated = false } = {}): Promise<TestDatabase> {
  const name = `autopack_t${process.pid}_${Date.now().toString(36)}_${counter++}`;
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'autopack-test-'));
    const file = join(dir, 'autopack.db');
    const template = process.env.TEST_SQLITE_TEMPLATE;
    if (migrated && template) copyFileSync(template, file);
    const url = `sqlite:///${file}`;
    return { url, target: parseDatabaseUrl(url), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const template = process.env.TEST_PG_TEMPLATE;
  await adminQuery(migrated && template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  const url = pgUrl(name);
  return { url, target: parseDatabaseUrl(url), drop: () => adminQuery(`drop database if exists "${name}" with (force)`) };
}

/** `it` on PostgreSQL, nothing on SQLite: a test of what only PostgreSQL has is absent, not skipped, there. */
export const itOnPostgres = (backend: Backend): jest.It => (backend === 'postgresql' ? it : ((() => undefined) as unknown as jest.It));
