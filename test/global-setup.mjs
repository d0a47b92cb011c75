// Starts one embedded PostgreSQL for the whole run (each test file creates its own database in it),
// unless TEST_PG_URL points at an existing server (postgresql://user:pass@host:port, no database).
import { startEmbeddedPg } from './helpers/embedded-pg.mjs';

export default async function globalSetup() {
  if (process.env.TEST_PG_URL) return;
  const pg = await startEmbeddedPg();
  globalThis.__AUTOPACK_PG__ = pg;
  process.env.TEST_PG_URL = pg.url;
}
