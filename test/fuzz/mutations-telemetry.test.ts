// Fuzz: recordPhaseMetrics with the Phase 6 switch on and off, and purgeExpiredTelemetry, on both backends.
import fc from 'fast-check';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';
import { PHASES, RUN_IDS, seedRuns } from './fixture';
import { anyJson, hostileDate, hostileNumber, hostileString, isoDate, mostly, oneFieldHostile } from './hostile';
import { CLIENT_ERROR_CODES, delta } from './invariants';
import { fuzzOperation } from './property';

const RECORD = `mutation($input: [PhaseMetricsInput!]!) {
  recordPhaseMetrics(input: $input) { id totalTokens createdAt phase { phaseId } run { id } }
}`;
const MAX = Number.MAX_SAFE_INTEGER;

const metricsRow = oneFieldHostile(
  fc.record({
    runId: fc.constantFrom(...RUN_IDS),
    phaseId: fc.constantFrom(...PHASES),
    retrievalTokens: fc.nat(),
    secondOpinionTokens: fc.nat(),
    evidenceRequestTokens: fc.nat(),
    baseTokens: fc.nat(),
    createdAt: isoDate,
  }),
  {
    runId: mostly(hostileString(RUN_IDS)),
    phaseId: mostly(hostileString(PHASES)),
    retrievalTokens: mostly(hostileNumber),
    secondOpinionTokens: mostly(hostileNumber),
    evidenceRequestTokens: mostly(hostileNumber),
    baseTokens: mostly(hostileNumber),
    totalTokens: mostly(hostileNumber),
    createdAt: mostly(hostileDate),
  },
);
const tooMany = Array.from({ length: 1001 }, () => ({ runId: 'fz-exec', phaseId: 'plan', baseTokens: 1 }));
const metricsInput = fc.oneof(
  { weight: 9, arbitrary: fc.array(metricsRow, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(tooMany), anyJson) },
);

describe.each(BACKENDS)('fuzz: telemetry mutations on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    await seedRuns(h);
  });
  afterAll(() => h.close());

  it('recordPhaseMetrics with PHASE6_METRICS on: stores every row of a call or none', async () => {
    const tally = await fuzzOperation(h, {
      query: RECORD,
      variables: fc.record({ input: metricsInput }),
      flags: { PHASE6_METRICS: true },
      // Two samples of 2^53 - 1 tokens each are valid, though their sum is not a SafeInt (see the dashboard below).
      examples: [
        {
          input: [
            { runId: 'fz-exec-2', phaseId: 'plan', baseTokens: MAX },
            { runId: 'fz-exec-2', phaseId: 'build', retrievalTokens: MAX },
          ],
        },
      ],
      accepted: (before, after, result) => {
        const rows = result.data!.recordPhaseMetrics.length;
        expect(delta(before, after)).toEqual(rows ? { phase_metrics: rows } : {});
      },
    });
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);

    // Whatever was stored, the dashboard answers every run with totals or a coded error, never an internal one.
    const board = await h.exec(`{ runs(first: 100) { nodes { id consolidatedMetrics(limit: 10000) { totalTokens } } } }`, {}, { CONSOLIDATED_METRICS: true });
    for (const e of board.errors ?? []) expect(CLIENT_ERROR_CODES).toContain(e.extensions?.code);
    const one = await h.exec(`{ consolidatedMetrics(runId: "fz-exec-2") { totalTokens } }`, {}, { CONSOLIDATED_METRICS: true });
    expect(one.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('recordPhaseMetrics with PHASE6_METRICS off: refuses everything and stores nothing', async () => {
    const tally = await fuzzOperation(h, {
      query: RECORD,
      variables: fc.record({ input: metricsInput }),
      flags: { PHASE6_METRICS: false },
    });
    expect(tally.accepted).toBe(0);
  });

  it('purgeExpiredTelemetry: deletes only old telemetry, or refuses with a code', async () => {
    await fuzzOperation(h, {
      query: `mutation($days: Int, $dryRun: Boolean) { purgeExpiredTelemetry(retentionDays: $days, dryRun: $dryRun) { retentionDays cutoff dryRun tables { table rows } } }`,
      variables: fc.record({ days: mostly(hostileNumber), dryRun: mostly(fc.boolean()) }, { requiredKeys: [] }),
      accepted: (before, after, result) => {
        const report = result.data!.purgeExpiredTelemetry;
        const expected = report.dryRun
          ? {}
          : Object.fromEntries(report.tables.filter((t: { rows: number }) => t.rows).map((t: { table: string; rows: number }) => [t.table, -t.rows]));
        expect(delta(before, after)).toEqual(expected);
      },
    });
  });
});
