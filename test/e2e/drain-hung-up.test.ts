// Shutdown drains requests whose client already hung up: their database work finishes before the database is
// closed (before, the drain counted such a request as done when its socket closed, and closing the ORM aborted
// its statement). PostgreSQL, because another session's table lock makes the server's INSERT wait in a way the
// test can see (pg_locks); the drain itself is the same code for both backends.
import { request } from 'node:http';
import { Client } from 'pg';
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Logger } from '../../src/logger';
import { createTestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/executor';

test('a request whose client hung up still completes its write during shutdown', async () => {
  const db = await createTestDatabase('postgresql');
  const errors: string[] = [];
  const logger: Logger = { info: () => undefined, warn: () => undefined, error: (msg, fields) => errors.push(`${msg} ${JSON.stringify(fields ?? {})}`) };
  const app = await startApp(loadConfig({ DATABASE_URL: db.url, HOST: '127.0.0.1', PORT: '0', AUTOPACK_SHUTDOWN_GRACE_SECONDS: '0' }), { logger });
  const locker = new Client({ connectionString: db.url });
  await locker.connect();
  // Sessions are watched from outside the locker's transaction: inside one, pg_stat_activity is a snapshot.
  const watcher = new Client({ connectionString: db.url });
  await watcher.connect();
  try {
    await locker.query('begin');
    await locker.query('lock table runs in access exclusive mode');

    // The mutation reaches the database and waits for the lock ...
    const body = JSON.stringify({ query: 'mutation { createRun(input: { id: "hung-up" }) { id } }' });
    const req = request(`${app.url}/graphql`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } });
    req.on('error', () => undefined); // destroyed below on purpose
    req.end(body);
    // Its own statement (the id check before the INSERT names the run): the run dispatcher's poll waits for
    // the same lock, and taking that for the mutation let the client hang up before the server had started it.
    await waitFor(
      "the mutation's statement waiting for the lock",
      async () =>
        Number(
          (
            await watcher.query(
              "select count(*) as n from pg_locks l join pg_stat_activity a on a.pid = l.pid where not l.granted and l.relation = 'runs'::regclass and a.datname = current_database() and a.query like '%hung-up%'",
            )
          ).rows[0].n,
        ) > 0,
    );
    // ... its client gives up, and the server is told to stop.
    req.destroy();
    const closed = app.close();
    // Well past the drain's quiet moment: a drain that ignored the running handler has closed the database.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await locker.query('commit');
    await closed;

    const { rows } = await locker.query("select id from runs where id = 'hung-up'");
    expect(rows).toEqual([{ id: 'hung-up' }]);
    expect(errors).toEqual([]);
  } finally {
    await watcher.end();
    await locker.end();
    await db.drop();
  }
}, 30_000);
