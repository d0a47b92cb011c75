// `npm run pg`: an embedded PostgreSQL for local work. Prints its URL; Ctrl-C stops it and deletes its data.
import { startEmbeddedPg } from './embedded-pg.mjs';

const pg = await startEmbeddedPg();
console.log(`PostgreSQL ready: ${pg.url}/postgres`);
console.log(`  e.g. DATABASE_URL=${pg.url}/postgres npx autopack migrate up`);
const stop = async () => {
  await pg.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 60_000);
