// The admission gate on its own: `limit` at once, a FIFO line of at most `maxQueued`, a full line refused at once.
import { AdmissionGate } from '../../src/http/admission';

/** Lets every promise callback that is ready run (the gate resolves waiters through promises). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise whose outcome can be read synchronously. */
function track<T>(p: Promise<T>): { done: () => boolean; value: () => T | undefined; promise: Promise<T> } {
  let done = false;
  let value: T | undefined;
  const promise = p.then((v) => {
    done = true;
    value = v;
    return v;
  });
  return { done: () => done, value: () => value, promise };
}

/** enter() on a full line: settled with false before any leave(), not left pending. */
async function refusedAtOnce(gate: AdmissionGate): Promise<void> {
  const attempt = track(gate.enter());
  await settle();
  expect(attempt.done()).toBe(true);
  expect(attempt.value()).toBe(false);
}

describe('AdmissionGate', () => {
  it('admits up to `limit` at once without waiting, counting each as running', async () => {
    const gate = new AdmissionGate(3, 10);
    expect(gate.stats).toEqual({ running: 0, queued: 0 });
    expect(await gate.enter()).toBe(true);
    expect(gate.stats).toEqual({ running: 1, queued: 0 });
    expect(await gate.enter()).toBe(true);
    expect(await gate.enter()).toBe(true);
    expect(gate.stats).toEqual({ running: 3, queued: 0 });

    // the fourth waits in line
    const fourth = track(gate.enter());
    await settle();
    expect(fourth.done()).toBe(false);
    expect(gate.stats).toEqual({ running: 3, queued: 1 });

    gate.leave();
    await settle();
    expect(fourth.value()).toBe(true);
    // the slot was handed over: still 3 running, nobody waiting
    expect(gate.stats).toEqual({ running: 3, queued: 0 });

    gate.leave();
    gate.leave();
    gate.leave();
    expect(gate.stats).toEqual({ running: 0, queued: 0 });
    // and the gate admits again at once once emptied
    expect(await gate.enter()).toBe(true);
    expect(gate.stats).toEqual({ running: 1, queued: 0 });
  });

  it('tryEnter takes a free slot at once and takes nothing when none is free (enter() queues instead)', async () => {
    const gate = new AdmissionGate(2, 10, { read: { running: 1, queued: 5 } });
    expect(gate.tryEnter('read')).toBe(true);
    expect(gate.tryEnter('read')).toBe(false); // the read key's share is taken
    expect(gate.tryEnter('admin')).toBe(true);
    expect(gate.tryEnter('admin')).toBe(false); // every slot is taken
    expect(gate.stats).toEqual({ running: 2, queued: 0 });
    const waiting = track(gate.enter('admin'));
    await settle();
    expect(gate.stats).toEqual({ running: 2, queued: 1 });
    gate.leave('read');
    await settle();
    expect(waiting.value()).toBe(true);
    expect(gate.byClass).toEqual({ admin: { running: 2, queued: 0 }, read: { running: 0, queued: 0 }, none: { running: 0, queued: 0 } });
  });

  it('hands the slot over on leave() in arrival order (FIFO), one waiter per leave', async () => {
    const gate = new AdmissionGate(1, 10);
    expect(await gate.enter()).toBe(true);
    const order: number[] = [];
    const waiters = [1, 2, 3, 4].map((n) => track(gate.enter().then((ok) => (order.push(n), ok))));
    await settle();
    expect(gate.stats).toEqual({ running: 1, queued: 4 });
    expect(order).toEqual([]);

    for (let i = 1; i <= 4; i++) {
      gate.leave();
      await settle();
      // exactly one more waiter admitted per leave, the earliest one
      expect(order).toEqual([1, 2, 3, 4].slice(0, i));
      expect(waiters.filter((w) => w.done()).length).toBe(i);
      expect(gate.stats).toEqual({ running: 1, queued: 4 - i });
    }
    for (const w of waiters) expect(w.value()).toBe(true);

    gate.leave();
    expect(gate.stats).toEqual({ running: 0, queued: 0 });
  });

  it('refuses at once (false, nothing taken) when maxQueued requests already wait', async () => {
    const gate = new AdmissionGate(2, 2);
    expect(await gate.enter()).toBe(true);
    expect(await gate.enter()).toBe(true);
    const a = track(gate.enter());
    const b = track(gate.enter());
    await settle();
    expect(gate.stats).toEqual({ running: 2, queued: 2 });

    // the line is full: answered false without waiting for any leave()
    await refusedAtOnce(gate);
    await refusedAtOnce(gate);
    // a refusal takes neither a slot nor a place in line
    expect(gate.stats).toEqual({ running: 2, queued: 2 });
    expect(a.done()).toBe(false);
    expect(b.done()).toBe(false);

    // once a place frees up, the line accepts again
    gate.leave();
    await settle();
    expect(a.value()).toBe(true);
    expect(b.done()).toBe(false);
    expect(gate.stats).toEqual({ running: 2, queued: 1 });
    const c = track(gate.enter());
    await settle();
    expect(c.done()).toBe(false);
    expect(gate.stats).toEqual({ running: 2, queued: 2 });
    await refusedAtOnce(gate);

    gate.leave();
    gate.leave();
    await settle();
    expect(b.value()).toBe(true);
    expect(c.value()).toBe(true);
    expect(gate.stats).toEqual({ running: 2, queued: 0 });
    gate.leave();
    gate.leave();
    expect(gate.stats).toEqual({ running: 0, queued: 0 });
  });

  it('with maxQueued 0 nobody waits: beyond the limit every request is refused at once', async () => {
    const gate = new AdmissionGate(1, 0);
    expect(await gate.enter()).toBe(true);
    await refusedAtOnce(gate);
    await refusedAtOnce(gate);
    expect(gate.stats).toEqual({ running: 1, queued: 0 });
    gate.leave();
    expect(gate.stats).toEqual({ running: 0, queued: 0 });
    expect(await gate.enter()).toBe(true);
    expect(gate.stats).toEqual({ running: 1, queued: 0 });
  });

  it('never runs more than `limit` at once under a burst, and admits every waiter eventually', async () => {
    const limit = 3;
    const gate = new AdmissionGate(limit, 100);
    let running = 0;
    let peak = 0;
    const work = async (): Promise<boolean> => {
      if (!(await gate.enter())) return false;
      running++;
      peak = Math.max(peak, running);
      expect(gate.stats.running).toBeLessThanOrEqual(limit);
      await settle();
      running--;
      gate.leave();
      return true;
    };
    const results = await Promise.all(Array.from({ length: 50 }, work));
    expect(results.every(Boolean)).toBe(true);
    expect(peak).toBe(limit);
    expect(gate.stats).toEqual({ running: 0, queued: 0 });
  });
});

describe('AdmissionGate with a capped key class (the read key)', () => {
  // 4 slots, the read key at most 3 of them and 2 places in a line of 10
  const capped = () => new AdmissionGate(4, 10, { read: { running: 3, queued: 2 } });

  it('keeps a slot for the admin key while reads fill their share', async () => {
    const gate = capped();
    for (let i = 0; i < 3; i++) expect(await gate.enter('read')).toBe(true);
    // the fourth read waits although a slot is free: that slot is the admin key's
    const read = track(gate.enter('read'));
    await settle();
    expect(read.done()).toBe(false);
    expect(gate.stats).toEqual({ running: 3, queued: 1 });
    // an admin request takes it at once
    expect(await gate.enter('admin')).toBe(true);
    expect(gate.byClass).toEqual({ admin: { running: 1, queued: 0 }, read: { running: 3, queued: 1 }, none: { running: 0, queued: 0 } });
    // when the admin request ends the waiting read still may not take the reserved slot
    gate.leave('admin');
    await settle();
    expect(read.done()).toBe(false);
    // a read ending hands its slot to the waiting read
    gate.leave('read');
    await settle();
    expect(read.value()).toBe(true);
    expect(gate.stats).toEqual({ running: 3, queued: 0 });
  });

  it('passes over reads at their share in line: a later admin waiter gets the next slot', async () => {
    const gate = capped();
    for (let i = 0; i < 3; i++) expect(await gate.enter('read')).toBe(true);
    expect(await gate.enter('admin')).toBe(true); // all 4 slots taken
    const order: string[] = [];
    const r1 = track(gate.enter('read').then((ok) => (order.push('read'), ok)));
    const a1 = track(gate.enter('admin').then((ok) => (order.push('admin'), ok)));
    await settle();
    expect(gate.stats).toEqual({ running: 4, queued: 2 });
    // the admin slot frees: the read ahead in line is at its share, the admin waiter goes first
    gate.leave('admin');
    await settle();
    expect(order).toEqual(['admin']);
    expect(r1.done()).toBe(false);
    gate.leave('read');
    await settle();
    expect(order).toEqual(['admin', 'read']);
    expect(a1.value()).toBe(true);
    expect(gate.stats).toEqual({ running: 4, queued: 0 });
  });

  it('refuses reads beyond their places in line while admin requests may still wait', async () => {
    const gate = capped();
    for (let i = 0; i < 4; i++) expect(await gate.enter(i < 3 ? 'read' : 'admin')).toBe(true);
    void gate.enter('read');
    void gate.enter('read');
    await settle();
    await expect(gate.enter('read')).resolves.toBe(false);
    const admin = track(gate.enter('admin'));
    await settle();
    expect(admin.done()).toBe(false);
    expect(gate.byClass.read).toEqual({ running: 3, queued: 2 });
    expect(gate.byClass.admin).toEqual({ running: 1, queued: 1 });
  });

  it('an uncapped class (no key configured) may use every slot', async () => {
    const gate = capped();
    for (let i = 0; i < 4; i++) expect(await gate.enter('none')).toBe(true);
    expect(gate.stats).toEqual({ running: 4, queued: 0 });
  });
});
