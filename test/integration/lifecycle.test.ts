// The run lifecycle on the service layer and GraphQL, without executors: queueing, claiming, phase
// progress, leases, events.
import { DashboardEvent, Phase, Run } from '../../src/db/entities';
import { silentLogger } from '../../src/logger';
import { claimQueuedRuns, finishRun, LEASE_EXPIRED, recoverExpiredLeases } from '../../src/modules/runs/lifecycle';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const CREATE = `mutation($id: ID!) { createRun(input: { id: $id, phases: [{ phaseId: "plan", name: "Plan" }, { phaseId: "build", name: "Build" }, { phaseId: "test", name: "Test" }] }) { id } }`;
const EXECUTE = `mutation($id: ID!) { executeRun(id: $id) { id state queuedAt startedAt } }`;
const UPDATE = `mutation($input: UpdatePhaseInput!) { updatePhase(input: $input) { phaseId state tokensUsed attempts startedAt completedAt lastFailureReason run { tokensUsed } } }`;

describe.each(BACKENDS)('run lifecycle on %s', (backend) => {
  let h: Harness;
  const sink = () => ({ config: h.config, logger: silentLogger });
  const events = async (runId: string) =>
    (await h.em().find(DashboardEvent, { run: runId }, { orderBy: { id: 'asc' } })).map((e): [string, string | null | undefined] => [e.eventType, e.message]);

  beforeAll(async () => {
    h = await createHarness(backend);
  });
  afterAll(() => h.close());

  async function executing(id: string): Promise<void> {
    await h.exec(CREATE, { id });
    await h.exec(EXECUTE, { id });
    // claim everything queued so far for one owner, like a dispatcher would
    await claimQueuedRuns(h.em(), sink(), 'test-owner', 100, 60);
    expect((await h.em().findOneOrFail(Run, { id })).state).toBe('PHASE_EXECUTION');
  }

  it('executeRun queues a created run, records RUN_QUEUED, and refuses anything else', async () => {
    await h.exec(CREATE, { id: 'q1' });
    const res = await h.exec(EXECUTE, { id: 'q1' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.executeRun).toMatchObject({ id: 'q1', state: 'QUEUED', queuedAt: expect.any(String), startedAt: null });
    expect(await events('q1')).toEqual([['RUN_QUEUED', 'Run queued for execution']]);

    const again = await h.exec(EXECUTE, { id: 'q1' });
    expect(again.errors![0]).toMatchObject({ message: 'Run q1 is already in state QUEUED, cannot execute', extensions: { code: 'CONFLICT' } });
    const unknown = await h.exec(EXECUTE, { id: 'nope' });
    expect(unknown.errors![0]).toMatchObject({ message: 'Run not found: nope', extensions: { code: 'NOT_FOUND' } });
    expect(await events('q1')).toHaveLength(1);
  });

  it('of concurrent executeRun calls for one run exactly one succeeds', async () => {
    await h.exec(CREATE, { id: 'q-race' });
    const results = await Promise.all(Array.from({ length: 6 }, () => h.exec(EXECUTE, { id: 'q-race' })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(5);
    expect(await events('q-race')).toEqual([['RUN_QUEUED', 'Run queued for execution']]);
  });

  it('claims are exclusive: two owners claiming at once never get the same run', async () => {
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) {
      await h.exec(CREATE, { id });
      await h.exec(EXECUTE, { id });
    }
    const [a, b] = (await Promise.all([claimQueuedRuns(h.em(), sink(), 'owner-a', 5, 60), claimQueuedRuns(h.em(), sink(), 'owner-b', 5, 60)])).map((c) =>
      c.map((r) => r.id),
    );
    // Enough capacity for every queued run: each is claimed, and by exactly one owner.
    const all = [...a, ...b].filter((id) => id.startsWith('c'));
    expect(all.sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    for (const id of all) {
      const run = await h.em().findOneOrFail(Run, { id });
      expect(run.state).toBe('PHASE_EXECUTION');
      expect(run.startedAt).toBeInstanceOf(Date);
      expect(run.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now());
      expect((await events(id)).filter(([t]) => t === 'RUN_STARTED')).toHaveLength(1);
    }
    // finish: only the owner may record the outcome
    const [mine] = a.length ? a : b;
    const owner = a.length ? 'owner-a' : 'owner-b';
    expect(await finishRun(h.em(), sink(), mine, 'someone-else', { state: 'DONE_SUCCESS' })).toBe(false);
    expect(await finishRun(h.em(), sink(), mine, owner, { state: 'DONE_SUCCESS' })).toBe(true);
    const done = await h.em().findOneOrFail(Run, { id: mine });
    expect(done).toMatchObject({ state: 'DONE_SUCCESS', ownerId: null, leaseExpiresAt: null });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect((await events(mine)).at(-1)).toEqual(['RUN_COMPLETE', 'Run finished: DONE_SUCCESS']);
  });

  it('walks phases through allowed transitions with timestamps, events and the run token sum', async () => {
    await executing('p-run');
    const start = await h.exec(UPDATE, { input: { runId: 'p-run', phaseId: 'plan', state: 'EXECUTING' } });
    expect(start.errors).toBeUndefined();
    expect(start.data!.updatePhase).toMatchObject({ state: 'EXECUTING', attempts: 1, startedAt: expect.any(String), completedAt: null });
    const gate = await h.exec(UPDATE, { input: { runId: 'p-run', phaseId: 'plan', state: 'GATE', tokensUsed: 1200 } });
    expect(gate.data!.updatePhase).toMatchObject({ state: 'GATE', tokensUsed: 1200, run: { tokensUsed: 1200 } });
    const done = await h.exec(UPDATE, { input: { runId: 'p-run', phaseId: 'plan', state: 'COMPLETE', tokensUsed: 1500 } });
    expect(done.data!.updatePhase).toMatchObject({ state: 'COMPLETE', tokensUsed: 1500, completedAt: expect.any(String), run: { tokensUsed: 1500 } });

    await h.exec(UPDATE, { input: { runId: 'p-run', phaseId: 'build', state: 'EXECUTING' } });
    const failed = await h.exec(UPDATE, {
      input: { runId: 'p-run', phaseId: 'build', state: 'FAILED', tokensUsed: 700, failureReason: 'compile error in main.ts' },
    });
    expect(failed.data!.updatePhase).toMatchObject({ state: 'FAILED', lastFailureReason: 'compile error in main.ts', run: { tokensUsed: 2200 } });
    const retry = await h.exec(UPDATE, { input: { runId: 'p-run', phaseId: 'build', state: 'EXECUTING' } });
    expect(retry.data!.updatePhase).toMatchObject({ state: 'EXECUTING', attempts: 2 });
    const skip = await h.exec(UPDATE, { input: { runId: 'p-run', phaseId: 'test', state: 'SKIPPED' } });
    expect(skip.data!.updatePhase.state).toBe('SKIPPED');

    const phaseEvents = (await events('p-run')).filter(([t]) => t.startsWith('PHASE_'));
    expect(phaseEvents).toEqual([
      ['PHASE_STARTED', 'Plan: QUEUED -> EXECUTING'],
      ['PHASE_COMPLETE', 'Plan: GATE -> COMPLETE'],
      ['PHASE_STARTED', 'Build: QUEUED -> EXECUTING'],
      ['PHASE_FAILED', 'compile error in main.ts'],
      ['PHASE_STARTED', 'Build: FAILED -> EXECUTING'],
    ]);
    const status = await h.exec(`{ run(id: "p-run") { tokensUsed status { completedPhases failedPhases executingPhases totalPhases } } }`);
    expect(status.data!.run).toEqual({ tokensUsed: 2200, status: { completedPhases: 1, failedPhases: 0, executingPhases: 1, totalPhases: 3 } });
  });

  it.each([
    ['a backwards transition', { phaseId: 'plan', state: 'QUEUED' }, 'CONFLICT', /Phase plan cannot go from COMPLETE to QUEUED/],
    ['skipping the start', { phaseId: 'test', state: 'COMPLETE' }, 'CONFLICT', /Phase test cannot go from QUEUED to COMPLETE/],
    ['negative tokens', { phaseId: 'test', tokensUsed: -5 }, 'BAD_USER_INPUT', /tokensUsed must be a non-negative integer/],
    ['an unknown phase', { phaseId: 'deploy', state: 'EXECUTING' }, 'NOT_FOUND', /Phase not found: deploy in run bad-run/],
    ['nothing to change', { phaseId: 'test' }, 'BAD_USER_INPUT', /Nothing to update/],
  ])('refuses %s and changes nothing', async (_label, input, code, message) => {
    if (!(await h.em().count(Run, { id: 'bad-run' }))) {
      await executing('bad-run');
      await h.exec(UPDATE, { input: { runId: 'bad-run', phaseId: 'plan', state: 'EXECUTING' } });
      await h.exec(UPDATE, { input: { runId: 'bad-run', phaseId: 'plan', state: 'COMPLETE', tokensUsed: 10 } });
    }
    const before = JSON.stringify([await h.em().find(Phase, { run: 'bad-run' }, { orderBy: { id: 'asc' } }), await events('bad-run')]);
    const res = await h.exec(UPDATE, { input: { runId: 'bad-run', ...input } });
    expect(res.errors![0].extensions?.code).toBe(code);
    expect(res.errors![0].message).toMatch(message);
    expect(JSON.stringify([await h.em().find(Phase, { run: 'bad-run' }, { orderBy: { id: 'asc' } }), await events('bad-run')])).toBe(before);
  });

  it('refuses phase updates while the run is not executing', async () => {
    await h.exec(CREATE, { id: 'idle-run' });
    const res = await h.exec(UPDATE, { input: { runId: 'idle-run', phaseId: 'plan', state: 'EXECUTING' } });
    expect(res.errors![0]).toMatchObject({
      message: 'Run idle-run is not executing (state RUN_CREATED): phases can only be updated while it runs',
      extensions: { code: 'CONFLICT' },
    });
  });

  it('recovers runs whose lease expired: DONE_FAILED_ENVIRONMENT, event, active phases failed', async () => {
    await executing('lost-run');
    await h.exec(UPDATE, { input: { runId: 'lost-run', phaseId: 'plan', state: 'EXECUTING' } });
    const em = h.em();
    await em.nativeUpdate(Run, { id: 'lost-run' }, { leaseExpiresAt: new Date(Date.now() - 1000) });
    expect(await recoverExpiredLeases(h.em(), sink())).toContain('lost-run');
    const run = await h.em().findOneOrFail(Run, { id: 'lost-run' }, { populate: ['phases'] });
    expect(run).toMatchObject({ state: 'DONE_FAILED_ENVIRONMENT', failureReason: LEASE_EXPIRED, ownerId: null });
    expect(run.phases.getItems().map((p) => [p.phaseId, p.state])).toEqual([
      ['plan', 'FAILED'],
      ['build', 'QUEUED'],
      ['test', 'QUEUED'],
    ]);
    expect((await events('lost-run')).at(-1)).toEqual(['RUN_FAILED', LEASE_EXPIRED]);
    // the former owner can no longer record an outcome over it
    expect(await finishRun(h.em(), sink(), 'lost-run', 'test-owner', { state: 'DONE_SUCCESS' })).toBe(false);
  });

  it('records free-form events with validation', async () => {
    await h.exec(CREATE, { id: 'ev-run' });
    const RECORD = `mutation($input: DashboardEventInput!) { recordDashboardEvent(input: $input) { eventType message payload phase { phaseId } } }`;
    const ok = await h.exec(RECORD, {
      input: { runId: 'ev-run', phaseId: 'build', eventType: 'CI_FLAKE_DETECTED', message: 'retrying', payload: { attempt: 2 } },
    });
    expect(ok.data!.recordDashboardEvent).toEqual({
      eventType: 'CI_FLAKE_DETECTED',
      message: 'retrying',
      payload: { attempt: 2 },
      phase: { phaseId: 'build' },
    });
    for (const [input, code] of [
      [{ runId: 'ev-run', eventType: 'lower_case' }, 'BAD_USER_INPUT'],
      [{ runId: 'ev-run', eventType: 'X'.repeat(65) }, 'BAD_USER_INPUT'],
      [{ runId: 'nope', eventType: 'OK' }, 'NOT_FOUND'],
      [{ runId: 'ev-run', phaseId: 'nope', eventType: 'OK' }, 'NOT_FOUND'],
    ] as const) {
      const res = await h.exec(RECORD, { input });
      expect(res.errors![0].extensions?.code).toBe(code);
    }
    expect(await events('ev-run')).toEqual([['CI_FLAKE_DETECTED', 'retrying']]);
  });
});

describe('TELEMETRY_DB_ENABLED=0', () => {
  it('logs events instead of storing them', async () => {
    const h = await createHarness('sqlite', { TELEMETRY_DB_ENABLED: '0' });
    try {
      await h.exec(CREATE, { id: 'quiet' });
      expect((await h.exec(EXECUTE, { id: 'quiet' })).data!.executeRun.state).toBe('QUEUED');
      const res = await h.exec(`mutation { recordDashboardEvent(input: { runId: "quiet", eventType: "NOTE" }) { id } }`);
      expect(res).toEqual({ data: { recordDashboardEvent: null } });
      expect(await h.em().count(DashboardEvent, {})).toBe(0);
    } finally {
      await h.close();
    }
  });
});
