// Faults: the database goes away and comes back, the disk is full or read-only, an executor is killed.
import { Client } from 'pg';
import { Phase, Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { parseDatabaseUrl } from '../../src/db/url';
import { nodeExecutor, waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { startPgProcess } from '../helpers/pg-process';

const json = (res: Response): Promise<any> => res.json();
const gql = async (t: TestApp, query: string) =>
  json(await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }));
const CREATE = (id: string) => `mutation { createRun(input: { id: "${id}", phases: [{ phaseId: "a", name: "A" }, { phaseId: "b", name: "B" }] }) { id } }`;

describe('database outage', () => {
  it('PostgreSQL stops: /health 503 and coded errors; it comes back: everything works, no restart', async () => {
    const pg = await startPgProcess();
    const admin = new Client({ connectionString: `${pg.url}/postgres` });
    await admin.connect();
    await admin.query('create database outage');
    await admin.end();
    const url = `${pg.url}/outage`;
    const t = await startTestApp('postgresql', { AUTOPACK_DISPATCH_INTERVAL_MS: '200' }, { url, target: parseDatabaseUrl(url), drop: async () => undefined });
    try {
      expect((await gql(t, CREATE('before'))).data.createRun.id).toBe('before');
      await pg.pause();

      const health = await fetch(`${t.url}/health`);
      expect(health.status).toBe(503);
      expect((await json(health)).database).toMatch(/^error: /);
      const write = await gql(t, CREATE('during'));
      expect(write.errors[0]).toMatchObject({ message: 'Database unavailable: retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } });
      const rest = await fetch(`${t.url}/api/runs`);
      expect(rest.status).toBe(503);
      expect(await json(rest)).toEqual({ detail: 'Database unavailable: retry shortly' });

      await pg.resume();
      await waitFor('health to recover', async () => (await fetch(`${t.url}/health`)).status === 200, 20_000);
      expect((await gql(t, CREATE('after'))).data.createRun.id).toBe('after');
      const runs = await gql(t, '{ runs { nodes { id } } }');
      expect(runs.data.runs.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['after', 'before']);
    } finally {
      await t.app.close();
      await pg.stop();
    }
  });
});

describe('SQLite disk full and read-only', () => {
  it('answers a clear coded error and writes nothing', async () => {
    const t = await startTestApp('sqlite');
    try {
      expect((await gql(t, CREATE('ok'))).data.createRun.id).toBe('ok');
      const conn = t.app.orm.em.getConnection();
      const counts = async () => [await forkEm(t.app.orm).count(Run, {}), await forkEm(t.app.orm).count(Phase, {})];
      const before = await counts();

      // no page may be added beyond the current ones: the next insert finds the "disk" full
      const [{ page_count }] = await conn.execute('pragma page_count');
      await conn.execute(`pragma max_page_count = ${page_count}`);
      const big = `mutation { createRun(input: { id: "full", goal: "${'g'.repeat(9000)}", phases: [{ phaseId: "a", name: "A" }] }) { id } }`;
      expect((await gql(t, big)).errors[0]).toMatchObject({
        message: 'Database disk is full: nothing was written',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      expect(await counts()).toEqual(before);
      await conn.execute('pragma max_page_count = 1073741823');

      await conn.execute('pragma query_only = 1');
      expect((await gql(t, CREATE('ro'))).errors[0]).toMatchObject({
        message: 'Database is read-only: nothing was written',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      await conn.execute('pragma query_only = 0');
      expect(await counts()).toEqual(before);
      expect((await gql(t, CREATE('ok-again'))).data.createRun.id).toBe('ok-again');
    } finally {
      await t.close();
    }
  });
});

describe('executor killed by a signal', () => {
  it('fails the run saying which signal', async () => {
    const t = await startTestApp('sqlite', {
      AUTOPACK_EXECUTOR_COMMAND: nodeExecutor("process.kill(process.pid,'SIGKILL')"),
      AUTOPACK_DISPATCH_INTERVAL_MS: '100',
    });
    try {
      await gql(t, CREATE('killed'));
      await fetch(`${t.url}/api/runs/killed/execute`, { method: 'POST' });
      const run = await waitFor('the run to fail', async () => {
        const r = (await gql(t, '{ run(id: "killed") { state failureReason } }')).data.run;
        return r.state.startsWith('DONE_') ? r : null;
      });
      expect(run).toEqual({ state: 'DONE_FAILED_REQUIRES_HUMAN_REVIEW', failureReason: 'Executor killed by signal SIGKILL' });
    } finally {
      await t.close();
    }
  });
});
