// `autopack runs create|list|show`: the guide's example runs from one documented CLI line, then the guide's
// curls verbatim against a real server; both backends.
import { runCli, startServe } from '../helpers/cli';
import { BACKENDS, createTestDatabase } from '../helpers/db';

/** A dozen CLI processes and a server start: more than jest's default on a loaded 2-core machine. */
const CLI_TEST_MS = 180_000;

const GUIDE_RUNS = ['test-run-id', 'telemetry-v5', 'telemetry-v6', 'failed-run-123'];

describe.each(BACKENDS)('autopack runs on %s', (backend) => {
  it(
    "creates the guide's runs through the createRun service, lists and shows them; bad input exits 2, a taken id 1",
    async () => {
      const db = await createTestDatabase(backend);
      const env = { DATABASE_URL: db.url };
      try {
        expect((await runCli(['migrate', 'up'], env)).code).toBe(0);
        for (const id of GUIDE_RUNS) {
          const created = await runCli(['runs', 'create', '--id', id, '--phases', 'plan,build,test', '--commit', 'abc123', '--model-hash', 'models-v1'], env);
          expect(created.stderr).toBe('');
          expect(created.stdout).toMatch(
            new RegExp(`^Created run ${id} on .*: RUN_CREATED, 3 phase\\(s\\) \\(plan, build, test\\), commit=abc123  models=models-v1\\n$`),
          );
        }
        const list = await runCli(['runs', 'list'], env);
        expect(list.code).toBe(0);
        for (const id of GUIDE_RUNS) expect(list.stdout).toMatch(new RegExp(`^  ${id} +RUN_CREATED `, 'm'));
        expect(list.stdout).toContain('4 of 4 run(s)');
        const show = await runCli(['runs', 'show', 'test-run-id'], env);
        expect(show.stdout).toMatch(/^Run test-run-id: RUN_CREATED\n/);
        expect(show.stdout).toMatch(/phases: 0\/3 complete, 0 failed, 0 executing \(0%\)\n +0  plan +QUEUED/);

        // The guide's curls, verbatim but for the port.
        const server = await startServe(env);
        try {
          const run = await fetch(`${server.url}/api/runs/test-run-id`);
          expect(run.status).toBe(200);
          expect(await run.json()).toMatchObject({ id: 'test-run-id', state: 'RUN_CREATED', git_commit_sha: 'abc123', model_mapping_hash: 'models-v1' });
          expect((await fetch(`${server.url}/api/runs/test-run-id/status`)).status).toBe(200);
        } finally {
          await server.stop();
        }

        const taken = await runCli(['runs', 'create', '--id', 'test-run-id'], env);
        expect([taken.code, taken.stderr]).toEqual([1, 'autopack: Run test-run-id already exists\n']);
        const badId = await runCli(['runs', 'create', '--id', 'no spaces', '--phases', 'a'], env);
        expect(badId.code).toBe(2);
        expect(badId.stderr).toMatch(/^autopack: Invalid run id "no spaces": .*\n$/);
        const dupPhase = await runCli(['runs', 'create', '--id', 'dup', '--phases', 'a,a'], env);
        expect([dupPhase.code, dupPhase.stderr]).toEqual([2, 'autopack: Duplicate phase id "a" at index 1\n']);
        const missing = await runCli(['runs', 'show', 'nope'], env);
        expect([missing.code, missing.stderr]).toEqual([2, 'autopack: Run not found: nope\n']);
        const state = await runCli(['runs', 'list', '--state', 'BOGUS'], env);
        expect(state.code).toBe(2);
        expect(state.stderr).toMatch(/^autopack: --state must be one of: RUN_CREATED, /);
        expect((await runCli(['runs', 'list'], env)).stdout).toContain('4 of 4 run(s)');
      } finally {
        await db.drop();
      }
    },
    CLI_TEST_MS,
  );
});
