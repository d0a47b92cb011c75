// Live updates over GraphQL over WebSocket, on every backend: the fields, their order and exactly-once
// guarantees, aborted writes, and the shutdown close code.
import { Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { touchRun } from '../../src/modules/live/publish';
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';
import { waitFor } from '../helpers/executor';
import { connectSubscriber, subscriptionsAtLeast, valuesAtLeast, type Subscriber } from '../helpers/live';

const gql = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: any[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

const createRun = (url: string, id: string, phases = 2) =>
  gql(url, `mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`, {
    input: { id, phases: Array.from({ length: phases }, (_, i) => ({ phaseId: `p${i}`, name: `Phase ${i}` })) },
  });

/** Puts a run in PHASE_EXECUTION without a dispatcher (no executor configured in these tests). */
async function startExecuting(t: TestApp, id: string): Promise<void> {
  await forkEm(t.app.orm).transactional(async (tx) => {
    await tx.nativeUpdate(Run, { id }, { state: 'PHASE_EXECUTION', startedAt: new Date() });
    touchRun(tx, id, { row: true });
  });
}

const waitForState = async (values: any[], state: string) => {
  await waitFor(`run state ${state}`, async () => values.some((v) => v.state === state));
  return values;
};

describe.each(BACKENDS)('live updates over WebSocket (%s)', (backend) => {
  let t: TestApp;
  let sub: Subscriber;
  beforeAll(async () => {
    t = await startTestApp(backend);
    sub = await connectSubscriber(t.url);
  });
  afterAll(async () => {
    await sub?.dispose();
    await t?.close();
  });

  it('follows a run through execution: every event once, in order; run versions only ever increase', async () => {
    await createRun(t.url, 'live-1');
    const runs = sub.subscribe(`subscription { runUpdated(id: "live-1") { id state version } }`);
    const events = sub.subscribe(`subscription { dashboardEventAdded(runId: "live-1") { eventType run { id } } }`);
    const queued = sub.subscribe(`subscription { runsUpdated(state: QUEUED) { id state } }`);
    await subscriptionsAtLeast(t.app.live.feed, 3);
    // No executor is configured: the dispatcher claims the run and fails it (three transactions).
    await gql(t.url, `mutation { executeRun(id: "live-1") { id } }`);
    const e = await valuesAtLeast(events.received, 3);
    expect(e.map((v) => v.eventType)).toEqual(['RUN_QUEUED', 'RUN_STARTED', 'RUN_FAILED']);
    expect(e[0].run).toEqual({ id: 'live-1' });
    const r = await waitForState(runs.received.values, 'DONE_FAILED_ENVIRONMENT');
    const versions = r.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(queued.received.values.every((v) => v.state === 'QUEUED')).toBe(true);
    for (const s of [runs, events, queued]) s.stop();
  });

  it('phaseUpdated and runUpdated show progress; nested fields are read when the value is delivered', async () => {
    await createRun(t.url, 'live-2');
    const runs = sub.subscribe(`subscription { runUpdated(id: "live-2") { state tokensUsed phases { phaseId state } } }`);
    const phases = sub.subscribe(`subscription { phaseUpdated(runId: "live-2") { phaseId state tokensUsed } }`);
    await subscriptionsAtLeast(t.app.live.feed, 2);
    await startExecuting(t, 'live-2');
    await gql(t.url, `mutation { updatePhase(input: { runId: "live-2", phaseId: "p0", state: EXECUTING, tokensUsed: 10 }) { id } }`);
    await gql(t.url, `mutation { updatePhase(input: { runId: "live-2", phaseId: "p0", state: COMPLETE }) { id } }`);
    // The run's creation was committed before these subscriptions started: it is never sent, even when its
    // notification is still on its way as they start (README, "Live updates").
    await waitFor('phase p0 COMPLETE', async () => phases.received.values.some((v: any) => v.state === 'COMPLETE'));
    expect(phases.received.values).toEqual([
      { phaseId: 'p0', state: 'EXECUTING', tokensUsed: 10 },
      { phaseId: 'p0', state: 'COMPLETE', tokensUsed: 10 },
    ]);
    await waitFor('run tokens 10', async () => runs.received.values.some((v: any) => v.tokensUsed === 10));
    const r = runs.received.values;
    expect(r.map((v: any) => v.state)).toEqual(r.map(() => 'PHASE_EXECUTION'));
    expect(r[r.length - 1]).toMatchObject({ tokensUsed: 10, phases: [{ phaseId: 'p0' }, { phaseId: 'p1', state: 'QUEUED' }] });
    runs.stop();
    phases.stop();
  });

  it('a mutation answers the version a query sees afterwards', async () => {
    const { createRun: created } = await gql(t.url, `mutation { createRun(input: { id: "live-v", phases: [{ phaseId: "p0", name: "P0" }] }) { version } }`);
    const { run } = await gql(t.url, `query { run(id: "live-v") { version } }`);
    expect(created.version).toBe(run.version);
    const { executeRun } = await gql(t.url, `mutation { executeRun(id: "live-v") { version } }`);
    expect(executeRun.version).toBeGreaterThan(run.version);
  });

  it('an aborted transaction notifies nobody', async () => {
    await createRun(t.url, 'live-abort');
    const runs = sub.subscribe(`subscription { runUpdated(id: "live-abort") { state failureReason } }`);
    await subscriptionsAtLeast(t.app.live.feed, 1);
    await expect(
      forkEm(t.app.orm).transactional(async (tx) => {
        await tx.nativeUpdate(Run, { id: 'live-abort' }, { failureReason: 'never committed' });
        touchRun(tx, 'live-abort', { row: true });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await startExecuting(t, 'live-abort');
    const [first] = await valuesAtLeast(runs.received, 1);
    expect(first).toEqual({ state: 'PHASE_EXECUTION', failureReason: null });
    await t.app.live.feed.idle();
    expect(runs.received.values).toHaveLength(1);
    runs.stop();
  });
});
