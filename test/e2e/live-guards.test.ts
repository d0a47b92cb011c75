// The rules of /graphql apply to subscriptions: keys (header or connection_init), Origin (the WebSocket CSRF
// rule), kill switches, operation limits, subscription limits; plus the bounds: a slow consumer is dropped
// with 1013 and its queue never grows past the limit, and a shutdown closes subscriptions with 1001.
import WebSocket from 'ws';
import { Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { touchRun } from '../../src/modules/live/publish';
import { BACKENDS } from '../helpers/db';
import { waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { connectSubscriber, subscriptionsAtLeast, valuesAtLeast, wsUrl, type Subscriber } from '../helpers/live';

const ADMIN = 'admin-key-123';
const READ = 'read-key-456';

const gql = async (url: string, query: string, variables: Record<string, unknown> = {}, key = ADMIN) => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': key },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: any[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

async function executingRun(t: TestApp, id: string): Promise<void> {
  await gql(t.url, `mutation($id: ID!) { createRun(input: { id: $id, phases: [{ phaseId: "p0", name: "P0" }] }) { id } }`, { id });
  await forkEm(t.app.orm).transactional(async (tx) => {
    await tx.nativeUpdate(Run, { id }, { state: 'PHASE_EXECUTION', startedAt: new Date() });
    touchRun(tx, id, { row: true });
  });
}

const metricValue = async (url: string, name: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(name))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
};

/** The upgrade's HTTP answer, or 101 when it became a WebSocket. */
const upgradeStatus = (url: string, headers: Record<string, string>) =>
  new Promise<number>((resolve) => {
    const ws = new WebSocket(wsUrl(url), 'graphql-transport-ws', { headers });
    ws.once('open', () => (ws.close(), resolve(101)));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => undefined);
  });

describe.each(BACKENDS)('subscription rules (%s)', (backend) => {
  let t: TestApp;
  const subs: Subscriber[] = [];
  beforeAll(async () => {
    t = await startTestApp(backend, {
      AUTOPACK_API_KEY: ADMIN,
      AUTOPACK_READ_API_KEY: READ,
      AUTOPACK_LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3',
      AUTOPACK_MAX_QUERY_DEPTH: '4',
    });
    await executingRun(t, 'guarded');
  });
  afterAll(async () => {
    await Promise.all(subs.map((s) => s.dispose()));
    await t?.close();
  });

  it('refuses a connection without a key (4401) or with a wrong one (4403)', async () => {
    const none = await connectSubscriber(t.url);
    expect(await none.closed).toEqual({ code: 4401, reason: 'API key required: send it in the X-API-Key header' });
    const wrong = await connectSubscriber(t.url, { params: { 'x-api-key': 'nope' } });
    expect(await wrong.closed).toEqual({ code: 4403, reason: 'Invalid API key' });
  });

  it('a read key in connection_init may subscribe; so may a key in the upgrade headers', async () => {
    const reader = await connectSubscriber(t.url, { params: { 'x-api-key': READ } });
    const admin = await connectSubscriber(t.url, { headers: { authorization: `Bearer ${ADMIN}` } });
    subs.push(reader, admin);
    const a = reader.subscribe(`subscription { dashboardEventAdded(runId: "guarded") { message } }`);
    const b = admin.subscribe(`subscription { dashboardEventAdded(runId: "guarded") { message } }`);
    await subscriptionsAtLeast(t.app.live.feed, 2);
    await gql(t.url, `mutation { recordDashboardEvent(input: { runId: "guarded", eventType: "NOTE", message: "hi" }) { eventType } }`);
    expect(await valuesAtLeast(a.received, 1)).toEqual([{ message: 'hi' }]);
    expect(await valuesAtLeast(b.received, 1)).toEqual([{ message: 'hi' }]);
    // only subscriptions are served over WebSocket: a mutation (even with the admin key) is refused
    const m = admin.subscribe(`mutation { recordDashboardEvent(input: { runId: "guarded", eventType: "NOTE" }) { eventType } }`);
    await waitFor('refusal', async () => m.received.refused);
    expect(m.received.refused![0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    a.stop();
    b.stop();
  });

  it('refuses WebSocket upgrades from another origin (browser CSRF), accepts same-origin and no Origin', async () => {
    const host = new URL(t.url).host;
    expect(await upgradeStatus(t.url, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(t.url, { origin: `http://${host}` })).toBe(101);
    expect(await upgradeStatus(t.url, {})).toBe(101);
    const sse = await fetch(`${t.url}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-api-key': ADMIN, origin: 'https://evil.example' },
      body: JSON.stringify({ query: 'subscription { featureFlagChanged { flag } }' }),
    });
    expect(sse.status).toBe(403);
  });

  it('applies the operation limits, argument checks and the per-connection limit', async () => {
    const s = await connectSubscriber(t.url, { params: { 'x-api-key': ADMIN } });
    subs.push(s);
    const deep = s.subscribe(`subscription { runUpdated(id: "guarded") { replayOf { replayOf { replayOf { replayOf { id } } } } } }`);
    await waitFor('depth refusal', async () => deep.received.refused);
    expect(deep.received.refused![0].message).toMatch(/depth/i);
    const unknown = s.subscribe(`subscription { runUpdated(id: "no-such-run") { id } }`);
    await waitFor('not found', async () => unknown.received.errors[0]);
    expect(unknown.received.errors[0][0].extensions?.code).toBe('NOT_FOUND');
    const ok = [1, 2, 3].map(() => s.subscribe(`subscription { runUpdated(id: "guarded") { id } }`));
    await subscriptionsAtLeast(t.app.live.feed, 3);
    const fourth = s.subscribe(`subscription { runUpdated(id: "guarded") { id } }`);
    await waitFor('limit', async () => fourth.received.errors[0]);
    expect(fourth.received.errors[0][0].extensions?.code).toBe('LIMIT_EXCEEDED');
    ok.forEach((o) => o.stop());
  });

  it('phaseMetricsRecorded is refused with FEATURE_DISABLED while PHASE6_METRICS is off; featureFlagChanged reports the switch', async () => {
    const s = await connectSubscriber(t.url, { params: { 'x-api-key': ADMIN } });
    subs.push(s);
    const flags = s.subscribe(`subscription { featureFlagChanged { flag enabled source changedBy } }`);
    const off = s.subscribe(`subscription { phaseMetricsRecorded(runId: "guarded") { totalTokens } }`);
    await waitFor('refusal', async () => off.received.errors[0]);
    expect(off.received.errors[0][0].extensions?.code).toBe('FEATURE_DISABLED');
    await subscriptionsAtLeast(t.app.live.feed, 1);
    await gql(t.url, `mutation { setFeatureFlag(flag: PHASE6_METRICS, enabled: true, reason: "test") { enabled } }`);
    expect(await valuesAtLeast(flags.received, 1)).toEqual([{ flag: 'PHASE6_METRICS', enabled: true, source: 'OVERRIDE', changedBy: 'admin' }]);
    const on = s.subscribe(`subscription { phaseMetricsRecorded(runId: "guarded") { totalTokens phase { phaseId } } }`);
    await subscriptionsAtLeast(t.app.live.feed, 2);
    await gql(
      t.url,
      `mutation { recordPhaseMetrics(input: [{ runId: "guarded", phaseId: "p0", baseTokens: 7 }, { runId: "guarded", phaseId: "p0", baseTokens: 8 }]) { id } }`,
    );
    expect(await valuesAtLeast(on.received, 2)).toEqual([
      { totalTokens: 7, phase: { phaseId: 'p0' } },
      { totalTokens: 8, phase: { phaseId: 'p0' } },
    ]);
    await gql(t.url, `mutation { clearFeatureFlag(flag: PHASE6_METRICS) { enabled } }`);
    expect((await valuesAtLeast(flags.received, 2))[1]).toEqual({ flag: 'PHASE6_METRICS', enabled: false, source: 'ENV', changedBy: null });
    flags.stop();
    on.stop();
  });
});

describe.each(BACKENDS)('bounds and shutdown (%s)', (backend) => {
  it('drops a slow consumer with 1013 and never queues more than the limit for it', async () => {
    const t = await startTestApp(backend, { AUTOPACK_LIVE_QUEUE_LIMIT: '5' });
    try {
      await executingRun(t, 'flood');
      // A raw graphql-ws client that stops reading once subscribed.
      const ws = new WebSocket(wsUrl(t.url), 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ type: 'connection_init' }));
      await new Promise((resolve) => ws.once('message', resolve));
      ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { dashboardEventAdded(runId: "flood") { payload } }' } }));
      await subscriptionsAtLeast(t.app.live.feed, 1);
      (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
      const big = 'x'.repeat(60_000);
      for (let i = 0; i < 400 && !(await metricValue(t.url, 'autopack_live_slow_consumer_drops_total')); i++) {
        await gql(t.url, `mutation($p: JSON) { recordDashboardEvent(input: { runId: "flood", eventType: "BIG", payload: $p }) { eventType } }`, {
          p: { big, i },
        });
      }
      expect(await metricValue(t.url, 'autopack_live_slow_consumer_drops_total')).toBe(1);
      expect(await metricValue(t.url, 'autopack_live_events_delivered_total')).toBeGreaterThan(5);
      expect(await metricValue(t.url, 'autopack_live_notify_lag_seconds_count')).toBeGreaterThan(5);
      expect(t.app.live.feed.maxQueued).toBeLessThanOrEqual(5);
      expect(t.app.live.feed.subscriptionCount).toBe(0);
      (ws as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await closed).toBe(1013);
    } finally {
      await t.close();
    }
  });

  it('pings idle connections and cuts one that does not answer', async () => {
    const t = await startTestApp(backend, { AUTOPACK_LIVE_KEEPALIVE_SECONDS: '1' });
    try {
      // A client that never answers pings (ws answers them by itself unless autoPong is off).
      const ws = new WebSocket(wsUrl(t.url), 'graphql-transport-ws', { autoPong: false });
      let pings = 0;
      ws.on('ping', () => pings++);
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send(JSON.stringify({ type: 'connection_init' }));
      expect(await closed).toBe(1006); // terminated: no close handshake with a dead peer
      expect(pings).toBeGreaterThanOrEqual(1);
    } finally {
      await t.close();
    }
  });

  it('shutdown closes subscriptions with 1001', async () => {
    const t = await startTestApp(backend);
    try {
      const s = await connectSubscriber(t.url);
      s.subscribe(`subscription { runsUpdated { id } }`);
      await subscriptionsAtLeast(t.app.live.feed, 1);
      const closing = t.app.close();
      expect(await s.closed).toMatchObject({ code: 1001 });
      await closing;
    } finally {
      await t.db.drop();
    }
  });
});
