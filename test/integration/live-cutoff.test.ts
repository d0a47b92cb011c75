// Where a subscription starts in the feed, on a real database: a change received before it started is not
// sent to it even when it is dispatched later (the feed was busy), and a value that went to others before it
// started, holding a commit made after, is still sent to it once (the duplicate check does not swallow it).
// The feed here has no bus, so a subscription starts at once; test/e2e/live-fanout.test.ts covers the marker
// that places it on PostgreSQL while notifications are in flight.
import { Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { silentLogger } from '../../src/logger';
import { Feed } from '../../src/modules/live/feed';
import { touchRun } from '../../src/modules/live/publish';
import type { Subscription } from '../../src/modules/live/subscription';
import { createRun } from '../../src/modules/runs/service';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const runChange = (r: string, v: number) => ({ k: 'run' as const, r, v, row: 1 as const, at: Date.now() });

/** Everything sent to `sub` so far: nobody reads it, so all of it is still queued (highWater counts it). */
async function received(sub: Subscription): Promise<Run[]> {
  const out: Run[] = [];
  for (let n = sub.highWater; n > 0; n--) out.push((await sub.next()).value.value as Run);
  return out;
}

describe.each(BACKENDS)('live feed: where a subscription starts (%s)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
  });
  afterAll(() => h.close());

  const version = async (id: string) => (await forkEm(h.orm).findOneOrFail(Run, { id })).version;
  /** Commits a change to the run (its version goes up by one) and returns the new version. */
  const execute = async (id: string) => {
    await forkEm(h.orm).transactional(async (tx) => {
      await tx.nativeUpdate(Run, { id }, { state: 'PHASE_EXECUTION' });
      touchRun(tx, id, { row: true });
    });
    return version(id);
  };

  it('does not send a change received before the subscription started, even when dispatched after it', async () => {
    await createRun(h.em(), { id: 'cut-busy' });
    await createRun(h.em(), { id: 'cut-late' });
    const feed = new Feed(h.orm, { perConnection: 10, perServer: 10, queue: 10 }, silentLogger);
    const conn = feed.openConnection('ws', () => undefined);
    feed.subscribe(conn, { kind: 'run', runId: 'cut-busy' });
    feed.handleChanges([runChange('cut-busy', await version('cut-busy'))]); // read back now: the feed is busy
    feed.handleChanges([runChange('cut-late', await version('cut-late'))]); // waits for its turn
    const late = feed.subscribe(conn, { kind: 'run', runId: 'cut-late' });
    await feed.idle();
    const executed = await execute('cut-late');
    feed.handleChanges([runChange('cut-late', executed)]);
    await feed.idle();
    expect((await received(late)).map((r) => [r.state, r.version])).toEqual([['PHASE_EXECUTION', executed]]);
  });

  it('sends a value that went to others before it started once it follows a later change of that run', async () => {
    await createRun(h.em(), { id: 'cut-owed' });
    const created = await version('cut-owed');
    const executed = await execute('cut-owed'); // committed before the read-back of the creation's change
    const feed = new Feed(h.orm, { perConnection: 10, perServer: 10, queue: 10 }, silentLogger);
    const conn = feed.openConnection('ws', () => undefined);
    const early = feed.subscribe(conn, { kind: 'runs', state: null });
    feed.handleChanges([runChange('cut-owed', created)]); // read back as `executed`, sent to `early`
    const late = feed.subscribe(conn, { kind: 'run', runId: 'cut-owed' });
    feed.handleChanges([runChange('cut-owed', executed)]); // after `late` started: nothing newer than what `early` got
    await feed.idle();
    expect((await received(early)).map((r) => r.version)).toEqual([executed]);
    expect((await received(late)).map((r) => r.version)).toEqual([executed]);
  });
});
