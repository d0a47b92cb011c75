import { PhaseMetrics } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

describe.each(BACKENDS)('@killSwitch on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    await h.exec(`mutation { createRun(input: { id: "ks-run", phases: [{ phaseId: "p1", name: "P1" }] }) { id } }`);
  });
  afterAll(() => h.close());

  const CONSOLIDATED = `{ run(id: "ks-run") { id consolidatedMetrics { totalTokens } } }`;
  const RECORD = `mutation { recordPhaseMetrics(input: [{ runId: "ks-run", phaseId: "p1", baseTokens: 5 }]) { id } }`;

  it('defaults OFF: both gated fields answer FEATURE_DISABLED with the flag variable', async () => {
    const read = await h.exec(CONSOLIDATED);
    expect(read.errors).toEqual([
      expect.objectContaining({
        message: 'Consolidated metrics disabled',
        path: ['run', 'consolidatedMetrics'],
        extensions: { code: 'FEATURE_DISABLED', flag: 'AUTOPACK_ENABLE_CONSOLIDATED_METRICS' },
      }),
    ]);
    const write = await h.exec(RECORD);
    expect(write.errors![0]).toMatchObject({
      message: 'Phase 6 metrics disabled',
      extensions: { code: 'FEATURE_DISABLED', flag: 'AUTOPACK_ENABLE_PHASE6_METRICS' },
    });
    expect(await h.em().count(PhaseMetrics, {})).toBe(0);
  });

  it('reads the flag from the request context (a request with the switch on reaches the resolver)', async () => {
    const write = await h.exec(RECORD, {}, { PHASE6_METRICS: true });
    expect(write.errors).toBeUndefined();
    expect(await h.em().count(PhaseMetrics, {})).toBe(1);
    const read = await h.exec(CONSOLIDATED, {}, { CONSOLIDATED_METRICS: true });
    expect(read).toEqual({ data: { run: { id: 'ks-run', consolidatedMetrics: { totalTokens: 5 } } } });
    // the same server object, next request with the switch off again
    expect((await h.exec(CONSOLIDATED)).errors![0].extensions?.code).toBe('FEATURE_DISABLED');
  });

  it('featureFlags lists each flag, its variable, its state and the fields it gates, read from the SDL', async () => {
    const res = await h.exec(`{ featureFlags { flag envVar enabled gates } }`, {}, { PHASE6_METRICS: true });
    expect(res.data!.featureFlags).toEqual([
      {
        flag: 'PHASE6_METRICS',
        envVar: 'AUTOPACK_ENABLE_PHASE6_METRICS',
        enabled: true,
        gates: ['Mutation.recordPhaseMetrics', 'Subscription.phaseMetricsRecorded'],
      },
      {
        flag: 'CONSOLIDATED_METRICS',
        envVar: 'AUTOPACK_ENABLE_CONSOLIDATED_METRICS',
        enabled: false,
        gates: ['Query.consolidatedMetrics', 'Run.consolidatedMetrics'],
      },
    ]);
  });
});
