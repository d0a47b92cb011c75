// SIGTERM under load: requests in flight finish, running executors get a grace period, the rest are
// recorded as interrupted, and the process exits cleanly.
import { request } from 'node:http';
import { Run } from '../../src/db/entities';
import { createOrm, forkEm } from '../../src/db/orm';
import { startServe } from '../helpers/cli';
import { createTestDatabase } from '../helpers/db';
import { REFERENCE_EXECUTOR, waitFor } from '../helpers/executor';

/** One request on its own connection: 'refused' when the server no longer accepts, else the status. */
function probe(base: string, path: string, body?: string): Promise<number | 'refused' | string> {
  return new Promise((resolve) => {
    const req = request(
      `${base}${path}`,
      { method: body ? 'POST' : 'GET', agent: false, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          try {
            JSON.parse(text);
            resolve(res.statusCode ?? 0);
          } catch {
            resolve(`truncated body (${res.statusCode})`);
          }
        });
        res.on('error', (e) => resolve(`response error ${(e as NodeJS.ErrnoException).code}`));
      },
    );
    // Refused, or reset before any byte of a response: the listening socket was closed with the connection
    // still in the kernel's backlog, so the application never saw the request (not a request cut mid-flight;
    // the log comparison below proves that).
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET' ? 'refused' : `request error ${e.code}`));
    req.end(body);
  });
}

describe('graceful shutdown', () => {
  it('drains requests, lets short executions finish, records long ones as interrupted', async () => {
    const db = await createTestDatabase('sqlite');
    const server = await startServe({
      DATABASE_URL: db.url,
      AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR,
      AUTOPACK_DISPATCH_INTERVAL_MS: '100',
      // The short run sleeps 1 s; the grace leaves room for its API calls on a machine busy with other work
      // (with 3 s it missed the grace under a load average of 20). The long run sleeps far past it.
      AUTOPACK_SHUTDOWN_GRACE_SECONDS: '10',
    });
    const gql = (query: string) => probe(server.url, '/graphql', JSON.stringify({ query }));
    try {
      await gql('mutation { createRun(input: { id: "short", phases: [{ phaseId: "p", name: "P", description: "simulate:sleep=1" }] }) { id } }');
      await gql('mutation { createRun(input: { id: "long", phases: [{ phaseId: "p", name: "P", description: "simulate:sleep=60" }] }) { id } }');
      await gql('mutation { executeRun(id: "short") { id } }');
      await gql('mutation { executeRun(id: "long") { id } }');
      await waitFor('both runs to execute', async () => {
        const res = await fetch(`${server.url}/api/runs?state=PHASE_EXECUTION`);
        return ((await res.json()) as { total: number }).total === 2;
      });

      // 8 clients hammering the API until the server stops accepting them
      const outcomes: (number | string)[] = [];
      const clients = Array.from({ length: 8 }, async (_, i) => {
        for (let n = 0; n < 2000; n++) {
          const r = await (i % 2 ? probe(server.url, '/health') : gql('query LoadProbe { runs(first: 50) { totalCount nodes { id phases { state } } } }'));
          outcomes.push(r);
          if (r === 'refused') return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      await new Promise((r) => setTimeout(r, 300));
      const exited = server.stop();
      await Promise.all(clients);
      const result = await exited;

      expect(result.code).toBe(0);
      expect(outcomes.filter((o) => o !== 200 && o !== 'refused')).toEqual([]);
      expect(outcomes.filter((o) => o === 200).length).toBeGreaterThan(10);
      expect(result.stderr).toMatch(/"msg":"shutdown: executors still running after 10 s, recording their runs as interrupted"/);
      expect(result.stderr).toMatch(/"msg":"Autopack Control Plane stopped"/);
      // Every request the server handled under load reached its client whole: as many logged as answered.
      const handled = result.stderr.split('\n').filter((l) => /"msg":"request"/.test(l) && /"route":"\/health"|"operation":"LoadProbe"/.test(l)).length;
      expect(handled).toBe(outcomes.filter((o) => o === 200).length);

      const orm = await createOrm(db.target);
      try {
        const runs = await forkEm(orm).find(Run, {}, { orderBy: { id: 'asc' } });
        expect(runs.map((r) => [r.id, r.state, r.failureReason])).toEqual([
          ['long', 'DONE_FAILED_ENVIRONMENT', 'Server stopped: execution interrupted'],
          ['short', 'DONE_SUCCESS', null],
        ]);
      } finally {
        await orm.close();
      }
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
