// Runs executed for real: the server's dispatcher spawns an executor subprocess that calls the API back.
import { BACKENDS } from '../helpers/db';
import { nodeExecutor, REFERENCE_EXECUTOR, referenceTokens, waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';

const KEY = 'exec-key';
const headers = { 'content-type': 'application/json', 'x-api-key': KEY };
const json = (res: Response): Promise<any> => res.json();

async function gql(t: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  return json(await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) }));
}

async function createRun(t: TestApp, id: string, phases: { phaseId: string; description?: string }[]) {
  const res = await gql(t, `mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`, {
    input: { id, phases: phases.map((p) => ({ ...p, name: p.phaseId.toUpperCase() })) },
  });
  expect(res.errors).toBeUndefined();
}

const execute = (t: TestApp, id: string) => fetch(`${t.url}/api/runs/${id}/execute`, { method: 'POST', headers });
const status = async (t: TestApp, id: string) => json(await fetch(`${t.url}/api/runs/${id}/status`, { headers }));
const finished = (t: TestApp, id: string) =>
  waitFor(`run ${id} to finish`, async () => {
    const s = await status(t, id);
    return s.state?.startsWith('DONE_') ? s : null;
  });
const eventTypes = async (t: TestApp, id: string) =>
  ((await gql(t, `{ run(id: "${id}") { events(limit: 100) { eventType } } }`)).data.run.events as { eventType: string }[]).map((e) => e.eventType).reverse();

describe.each(BACKENDS)('execution with the reference executor on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, {
      AUTOPACK_API_KEY: KEY,
      AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR,
      AUTOPACK_DISPATCH_INTERVAL_MS: '100',
      AUTOPACK_MAX_CONCURRENT_RUNS: '3',
    });
  });
  afterAll(() => t.close());

  it('QUEUED -> PHASE_EXECUTION -> DONE_SUCCESS with phases, tokens and events (the guide curl commands)', async () => {
    await createRun(t, 'ok-run', [{ phaseId: 'plan' }, { phaseId: 'build' }, { phaseId: 'test' }]);
    const res = await execute(t, 'ok-run');
    expect(res.status).toBe(202);
    expect(await json(res)).toMatchObject({ run_id: 'ok-run', state: 'QUEUED' });
    const done = await finished(t, 'ok-run');
    const expectedTokens = referenceTokens(1).total + referenceTokens(2).total + referenceTokens(3).total;
    expect(done).toMatchObject({
      run_id: 'ok-run',
      state: 'DONE_SUCCESS',
      tokens_used: expectedTokens,
      total_phases: 3,
      completed_phases: 3,
      failed_phases: 0,
      executing_phases: 0,
      percent_complete: 100,
      failure_reason: null,
    });
    expect(Date.parse(done.started_at)).toBeLessThanOrEqual(Date.parse(done.completed_at));
    expect(await eventTypes(t, 'ok-run')).toEqual([
      'RUN_QUEUED',
      'RUN_STARTED',
      ...['PHASE_STARTED', 'PHASE_COMPLETE', 'PHASE_STARTED', 'PHASE_COMPLETE', 'PHASE_STARTED', 'PHASE_COMPLETE'],
      'RUN_COMPLETE',
    ]);
    const run = await json(await fetch(`${t.url}/api/runs/ok-run`, { headers }));
    expect(run.phases.map((p: any) => [p.phase_id, p.state, p.tokens_used])).toEqual([
      ['plan', 'COMPLETE', referenceTokens(1).total],
      ['build', 'COMPLETE', referenceTokens(2).total],
      ['test', 'COMPLETE', referenceTokens(3).total],
    ]);
    const again = await execute(t, 'ok-run');
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ detail: 'Run ok-run is already in state DONE_SUCCESS, cannot execute' });
  });

  it('a failing executor: DONE_FAILED_REQUIRES_HUMAN_REVIEW with its exit code and stderr', async () => {
    await createRun(t, 'bad-run', [{ phaseId: 'plan' }, { phaseId: 'build', description: 'simulate:fail' }, { phaseId: 'test' }]);
    await execute(t, 'bad-run');
    const done = await finished(t, 'bad-run');
    expect(done.state).toBe('DONE_FAILED_REQUIRES_HUMAN_REVIEW');
    expect(done.failure_reason).toBe('Executor failed with exit code 1\nreference-executor: Phase build failed: simulated failure (simulate:fail)');
    expect(done).toMatchObject({ completed_phases: 1, failed_phases: 1, total_phases: 3, percent_complete: 33.33 });
    const types = await eventTypes(t, 'bad-run');
    expect(types).toContain('PHASE_FAILED');
    expect(types.at(-1)).toBe('RUN_FAILED');
  });

  it('executes runs concurrently up to the limit, each exactly once', async () => {
    const ids = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'];
    for (const id of ids) await createRun(t, id, [{ phaseId: 'p', description: 'simulate:sleep=0.3' }]);
    await Promise.all(ids.map((id) => execute(t, id)));
    for (const id of ids) {
      expect((await finished(t, id)).state).toBe('DONE_SUCCESS');
      expect((await eventTypes(t, id)).filter((e) => e === 'RUN_STARTED')).toHaveLength(1);
    }
  });
});

describe('executor failures', () => {
  const withApp = async (env: Record<string, string>, body: (t: TestApp) => Promise<void>) => {
    const t = await startTestApp('sqlite', { AUTOPACK_API_KEY: KEY, AUTOPACK_DISPATCH_INTERVAL_MS: '100', ...env });
    try {
      await body(t);
    } finally {
      await t.close();
    }
  };

  it('no executor configured: DONE_FAILED_ENVIRONMENT saying so', () =>
    withApp({}, async (t) => {
      await createRun(t, 'no-exec', [{ phaseId: 'p' }]);
      await execute(t, 'no-exec');
      expect(await finished(t, 'no-exec')).toMatchObject({
        state: 'DONE_FAILED_ENVIRONMENT',
        failure_reason: 'No executor configured: set AUTOPACK_EXECUTOR_COMMAND',
      });
      expect((await eventTypes(t, 'no-exec')).slice(-2)).toEqual(['RUN_STARTED', 'RUN_FAILED']);
    }));

  it('an executor that cannot be spawned: DONE_FAILED_ENVIRONMENT with the reason', () =>
    withApp({ AUTOPACK_EXECUTOR_COMMAND: '/nonexistent/executor {runId}' }, async (t) => {
      await createRun(t, 'spawn-fail', [{ phaseId: 'p' }]);
      await execute(t, 'spawn-fail');
      const done = await finished(t, 'spawn-fail');
      expect(done.state).toBe('DONE_FAILED_ENVIRONMENT');
      expect(done.failure_reason).toMatch(/^Executor could not start: ENOENT \/nonexistent\/executor/);
    }));

  it('a timeout kills the whole process group and fails the run', () =>
    withApp(
      {
        // The executor starts a grandchild; both must die when the timeout fires.
        AUTOPACK_EXECUTOR_COMMAND: nodeExecutor(
          "const c=require('child_process').spawn(process.execPath,['-e','setTimeout(()=>{},60000)'],{stdio:'ignore'});require('fs').writeFileSync(process.env.PID_FILE,String(c.pid));setTimeout(()=>{},60000)",
        ),
        AUTOPACK_EXECUTOR_TIMEOUT_SECONDS: '1',
        PID_FILE: `${require('node:os').tmpdir()}/autopack-timeout-${process.pid}.pid`,
      },
      async (t) => {
        await createRun(t, 'slow', [{ phaseId: 'p' }]);
        await execute(t, 'slow');
        const done = await finished(t, 'slow');
        expect(done).toMatchObject({ state: 'DONE_FAILED_REQUIRES_HUMAN_REVIEW', failure_reason: 'Execution timeout (1 s)' });
        const grandchild = Number(require('node:fs').readFileSync(`${require('node:os').tmpdir()}/autopack-timeout-${process.pid}.pid`, 'utf8'));
        const alive = (pid: number) => {
          try {
            process.kill(pid, 0);
            return true;
          } catch {
            return false;
          }
        };
        await waitFor('the grandchild to be gone', async () => !alive(grandchild), 5000);
      },
    ));

  it('passes the run id, API URL, key and kill switch values to the executor', () =>
    withApp(
      {
        AUTOPACK_EXECUTOR_COMMAND: nodeExecutor(
          "const e=process.env;process.stderr.write([process.argv[1],e.AUTOPACK_RUN_ID,e.AUTOPACK_API_URL,e.AUTOPACK_API_KEY,e.AUTOPACK_ENABLE_PHASE6_METRICS,e.AUTOPACK_ENABLE_CONSOLIDATED_METRICS,e.AUTOPACK_SKIP_CI].join('|'));process.exit(7)",
        ),
        AUTOPACK_ENABLE_PHASE6_METRICS: '1',
        AUTOPACK_SKIP_CI: '1',
      },
      async (t) => {
        await createRun(t, 'env-run', [{ phaseId: 'p' }]);
        await execute(t, 'env-run');
        const done = await finished(t, 'env-run');
        expect(done.failure_reason).toBe(`Executor failed with exit code 7\nenv-run|env-run|${t.url}|${KEY}|1|0|1`);
      },
    ));
});

describe('runs REST API', () => {
  it('lists with limit/offset, shows a run with its phases, and refuses bad input', async () => {
    const t = await startTestApp('sqlite', { AUTOPACK_API_KEY: KEY });
    try {
      for (const id of ['r-1', 'r-2', 'r-3']) await createRun(t, id, [{ phaseId: 'p1' }, { phaseId: 'p2' }]);
      const page = await json(await fetch(`${t.url}/api/runs?limit=2&offset=1`, { headers }));
      expect(page).toMatchObject({ total: 3, limit: 2, offset: 1 });
      expect(page.runs.map((r: any) => r.id)).toEqual(['r-2', 'r-1']);
      expect(Object.keys(page.runs[0])).toEqual(expect.arrayContaining(['id', 'state', 'tokens_used', 'token_cap', 'created_at', 'replay_of']));
      const run = await json(await fetch(`${t.url}/api/runs/r-1`, { headers }));
      expect(run).toMatchObject({ id: 'r-1', state: 'RUN_CREATED', phases: [{ phase_id: 'p1', state: 'QUEUED' }, { phase_id: 'p2' }] });
      const missing = await fetch(`${t.url}/api/runs/nope`, { headers });
      expect(missing.status).toBe(404);
      expect(await json(missing)).toEqual({ detail: 'Run not found: nope' });
      expect((await fetch(`${t.url}/api/runs/nope/status`, { headers })).status).toBe(404);
      expect((await fetch(`${t.url}/api/runs/nope/execute`, { method: 'POST', headers })).status).toBe(404);
      for (const q of ['limit=0', 'limit=101', 'limit=abc', 'offset=-1']) {
        const res = await fetch(`${t.url}/api/runs?${q}`, { headers });
        expect(res.status).toBe(400);
        expect((await json(res)).detail).toMatch(/limit|offset/);
      }
      expect((await fetch(`${t.url}/api/runs`, { method: 'DELETE', headers })).status).toBe(405);
      expect((await fetch(`${t.url}/api/runs`)).status).toBe(401);
      expect((await fetch(`${t.url}/api/runs`, { headers: { 'x-api-key': 'wrong' } })).status).toBe(403);
    } finally {
      await t.close();
    }
  });
});

describe('autopack seed-demo', () => {
  it('creates sample runs on a running server, executes them and waits for them', async () => {
    const { runCli } = await import('../helpers/cli');
    const t = await startTestApp('sqlite', { AUTOPACK_API_KEY: KEY, AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR, AUTOPACK_DISPATCH_INTERVAL_MS: '100' });
    try {
      const res = await runCli(['seed-demo', '--prefix', 'seed'], { AUTOPACK_API_URL: t.url, AUTOPACK_API_KEY: KEY });
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/Seeding 4 demo runs/);
      expect(res.stdout).toMatch(/seed-telemetry-v6\s+DONE_SUCCESS/);
      expect(res.stdout).toMatch(/seed-flaky-build\s+DONE_FAILED_REQUIRES_HUMAN_REVIEW/);
      const list = await json(await fetch(`${t.url}/api/runs`, { headers }));
      expect(list.total).toBe(4);
      // against no server: one line, exit 1
      const closed = require('node:net').createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const port = closed.address().port;
      await new Promise((r) => closed.close(r));
      const down = await runCli(['seed-demo'], { AUTOPACK_API_URL: `http://127.0.0.1:${port}` });
      expect(down.code).toBe(1);
      expect(down.stderr).toMatch(new RegExp(`^autopack: cannot reach the server at http://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
      expect(down.stderr.trim().split('\n')).toHaveLength(1);
      // with a wrong key: the server's answer, one line
      const wrong = await runCli(['seed-demo'], { AUTOPACK_API_URL: t.url, AUTOPACK_API_KEY: 'nope' });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toBe('autopack: Invalid API key\n');
    } finally {
      await t.close();
    }
  });
});
