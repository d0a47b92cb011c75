import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

export default async function globalTeardown() {
  const templates = globalThis.__AUTOPACK_TEMPLATES__;
  if (templates?.sqlite) rmSync(dirname(templates.sqlite), { recursive: true, force: true });
  if (globalThis.__AUTOPACK_PG__) {
    await globalThis.__AUTOPACK_PG__.stop(); // deletes its data, templates included
  } else if (templates?.postgresql && process.env.TEST_PG_URL) {
    const url = new URL(process.env.TEST_PG_URL);
    url.pathname = '/postgres';
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    await client.query(`drop database if exists "${templates.postgresql}" with (force)`);
    await client.end();
  }
  // Last: the embedded PostgreSQL's data lives in it. Also takes whatever a test left behind.
  if (globalThis.__AUTOPACK_SCRATCH__) rmSync(globalThis.__AUTOPACK_SCRATCH__, { recursive: true, force: true });
}
