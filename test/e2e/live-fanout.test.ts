// Live updates under concurrency and across servers: 50 concurrent writers on one run reach every subscriber
// exactly once and in commit order; on PostgreSQL a change written through server A reaches subscribers on
// server B (LISTEN/NOTIFY), and a lost LISTEN connection comes back with an explicit missed-changes signal.
import type { Socket } from 'node:net';
import { Client } from 'pg';
import { Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { touchRun } from '../../src/modules/live/publish';
import type { PostgresBus } from '../../src/modules/live/pg-bus';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { connectSubscriber, subscriptionsAtLeast, valuesAtLeast, type Subscriber } from '../helpers/live';

const WRITERS = 50;

/** The socket of a server's LISTEN connection: pausing it holds back what PostgreSQL sends on it. */
const listenSocket = (bus: PostgresBus) => (bus as unknown as { client: { connection: { stream: Socket } } }).client.connection.stream;

const gql = async (url: string, query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: any; errors?: any[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

async function executingRun(t: TestApp, id: string, phases: number): Promise<void> {
  await gql(t.url, `mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`, {
    input: { id, phases: Array.from({ length: phases }, (_, i) => ({ phaseId: `p${i}`, name: `Phase ${i}` })) },
  });
  await forkEm(t.app.orm).transactional(async (tx) => {
    await tx.nativeUpdate(Run, { id }, { state: 'PHASE_EXECUTION', startedAt: new Date() });
    touchRun(tx, id, { row: true });
  });
}

const follow = (sub: Subscriber, runId: string) => ({
  runs: sub.subscribe(`subscription($id: ID!) { runUpdated(id: $id) { version tokensUsed } }`, { id: runId }),
  phases: sub.subscribe(`subscription($id: ID!) { phaseUpdated(runId: $id) { phaseId state tokensUsed } }`, { id: runId }),
  events: sub.subscribe(`subscription($id: ID!) { dashboardEventAdded(runId: $id, eventType: "PHASE_STARTED") { eventType phase { phaseId } } }`, {
    id: runId,
  }),
});

/** Writes WRITERS concurrent phase updates through `servers` (round robin); checks what `followers` got. */
async function concurrentWriters(servers: TestApp[], followers: { t: TestApp; f: ReturnType<typeof follow> }[], runId: string) {
  await Promise.all(
    Array.from({ length: WRITERS }, (_, i) =>
      gql(servers[i % servers.length].url, `mutation($input: UpdatePhaseInput!) { updatePhase(input: $input) { id } }`, {
        input: { runId, phaseId: `p${i}`, state: 'EXECUTING', tokensUsed: i + 1 },
      }),
    ),
  );
  const final = await forkEm(servers[0].app.orm).findOneOrFail(Run, { id: runId });
  const sequences: string[][] = [];
  for (const { t, f } of followers) {
    const phases = await valuesAtLeast(f.phases.received, WRITERS);
    const events = await valuesAtLeast(f.events.received, WRITERS);
    const runs = await waitFor('the last run version', async () => f.runs.received.values.some((v) => v.version === final.version) && f.runs.received.values);
    await t.app.live.feed.idle();
    // exactly once: every phase and every event once, nothing more
    expect(f.phases.received.values).toHaveLength(WRITERS);
    expect(new Set(phases.map((p) => p.phaseId)).size).toBe(WRITERS);
    expect(phases.every((p) => p.state === 'EXECUTING')).toBe(true);
    expect(f.events.received.values).toHaveLength(WRITERS);
    // commit order: each transaction wrote one phase and its event; both streams list them in the same order
    expect(events.map((e) => e.phase.phaseId)).toEqual(phases.map((p) => p.phaseId));
    // run versions: strictly increasing, never one twice, the last one is what a query sees now
    const versions = runs.map((r) => r.version);
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]);
    expect(runs[runs.length - 1]).toEqual({ version: final.version, tokensUsed: final.tokensUsed });
    // and the run's tokens are the sum over its phases (no update lost between concurrent writers)
    expect(final.tokensUsed).toBe((WRITERS * (WRITERS + 1)) / 2);
    expect(f.runs.received.errors).toEqual([]);
    sequences.push(phases.map((p) => p.phaseId));
  }
  // every subscriber, on every server, saw the same commit order
  for (const s of sequences) expect(s).toEqual(sequences[0]);
}

describe.each(BACKENDS)('50 concurrent writers on one run (%s)', (backend) => {
  let t: TestApp;
  let subs: Subscriber[] = [];
  beforeAll(async () => {
    t = await startTestApp(backend);
  });
  afterAll(async () => {
    await Promise.all(subs.map((s) => s.dispose()));
    await t?.close();
  });

  it('reach two subscribers exactly once, in commit order', async () => {
    await executingRun(t, 'busy', WRITERS);
    subs = await Promise.all([connectSubscriber(t.url), connectSubscriber(t.url)]);
    const followers = subs.map((s) => ({ t, f: follow(s, 'busy') }));
    await subscriptionsAtLeast(t.app.live.feed, 6);
    await concurrentWriters([t], followers, 'busy');
  });
});

describe('two servers on one PostgreSQL database', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const subs: Subscriber[] = [];
  beforeAll(async () => {
    db = await createTestDatabase('postgresql', { migrated: true });
    a = await startTestApp('postgresql', {}, db);
    b = await startTestApp('postgresql', {}, db);
  });
  afterAll(async () => {
    await Promise.all(subs.map((s) => s.dispose()));
    await a?.app.close();
    await b?.app.close();
    await db?.drop();
  });

  it('a mutation on server A reaches a subscriber on server B', async () => {
    await executingRun(a, 'fan-1', 1);
    const sub = await connectSubscriber(b.url);
    subs.push(sub);
    const events = sub.subscribe(`subscription { dashboardEventAdded(runId: "fan-1") { eventType message } }`);
    await subscriptionsAtLeast(b.app.live.feed, 1);
    await gql(a.url, `mutation { recordDashboardEvent(input: { runId: "fan-1", eventType: "HELLO", message: "from A" }) { eventType } }`);
    expect(await valuesAtLeast(events.received, 1)).toEqual([{ eventType: 'HELLO', message: 'from A' }]);
    events.stop();
  });

  it('50 concurrent writers through both servers reach subscribers on both, exactly once, in the same commit order', async () => {
    await executingRun(a, 'fan-busy', WRITERS);
    const [sa, sb] = await Promise.all([connectSubscriber(a.url), connectSubscriber(b.url)]);
    subs.push(sa, sb);
    const followers = [
      { t: a, f: follow(sa, 'fan-busy') },
      { t: b, f: follow(sb, 'fan-busy') },
    ];
    await subscriptionsAtLeast(a.app.live.feed, 3);
    await subscriptionsAtLeast(b.app.live.feed, 3);
    await concurrentWriters([a, b], followers, 'fan-busy');
  });

  it('a change committed before a subscription started is not sent to it, though its notification was still on its way', async () => {
    await executingRun(a, 'fan-cut', 1);
    const sub = await connectSubscriber(b.url);
    subs.push(sub);
    const bus = b.app.live.bus as PostgresBus;
    const started = b.app.live.feed.subscriptionCount;
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    // Server B reads nothing from its LISTEN connection for now: notifications wait in the socket, as when
    // they are slow to arrive.
    const socket = listenSocket(bus);
    socket.pause();
    let events;
    try {
      await gql(a.url, `mutation { recordDashboardEvent(input: { runId: "fan-cut", eventType: "BEFORE", message: "before" }) { eventType } }`);
      events = sub.subscribe(`subscription { dashboardEventAdded(runId: "fan-cut") { message } }`);
      // B registered the subscription and sent its marker (on the LISTEN connection, after the event's commit).
      await waitFor('the subscription marker', async () => {
        const { rows } = await admin.query('select query from pg_stat_activity where pid = $1', [bus.backendPid]);
        return rows[0]?.query.includes('pg_notify');
      });
      expect(b.app.live.feed.subscriptionCount).toBe(started); // not started until its marker is back
    } finally {
      socket.resume();
      await admin.end();
    }
    await subscriptionsAtLeast(b.app.live.feed, started + 1);
    await gql(a.url, `mutation { recordDashboardEvent(input: { runId: "fan-cut", eventType: "AFTER", message: "after" }) { eventType } }`);
    expect(await valuesAtLeast(events.received, 1)).toEqual([{ message: 'after' }]);
    await b.app.live.feed.idle();
    expect(events.received.values).toEqual([{ message: 'after' }]);
    events.stop();
  });

  it('a LISTEN connection that stops answering (half-open) is replaced once a subscription marker has not come back in 5 s', async () => {
    await executingRun(a, 'fan-dead', 1);
    const sub = await connectSubscriber(b.url);
    subs.push(sub);
    const bus = b.app.live.bus as PostgresBus;
    const pid = bus.backendPid!;
    const started = b.app.live.feed.subscriptionCount;
    // Nothing comes back on B's LISTEN connection any more, as when the peer vanished without closing it.
    const socket = listenSocket(bus);
    socket.pause();
    try {
      const events = sub.subscribe(`subscription { dashboardEventAdded(runId: "fan-dead") { message } }`);
      await subscriptionsAtLeast(b.app.live.feed, started + 1);
      await waitFor('a new LISTEN connection', async () => bus.backendPid !== undefined && bus.backendPid !== pid);
      const signals = await waitFor('both missed-changes signals', async () => events.received.errors.length >= 2 && events.received.errors);
      expect(signals.map((s) => s[0].extensions?.code)).toEqual(['CHANGES_MISSED', 'CHANGES_MISSED']);
      await gql(a.url, `mutation { recordDashboardEvent(input: { runId: "fan-dead", eventType: "AFTER", message: "after reconnect" }) { eventType } }`);
      expect(await valuesAtLeast(events.received, 1)).toEqual([{ message: 'after reconnect' }]);
      events.stop();
    } finally {
      socket.resume(); // lets the abandoned connection finish closing
    }
  });

  it('a killed LISTEN connection reconnects and subscribers get the missed-changes signal, then changes again', async () => {
    await executingRun(a, 'fan-2', 1);
    const sub = await connectSubscriber(b.url);
    subs.push(sub);
    const started = b.app.live.feed.subscriptionCount; // the earlier tests' followers are still subscribed
    const events = sub.subscribe(`subscription { dashboardEventAdded(runId: "fan-2") { message } }`);
    await subscriptionsAtLeast(b.app.live.feed, started + 1);
    const bus = b.app.live.bus as PostgresBus;
    const pid = bus.backendPid!;
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    // Told twice: when the connection is lost (at once, not after the reconnect's back-off) and once it is back.
    await waitFor('a new LISTEN connection', async () => bus.backendPid !== undefined && bus.backendPid !== pid);
    const signals = await waitFor('both missed-changes signals', async () => events.received.errors.length >= 2 && events.received.errors);
    expect(signals.map((s) => s[0].extensions?.code)).toEqual(['CHANGES_MISSED', 'CHANGES_MISSED']);
    expect(signals[0][0].message).toMatch(/lost its connection .* is reconnecting: changes committed until it is back may be missing/);
    expect(signals[1][0].message).toMatch(/reconnected: changes committed meanwhile may be missing/);
    await gql(a.url, `mutation { recordDashboardEvent(input: { runId: "fan-2", eventType: "AFTER", message: "after reconnect" }) { eventType } }`);
    expect(await valuesAtLeast(events.received, 1)).toEqual([{ message: 'after reconnect' }]);
    expect(events.received.refused).toBeUndefined();
    events.stop();
  });
});
