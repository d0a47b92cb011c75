// `autopack watch RUN_ID` against a real server on every backend: runs executed by the reference executor,
// followed live over graphql-ws; the exit code is the run's outcome.
import { Phase, Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { touchRun } from '../../src/modules/live/publish';
import { runCli, startCli } from '../helpers/cli';
import { BACKENDS } from '../helpers/db';
import { REFERENCE_EXECUTOR, referenceTokens, waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { subscriptionsAtLeast } from '../helpers/live';

const KEY = 'watch-key';
const headers = { 'content-type': 'application/json', 'x-api-key': KEY };

async function createRun(t: TestApp, id: string, phases: { phaseId: string; description?: string }[]) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      query: `mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`,
      variables: { input: { id, phases: phases.map((p) => ({ ...p, name: p.phaseId.toUpperCase() })) } },
    }),
  });
  expect(((await res.json()) as { errors?: unknown }).errors).toBeUndefined();
}

const execute = async (t: TestApp, id: string) => expect((await fetch(`${t.url}/api/runs/${id}/execute`, { method: 'POST', headers })).status).toBe(202);

/** Starts `autopack watch id` and waits until the server holds its three subscriptions. */
async function startWatch(t: TestApp, id: string) {
  const before = t.app.live.feed.subscriptionCount;
  // No periodic re-read during a test: what the watch shows comes from the stream and its signals.
  const watch = startCli(['watch', id, '--recheck', '3600'], { AUTOPACK_API_URL: t.url, AUTOPACK_API_KEY: KEY });
  await Promise.race([
    subscriptionsAtLeast(t.app.live.feed, before + 3),
    watch.done.then((r) => Promise.reject(new Error(`watch exited early: ${JSON.stringify(r)}`))),
  ]);
  return watch;
}

describe.each(BACKENDS)('autopack watch on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY, AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR, AUTOPACK_DISPATCH_INTERVAL_MS: '100' });
  });
  afterAll(() => t.close());
  const env = () => ({ AUTOPACK_API_URL: t.url, AUTOPACK_API_KEY: KEY });

  it('follows a successful run: progress phase by phase, every event once, exit 0', async () => {
    await createRun(t, 'watch-ok', [{ phaseId: 'plan' }, { phaseId: 'build' }, { phaseId: 'test' }]);
    const watch = await startWatch(t, 'watch-ok');
    await execute(t, 'watch-ok');
    const res = await watch.done;
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toBe('Watching run watch-ok (3 phase(s))');
    // Each step of the bar was shown as it happened, not only the end result.
    for (const step of ['[..............................] 0/3', '[##########....................] 1/3', '[####################..........] 2/3']) {
      expect(lines.some((l) => l.startsWith(step))).toBe(true);
    }
    expect(lines).toContain(
      `[##############################] 3/3 phases  DONE_SUCCESS  ${referenceTokens(1).total + referenceTokens(2).total + referenceTokens(3).total} tokens`,
    );
    const events = lines.map((l) => /^ {2}\d\d:\d\d:\d\d (\S+)/.exec(l)?.[1]).filter(Boolean);
    expect(events).toEqual([
      'RUN_QUEUED',
      'RUN_STARTED',
      'PHASE_STARTED',
      'PHASE_COMPLETE',
      'PHASE_STARTED',
      'PHASE_COMPLETE',
      'PHASE_STARTED',
      'PHASE_COMPLETE',
      'RUN_COMPLETE',
    ]);
    expect(lines.at(-2)).toBe('Run watch-ok finished: DONE_SUCCESS');

    // Already finished: the outcome at once, without a live connection.
    const again = await runCli(['watch', 'watch-ok'], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/3\/3 phases {2}DONE_SUCCESS[^]*Run watch-ok finished: DONE_SUCCESS\n$/);
  });

  it('a failing run: exit 1 with its state and reason on one line', async () => {
    await createRun(t, 'watch-bad', [{ phaseId: 'plan' }, { phaseId: 'build', description: 'simulate:fail' }]);
    const watch = await startWatch(t, 'watch-bad');
    await execute(t, 'watch-bad');
    const res = await watch.done;
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/\[###############\.{15}\] 1\/2 phases, 1 failed {2}DONE_FAILED_REQUIRES_HUMAN_REVIEW/);
    expect(res.stdout).toMatch(/ PHASE_FAILED \[build\]/);
    expect(res.stderr).toBe(
      'autopack: run watch-bad finished DONE_FAILED_REQUIRES_HUMAN_REVIEW: Executor failed with exit code 1 / reference-executor: Phase build failed: simulated failure (simulate:fail)\n',
    );
  });

  it('an unknown or malformed run id: exit 2 at once with the reason', async () => {
    const unknown = await runCli(['watch', 'no-such-run'], env());
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'autopack: Run not found: no-such-run\n' });
    const bad = await runCli(['watch', 'bad id!'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^autopack: [^\n]+\n$/);
  });

  it('re-reads the run when the stream says changes may have been missed', async () => {
    // A run followed without an executor: the test makes its changes itself.
    await createRun(t, 'watch-gap', [{ phaseId: 'p0' }, { phaseId: 'p1' }]);
    const em = forkEm(t.app.orm);
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(Run, { id: 'watch-gap' }, { state: 'PHASE_EXECUTION', startedAt: new Date() });
      touchRun(tx, 'watch-gap', { row: true });
    });
    const watch = await startWatch(t, 'watch-gap');
    await waitFor('the first display', async () => watch.output().stdout.includes('0/2 phases  PHASE_EXECUTION'));
    // A change the feed never announces, as if lost with the LISTEN connection; then the missed-changes signal.
    await forkEm(t.app.orm).nativeUpdate(Phase, { run: 'watch-gap', phaseId: 'p0' }, { state: 'COMPLETE', updatedAt: new Date() });
    t.app.live.feed.gap('test: changes may have been missed');
    await waitFor('the re-read progress', async () => watch.output().stdout.includes('1/2 phases  PHASE_EXECUTION'));
    await forkEm(t.app.orm).transactional(async (tx) => {
      await tx.nativeUpdate(Run, { id: 'watch-gap' }, { state: 'DONE_SUCCESS', completedAt: new Date() });
      touchRun(tx, 'watch-gap', { row: true });
    });
    expect((await watch.done).code).toBe(0);
  });
});
