// The feed's read-back on a real database that has gone away: subscribers get the missed-changes signal, and
// the failure is handled (no unhandled rejection that would take the server down).
import { Feed } from '../../src/modules/live/feed';
import { silentLogger } from '../../src/logger';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

describe.each(BACKENDS)('live feed read-back failure (%s)', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
  });
  afterAll(() => h.close());

  it('signals CHANGES_MISSED when the read-back fails', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', onUnhandled);
    try {
      const feed = new Feed(h.orm, { perConnection: 10, perServer: 10, queue: 10 }, silentLogger);
      const conn = feed.openConnection('ws', () => undefined);
      const sub = feed.subscribe(conn, { kind: 'phase', runId: 'gone' });
      feed.subscribe(conn, { kind: 'run', runId: 'gone' });
      await h.orm.close(true);
      feed.handleChanges([{ k: 'run', r: 'gone', v: 2, row: 1, ph: 'all', at: Date.now() }]);
      await feed.idle();
      const next = await sub.next();
      expect(next.value?.missed).toMatch(/could not read back/);
      await new Promise((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
