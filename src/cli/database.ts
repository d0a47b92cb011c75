// Commands that work on DATABASE_URL directly: one ORM for the command, closed whatever happens.
import { loadConfig, type Config } from '../config';
import { createOrm, type Orm } from '../db/orm';

export async function withDatabase(fn: (orm: Orm, config: Config) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const orm = await createOrm(config.database);
  try {
    await fn(orm, config);
  } finally {
    await orm.close();
  }
}
