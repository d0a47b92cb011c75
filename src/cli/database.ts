// Commands that work on DATABASE_URL directly: one ORM for the command, closed whatever happens. Only
// `migrate up` (and `serve`) may create a SQLite database; every other command needs it to exist.
import { loadConfig, type Config } from '../config';
import type { Orm } from '../db/orm';
import { missingDatabase } from '../db/presence';
import type { DatabaseTarget } from '../db/url';
import { CliExit } from './output';

/** Exit 1 with one line when the database is not there (or, with `create`, cannot be created there). */
export function requireDatabase(target: DatabaseTarget, opts: { create?: boolean } = {}): void {
  const problem = missingDatabase(target, { create: !!opts.create });
  if (problem) throw new CliExit(1, problem);
}

export async function openDatabase(config: Config, opts: { create?: boolean } = {}): Promise<Orm> {
  requireDatabase(config.database, opts);
  const { createOrm } = await import('../db/orm');
  return createOrm(config.database);
}

export async function withDatabase(fn: (orm: Orm, config: Config) => Promise<void>, opts: { create?: boolean } = {}): Promise<void> {
  const config = loadConfig();
  const orm = await openDatabase(config, opts);
  try {
    await fn(orm, config);
  } finally {
    await orm.close();
  }
}
