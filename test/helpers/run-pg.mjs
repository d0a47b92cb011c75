// `npm run pg`: an embedded PostgreSQL for local work. Prints its URL; Ctrl-C stops it and deletes its data.
// With --control (tests): prints "ready <url>", then obeys "pause" / "resume" lines on stdin (answering
// "paused" / "resumed"), and stops when stdin closes.
import { createInterface } from 'node:readline';
import { startEmbeddedPg } from './embedded-pg.mjs';

const control = process.argv.includes('--control');
const pg = await startEmbeddedPg({ persistent: control });
const stop = async () => {
  await pg.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

if (control) {
  console.log(`ready ${pg.url}`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', async (cmd) => {
    if (cmd === 'pause') await pg.pause();
    if (cmd === 'resume') await pg.resume();
    console.log(`${cmd}d`);
  });
  lines.on('close', stop);
} else {
  console.log(`PostgreSQL ready: ${pg.url}/postgres`);
  console.log(`  e.g. DATABASE_URL=${pg.url}/postgres npx autopack migrate up`);
  setInterval(() => undefined, 60_000);
}
