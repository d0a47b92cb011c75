import type { Command } from 'commander';
import { loadConfig } from '../config';
import { listenLines } from '../http/listen-address';
import { action, out } from './output';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API (GraphQL, GraphiQL, /health, REST) on HOST:PORT')
    .option('--port <port>', 'port (overrides PORT)')
    .option('--host <host>', 'interface (overrides HOST)')
    .action(
      action(async (opts: { port?: string; host?: string }) => {
        const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}), ...(opts.host ? { HOST: opts.host } : {}) });
        const { startApp } = await import('../app');
        const app = await startApp(config);
        for (const line of listenLines(app.address)) out(line);
        out(`  Live:     ${app.url.replace(/^http/, 'ws')}/graphql (graphql-ws), ${app.url}/graphql/stream (SSE)`);
        const stop = async () => {
          await app.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
