// Fuzz: runAbAnalysis, replayRun, replayCampaign, setFeatureFlag and clearFeatureFlag on both backends.
import fc from 'fast-check';
import { FeatureFlagOverride, RUN_STATES } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';
import { PHASES, RUN_IDS, seedRuns } from './fixture';
import { anyJson, hostileNumber, hostileString, mostly, oneFieldHostile } from './hostile';
import { delta } from './invariants';
import { fuzzOperation } from './property';

const runId = hostileString(RUN_IDS);
const text = hostileString(['a plain text']);
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const hostileDay = fc.oneof(day, fc.constantFrom('2026-02-30', '2026-13-01', '0000-00-00', '99999-01-01', '2026-1-1', ''), text);
const flag = fc.oneof(fc.constantFrom('PHASE6_METRICS', 'CONSOLIDATED_METRICS'), hostileString());

const abInput = oneFieldHostile(
  fc.record({
    controlRunId: fc.constantFrom('fz-done-a', 'fz-failed'),
    treatmentRunId: fc.constantFrom('fz-done-b', 'fz-no-identity'),
    testId: fc.string({ minLength: 1, maxLength: 20 }),
    dryRun: fc.boolean(),
  }),
  { controlRunId: mostly(runId), treatmentRunId: mostly(runId), testId: mostly(text), dryRun: mostly(fc.boolean()), createdBy: mostly(text) },
);

const campaignInput = oneFieldHostile(
  fc.record({ dryRun: fc.boolean(), batchSize: fc.integer({ min: 1, max: 100 }), runIds: fc.subarray(RUN_IDS) }, { requiredKeys: ['dryRun'] }),
  {
    state: mostly(fc.oneof(fc.constantFrom('FAILED', ...RUN_STATES), hostileString())),
    runIds: mostly(fc.oneof(fc.array(runId, { maxLength: 5 }), fc.constant(Array.from({ length: 1001 }, (_, i) => `r${i}`)))),
    fromDate: mostly(hostileDay),
    toDate: mostly(hostileDay),
    dryRun: mostly(fc.boolean()),
    batchSize: mostly(hostileNumber),
    includeReplays: mostly(fc.boolean()),
  },
);

describe.each(BACKENDS)('fuzz: admin mutations on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    await seedRuns(h);
  });
  afterAll(() => h.close());

  it('runAbAnalysis: stores one result (none for a dry run) or refuses with a code', async () => {
    const tally = await fuzzOperation(h, {
      query: `mutation($input: AbAnalysisInput!) { runAbAnalysis(input: $input) { id testId isValid validityErrors tokenDelta createdBy } }`,
      variables: fc.record({ input: abInput }),
      examples: [{ input: { controlRunId: 'fz-done-a', treatmentRunId: 'fz-done-b', testId: 't\u0000' } }],
      accepted: (before, after, result, v) => expect(delta(before, after)).toEqual(v.input.dryRun ? {} : { ab_test_results: 1 }),
    });
    expect(tally.accepted).toBeGreaterThan(0);
  });

  it('replayRun: one queued copy with its phases and two events, or nothing', async () => {
    await fuzzOperation(h, {
      query: `mutation($id: ID!) { replayRun(id: $id) { id state replayOf { id } phases { phaseId } } }`,
      variables: fc.record({ id: mostly(runId) }),
      accepted: (before, after) => expect(delta(before, after)).toEqual({ runs: 1, phases: PHASES.length, dashboard_events: 2 }),
    });
  });

  it('replayCampaign: the campaign with all its replays, or nothing', async () => {
    await fuzzOperation(h, {
      query: `mutation($input: ReplayCampaignInput!) { replayCampaign(input: $input) { campaignId dryRun selected { id } replays { id state } } }`,
      variables: fc.record({ input: campaignInput }),
      accepted: (before, after, result) => {
        const { campaignId, replays } = result.data!.replayCampaign;
        const d = delta(before, after);
        if (!campaignId) return expect(d).toEqual({});
        expect(d).toMatchObject({ replay_campaigns: 1, runs: replays.length, phases: replays.length * PHASES.length });
      },
    });
  });

  it('setFeatureFlag and clearFeatureFlag: at most one override row changes', async () => {
    await fuzzOperation(h, {
      query: `mutation($flag: FeatureFlag!, $enabled: Boolean!, $reason: String) { setFeatureFlag(flag: $flag, enabled: $enabled, reason: $reason) { flag enabled source reason } }`,
      variables: fc.record({ flag: mostly(flag), enabled: mostly(fc.boolean()), reason: mostly(text) }, { requiredKeys: [] }),
      examples: [{ flag: 'PHASE6_METRICS', enabled: true, reason: 'why\u0000' }],
      accepted: (before, after) => expect([{}, { feature_flag_overrides: 1 }]).toContainEqual(delta(before, after)),
    });
    await fuzzOperation(h, {
      query: `mutation($flag: FeatureFlag!) { clearFeatureFlag(flag: $flag) { flag enabled source } }`,
      variables: fc.record({ flag: mostly(fc.oneof(flag, anyJson)) }, { requiredKeys: [] }),
      accepted: (before, after) => expect([{}, { feature_flag_overrides: -1 }]).toContainEqual(delta(before, after)),
    });
    await h.em().nativeDelete(FeatureFlagOverride, {});
  });
});
