// Several server processes on one PostgreSQL database: no run is executed twice, and a server that dies
// mid-run does not leave its run executing forever.
import { startServe } from '../helpers/cli';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { REFERENCE_EXECUTOR, waitFor } from '../helpers/executor';
import { startTestApp } from '../helpers/harness';

const json = (res: Response): Promise<any> => res.json();
const gql = async (url: string, query: string, variables: Record<string, unknown> = {}) =>
  json(await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }));
const createRun = (url: string, id: string, description: string) =>
  gql(url, `mutation($id: ID!, $d: String) { createRun(input: { id: $id, phases: [{ phaseId: "work", name: "Work", description: $d }] }) { id } }`, {
    id,
    d: description,
  });
const runState = async (url: string, id: string) =>
  (await gql(url, `query($id: ID!) { run(id: $id) { state failureReason events(limit: 100) { eventType message } } }`, { id })).data.run;

describe('two servers on one PostgreSQL database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
  });
  afterAll(() => db.drop());

  it('share the queue and never execute a run twice', async () => {
    const env = {
      DATABASE_URL: db.url,
      AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR,
      AUTOPACK_MAX_CONCURRENT_RUNS: '2',
      AUTOPACK_DISPATCH_INTERVAL_MS: '50',
    };
    const [a, b] = await Promise.all([startServe(env), startServe(env)]);
    try {
      const ids = Array.from({ length: 10 }, (_, i) => `shared-${i}`);
      for (const id of ids) expect((await createRun(a.url, id, 'simulate:sleep=0.3')).errors).toBeUndefined();
      // queue them through both servers
      await Promise.all(ids.map((id, i) => fetch(`${(i % 2 ? b : a).url}/api/runs/${id}/execute`, { method: 'POST' })));
      const owners = new Set<string>();
      for (const id of ids) {
        const run = await waitFor(`run ${id}`, async () => {
          const r = await runState(a.url, id);
          return r.state.startsWith('DONE_') ? r : null;
        });
        expect(run.state).toBe('DONE_SUCCESS');
        const started = run.events.filter((e: { eventType: string }) => e.eventType === 'RUN_STARTED');
        expect(started).toHaveLength(1);
        owners.add(started[0].message.replace('Execution started by ', ''));
      }
      // Two executions at a time per server and ten runs of 0.3 s: both servers took part.
      expect(owners.size).toBe(2);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('a run whose server was killed mid-run is recovered by another server once its lease expires', async () => {
    const env = {
      DATABASE_URL: db.url,
      AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR,
      AUTOPACK_DISPATCH_INTERVAL_MS: '100',
      AUTOPACK_EXECUTOR_LEASE_SECONDS: '2',
    };
    const doomed = await startServe(env);
    await createRun(doomed.url, 'orphan', 'simulate:sleep=30');
    await fetch(`${doomed.url}/api/runs/orphan/execute`, { method: 'POST' });
    await waitFor('the run to execute', async () => (await runState(doomed.url, 'orphan')).state === 'PHASE_EXECUTION');
    await doomed.kill();

    const survivor = await startTestApp('postgresql', { AUTOPACK_DISPATCH_INTERVAL_MS: '100', AUTOPACK_EXECUTOR_LEASE_SECONDS: '2' }, db);
    try {
      const run = await waitFor(
        'the orphaned run to be recovered',
        async () => {
          const r = await runState(survivor.url, 'orphan');
          return r.state.startsWith('DONE_') ? r : null;
        },
        15_000,
      );
      expect(run).toMatchObject({ state: 'DONE_FAILED_ENVIRONMENT', failureReason: 'executor lost: lease expired' });
      expect(run.events[0]).toEqual({ eventType: 'RUN_FAILED', message: 'executor lost: lease expired' });
    } finally {
      await survivor.app.close();
    }
  });
});
