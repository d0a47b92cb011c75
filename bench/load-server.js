// The server under load, in a process of its own (`bench/load.ts` forks it), so that its event loop and its
// resident memory are not shared with the load generator. Plain JavaScript over the compiled build in dist/
// (`npm run bench:load` builds it first): the same code `npm start` runs, without a TypeScript compiler in
// the process. Usage: node bench/load-server.js <DATABASE_URL>
const { startApp } = require('../dist/src/app');
const { loadConfig } = require('../dist/src/config');
const { forkEm } = require('../dist/src/db/orm');
const { consoleLogger } = require('../dist/src/logger');

// Server errors still show (a benchmark must not hide a failing service); request lines do not.
const errorsOnly = { info: () => undefined, warn: () => undefined, error: consoleLogger.error };

async function main() {
  // The bench's own environment passes through, so server settings can be tried, e.g.
  // AUTOPACK_MAX_CONCURRENT_REQUESTS=4 npm run bench:load
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: process.argv[2],
    HOST: '127.0.0.1',
    PORT: '0',
    AUTOPACK_ENABLE_PHASE6_METRICS: '1',
    AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1',
  });
  const app = await startApp(config, { logger: errorsOnly });
  const send = (m) => process.send(m);
  // autocannon stops by dropping its connections: requests already queued for the database still run.
  // A statement queued behind them returns once they are done, so closing then interrupts nothing.
  const drain = async () => {
    await forkEm(app.orm).execute('select 1');
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  process.on('message', (m) => {
    // ru_maxrss: the peak resident set of this process since it started, in KiB on Linux.
    if (m === 'stats') send({ maxRssBytes: process.resourceUsage().maxRSS * 1024 });
    if (m === 'close')
      void drain()
        .then(() => app.close())
        .then(() => send({ closed: true }));
  });
  send({ url: app.url });
}

main().catch((e) => {
  process.stderr.write(`load server failed: ${(e && e.stack) || String(e)}\n`);
  process.exit(1);
});
