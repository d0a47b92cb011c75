import { createHarness } from '../../helpers/harness';
import { createRun } from '../../../src/modules/runs/service';
import { setFlagOverride } from '../../../src/modules/flag-overrides';
it.each(['sqlite', 'postgresql'] as const)('probe %s', async (backend) => {
  const h = await createHarness(backend);
  for (const f of [() => createRun(h.em(), { id: 'nul1', goal: 'a\u0000b' }), () => createRun(h.em(), { id: 'nul2', goal: '\ud800' }), () => setFlagOverride(h.em(), 'PHASE6_METRICS', true, 'a\u0000', 'me')]) {
    try { await f(); console.log(backend, 'ok'); } catch (e: any) { console.log(backend, e.constructor.name, e.code, e.message.slice(0, 300)); }
  }
  await h.close();
}, 60000);
