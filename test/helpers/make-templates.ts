// Run once per jest run by the global setup (in a child process, so the TypeScript migrations load through
// swc): migrates one template database per backend. Each test database is then a copy of it (CREATE
// DATABASE ... TEMPLATE, or a file copy) instead of running every migration again.
// Prints one JSON line: { "sqlite": "/tmp/.../template.db", "postgresql": "autopack_tpl_..." }.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../src/config';
import { createOrm } from '../../src/db/orm';
import { silentLogger } from '../../src/logger';
import { migrateUp } from '../../src/modules/ops/migrations';

async function migrate(url: string): Promise<void> {
  const orm = await createOrm(loadConfig({ DATABASE_URL: url }).database, { logger: silentLogger });
  try {
    await migrateUp(orm);
  } finally {
    await orm.close(true);
  }
}

async function main(): Promise<void> {
  const sqlite = join(mkdtempSync(join(tmpdir(), 'autopack-template-')), 'template.db');
  await migrate(`sqlite:///${sqlite}`);
  let postgresql: string | null = null;
  const base = process.env.TEST_PG_URL;
  if (base) {
    postgresql = `autopack_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new URL(base);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`create database "${postgresql}"`);
    await client.end();
    const url = new URL(base);
    url.pathname = `/${postgresql}`;
    await migrate(url.toString());
  }
  process.stdout.write(`${JSON.stringify({ sqlite, postgresql })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
