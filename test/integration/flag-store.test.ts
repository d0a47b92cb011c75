import { FlagStore, clearFlagOverride, setFlagOverride } from '../../src/modules/flags/overrides';
import { BACKENDS } from '../helpers/db';
import { createHarness } from '../helpers/harness';

describe.each(BACKENDS)('FlagStore on %s', (backend) => {
  it('applies overrides over the environment, logs each change, and keeps the last values when the database fails', async () => {
    const h = await createHarness(backend, { AUTOPACK_ENABLE_PHASE6_METRICS: '1' });
    const logged: string[] = [];
    const logger = { info: () => undefined, warn: (m: string) => void logged.push(m), error: () => undefined };
    const store = new FlagStore(h.config.flags, h.orm, logger);
    try {
      await store.refresh();
      expect(store.state()).toEqual({ PHASE6_METRICS: true, CONSOLIDATED_METRICS: false });
      await setFlagOverride(h.em(), 'PHASE6_METRICS', false, 'incident 42', 'bob (api-key)');
      await store.refresh();
      expect(store.state()).toEqual({ PHASE6_METRICS: false, CONSOLIDATED_METRICS: false });
      expect(store.details()[0]).toMatchObject({
        flag: 'PHASE6_METRICS',
        enabled: false,
        source: 'OVERRIDE',
        envEnabled: true,
        reason: 'incident 42',
        changedBy: 'bob (api-key)',
      });
      await store.refresh(); // no change, no log
      await clearFlagOverride(h.em(), 'PHASE6_METRICS');
      await store.refresh();
      expect(store.state().PHASE6_METRICS).toBe(true);
      expect(store.details()[0]).toMatchObject({ source: 'ENV', reason: null, changedBy: null });
      expect(logged).toEqual(['kill switch PHASE6_METRICS is now OFF', 'kill switch PHASE6_METRICS is now ON']);
      await expect(setFlagOverride(h.em(), 'NOPE', true, null, 'x')).rejects.toThrow('Unknown flag "NOPE"');
    } finally {
      await h.close();
    }
    // the database is gone: the last known values stay, with one warning
    await store.refresh();
    expect(store.state().PHASE6_METRICS).toBe(true);
    expect(logged.at(-1)).toBe('kill switch overrides could not be read; keeping the last known values');
  });
});
