// The subscription registry's bounds, without a database (registration and queues never read one).
import { Feed } from '../../src/modules/live/feed';
import type { LiveConnection } from '../../src/modules/live/topics';
import { silentLogger } from '../../src/logger';
import type { Orm } from '../../src/db/orm';
import type { BusHandlers, ChangeBus } from '../../src/modules/live/bus';

/**
 * A bus that keeps the markers sent through it; the test hands them back (or not) as the feed would hear them.
 * `hold`: each send stays in flight until `release()`.
 */
function markerBus(opts: { fail?: boolean; hold?: boolean } = {}) {
  const sent: string[] = [];
  const reconnects: string[] = [];
  const inFlight: (() => void)[] = [];
  let handlers!: BusHandlers;
  const bus: ChangeBus = {
    kind: 'postgresql',
    start: async (h) => void (handlers = h),
    stop: async () => undefined,
    reconnect: (reason) => void reconnects.push(reason),
    mark: async (id) => {
      if (opts.fail) throw new Error('connection down');
      sent.push(id);
      if (opts.hold) await new Promise<void>((resolve) => inFlight.push(resolve));
    },
  };
  return {
    bus,
    sent,
    reconnects,
    release: () => inFlight.shift()?.(),
    back: (id: string) => handlers.changes([{ k: 'mark', m: id, at: Date.now() }]),
    gap: () => handlers.gap('lost'),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

const feed = (limits: Partial<{ perConnection: number; perServer: number; queue: number }> = {}) =>
  new Feed(undefined as unknown as Orm, { perConnection: 10, perServer: 10, queue: 10, ...limits }, silentLogger);

describe('live subscription registry', () => {
  it('refuses subscriptions past the per-connection and per-server limits with LIMIT_EXCEEDED', () => {
    const f = feed({ perConnection: 2, perServer: 3 });
    const a = f.openConnection('ws', () => undefined);
    const b = f.openConnection('ws', () => undefined);
    f.subscribe(a, { kind: 'flags' });
    f.subscribe(a, { kind: 'flags' });
    expect(() => f.subscribe(a, { kind: 'flags' })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', message: expect.stringMatching(/per connection/) }),
    );
    f.subscribe(b, { kind: 'flags' });
    expect(() => f.subscribe(b, { kind: 'flags' })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', message: expect.stringMatching(/maximum of 3/) }),
    );
    // a closed connection frees its slots
    f.connectionClosed(a);
    expect(f.subscriptionCount).toBe(1);
    f.subscribe(b, { kind: 'flags' });
    expect(f.subscriptionCount).toBe(2);
  });

  it('drops a subscriber whose queue is full, closing its connection with 1013, and keeps at most the limit queued', () => {
    const f = feed({ queue: 3 });
    const closes: [number, string][] = [];
    const conn: LiveConnection = f.openConnection('ws', (code, reason) => closes.push([code, reason]));
    const sub = f.subscribe(conn, { kind: 'flags' });
    const detail = { flag: 'PHASE6_METRICS' } as never;
    for (let i = 0; i < 10; i++) f.flagsChanged([detail]);
    expect(closes).toEqual([[1013, 'Slow consumer: more than 3 updates waiting']]);
    expect(f.maxQueued).toBe(3);
    expect(sub.isEnded).toBe(true);
    expect(f.subscriptionCount).toBe(0);
  });

  it('on shutdown closes every connection with the given code and refuses new subscriptions', () => {
    const f = feed();
    const closes: number[] = [];
    const conn = f.openConnection('sse', (code) => closes.push(code));
    f.subscribe(conn, { kind: 'flags' });
    f.closeAll(1001, 'Server shutting down');
    expect(closes).toEqual([1001]);
    expect(f.subscriptionCount).toBe(0);
    expect(() =>
      f.subscribe(
        f.openConnection('ws', () => undefined),
        { kind: 'flags' },
      ),
    ).toThrow(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }));
  });

  it("starts the subscriptions of one tick when their one marker comes back, not before, and ignores other servers' markers", async () => {
    const f = feed();
    const m = markerBus();
    await f.listen(m.bus);
    const conn = f.openConnection('ws', () => undefined);
    const subs = [f.subscribe(conn, { kind: 'flags' }), f.subscribe(conn, { kind: 'runs', state: null })];
    await tick();
    expect(m.sent).toHaveLength(1);
    expect(f.subscriptionCount).toBe(0);
    m.back('another-server:1');
    expect(f.subscriptionCount).toBe(0);
    m.back(m.sent[0]);
    await Promise.all(subs.map((s) => s.started));
    expect(f.subscriptionCount).toBe(2);
    expect(subs.map((s) => s.from)).toEqual([2, 2]); // after the foreign marker (1) and its own (2)
  });

  it('starts at once when the marker cannot be sent, and on a gap (a marker sent over a lost connection never returns)', async () => {
    const down = feed();
    await down.listen(markerBus({ fail: true }).bus);
    const a = down.subscribe(
      down.openConnection('ws', () => undefined),
      { kind: 'flags' },
    );
    await a.started;
    expect(down.subscriptionCount).toBe(1);

    const f = feed();
    const m = markerBus();
    await f.listen(m.bus);
    const b = f.subscribe(
      f.openConnection('ws', () => undefined),
      { kind: 'flags' },
    );
    await tick();
    expect(f.subscriptionCount).toBe(0);
    m.gap();
    await b.started;
    expect(f.subscriptionCount).toBe(1);
    expect((await b.next()).value?.missed).toBe('lost');
  });

  it('sends one marker at a time: subscriptions registered while one is out share the next', async () => {
    const f = feed();
    const m = markerBus({ hold: true });
    await f.listen(m.bus);
    const conn = f.openConnection('ws', () => undefined);
    const first = f.subscribe(conn, { kind: 'flags' });
    await tick();
    const later = [f.subscribe(conn, { kind: 'flags' }), f.subscribe(conn, { kind: 'flags' })];
    await tick();
    expect(m.sent).toHaveLength(1);
    m.back(m.sent[0]);
    await first.started;
    expect(f.subscriptionCount).toBe(1);
    m.release();
    await tick();
    expect(m.sent).toHaveLength(2);
    m.back(m.sent[1]);
    await Promise.all(later.map((s) => s.started));
    expect(f.subscriptionCount).toBe(3);
    m.release();
  });

  it('a marker that never comes back: the subscription starts after 5 s, the bus reconnects, and later ones are not held behind it', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const f = feed();
      const m = markerBus({ hold: true }); // the send hangs, as on a half-open connection
      await f.listen(m.bus);
      const conn = f.openConnection('ws', () => undefined);
      const first = f.subscribe(conn, { kind: 'flags' });
      await tick();
      jest.advanceTimersByTime(4999);
      expect(f.subscriptionCount).toBe(0);
      jest.advanceTimersByTime(1);
      await first.started;
      expect(m.reconnects).toEqual(['a subscription marker did not come back within 5000 ms']);
      const next = f.subscribe(conn, { kind: 'flags' });
      await tick();
      expect(m.sent).toHaveLength(2);
      m.back(m.sent[1]);
      await next.started;
      expect(f.subscriptionCount).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a gap starts the subscriptions queued behind a marker still out, too', async () => {
    const f = feed();
    const m = markerBus({ hold: true });
    await f.listen(m.bus);
    const conn = f.openConnection('ws', () => undefined);
    const subs = [f.subscribe(conn, { kind: 'flags' })];
    await tick();
    subs.push(f.subscribe(conn, { kind: 'flags' })); // queued: the first marker is still out
    await tick();
    expect(m.sent).toHaveLength(1);
    m.gap();
    await Promise.all(subs.map((s) => s.started));
    expect(f.subscriptionCount).toBe(2);
  });

  it('campaign progress never goes backwards: a value read before the last one sent is dropped; a failed first read ends the subscription', async () => {
    const f = feed();
    const conn = f.openConnection('ws', () => undefined);
    const sub = f.subscribe(conn, { kind: 'campaign', campaignId: 'c1' });
    const progress = (running: number) => ({
      campaignId: 'c1',
      selected: 2,
      waiting: 2 - running,
      queued: 0,
      running,
      finished: 0,
      succeeded: 0,
      failed: 0,
      done: false,
    });
    let finishOlder!: () => void;
    const older = f.startCampaign(sub, () => new Promise((resolve) => (finishOlder = () => resolve(progress(0)))));
    await f.startCampaign(sub, async () => progress(1)); // started later, answered first
    finishOlder();
    await older;
    expect((await sub.next()).value?.value).toEqual(progress(1));
    expect(sub.highWater).toBe(1); // the older read was not queued after it

    const failing = f.subscribe(conn, { kind: 'campaign', campaignId: 'c1' });
    await expect(f.startCampaign(failing, () => Promise.reject(new Error('database down')))).rejects.toThrow('database down');
    expect(failing.isEnded).toBe(true);
    expect(f.subscriptionCount).toBe(1);
  });

  it('while it holds subscriptions, sends a marker every 30 s: a silent (half-open) connection is replaced without any new subscription', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const f = feed();
      const m = markerBus();
      await f.listen(m.bus);
      jest.advanceTimersByTime(30_000);
      await tick();
      expect(m.sent).toHaveLength(0); // nobody to keep informed
      const sub = f.subscribe(
        f.openConnection('ws', () => undefined),
        { kind: 'flags' },
      );
      await tick();
      m.back(m.sent[0]);
      await sub.started;
      jest.advanceTimersByTime(30_000);
      await tick();
      expect(m.sent).toHaveLength(2);
      m.back(m.sent[1]); // the connection answers: nothing else happens
      jest.advanceTimersByTime(5_000);
      expect(m.reconnects).toEqual([]);
      jest.advanceTimersByTime(25_000);
      await tick();
      expect(m.sent).toHaveLength(3); // this one is never answered
      jest.advanceTimersByTime(5_000);
      expect(m.reconnects).toEqual(['a subscription marker did not come back within 5000 ms']);
      f.closeAll(1001, 'bye');
    } finally {
      jest.useRealTimers();
    }
  });
});
