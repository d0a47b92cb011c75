// The server under load, in a process of its own (`bench/load.ts` forks it), so that its event loop and its
// resident memory are not shared with the load generator. Usage: load-server.ts <DATABASE_URL>
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { forkEm } from '../src/db/orm';
import { consoleLogger, type Logger } from '../src/logger';

export type ServerMessage = { url: string } | { maxRssBytes: number } | { closed: true };

// Server errors still show (a benchmark must not hide a failing service); request lines do not.
const errorsOnly: Logger = { info: () => undefined, warn: () => undefined, error: consoleLogger.error };

async function main(): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: process.argv[2],
    HOST: '127.0.0.1',
    PORT: '0',
    AUTOPACK_ENABLE_PHASE6_METRICS: '1',
    AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1',
  });
  const app = await startApp(config, { logger: errorsOnly });
  const send = (m: ServerMessage) => process.send!(m);
  // autocannon stops by dropping its connections: requests already queued for the database still run.
  // A statement queued behind them returns once they are done, so closing then interrupts nothing.
  const drain = async () => {
    await forkEm(app.orm).execute('select 1');
    await new Promise((resolve) => setTimeout(resolve, 500));
  };
  process.on('message', (m) => {
    // ru_maxrss: the peak resident set of this process since it started, in KiB on Linux.
    if (m === 'stats') send({ maxRssBytes: process.resourceUsage().maxRSS * 1024 });
    if (m === 'close') void drain().then(() => app.close()).then(() => send({ closed: true }));
  });
  send({ url: app.url });
}

main().catch((e) => {
  process.stderr.write(`load server failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
