// Retention: telemetry older than the cutoff goes, in bounded batches; runs, phases and A/B results stay.
import { ABTestResult, DashboardEvent, Phase, PhaseMetrics, Run } from '../../src/db/entities';
import type { Logger } from '../../src/logger';
import { purgeExpiredTelemetry, startRetentionSchedule } from '../../src/modules/telemetry/retention';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const DAY = 24 * 60 * 60 * 1000;
const PURGE = `mutation($days: Int, $dryRun: Boolean) {
  purgeExpiredTelemetry(retentionDays: $days, dryRun: $dryRun) { retentionDays cutoff dryRun tables { table rows } }
}`;

/** Per table: `old` rows created `ageDays` ago and `fresh` rows created now. */
async function seed(h: Harness, runId: string, ages: number[]): Promise<void> {
  const em = h.em();
  const run = em.create(Run, { id: runId });
  const phase = em.create(Phase, { run, phaseId: 'p', name: 'P' });
  for (const age of ages) {
    const createdAt = new Date(Date.now() - age * DAY);
    em.create(PhaseMetrics, { run, phase, baseTokens: 1, totalTokens: 1, createdAt });
    em.create(DashboardEvent, { run, phase, eventType: 'PHASE_STARTED', createdAt });
  }
  em.create(ABTestResult, {
    testId: `t-${runId}`,
    controlRun: run,
    treatmentRun: run,
    isValid: true,
    tokenDelta: 0,
    successRateDelta: 0,
    controlTotalTokens: 0,
    controlPhasesComplete: 0,
    controlPhasesFailed: 0,
    controlTotalPhases: 1,
    treatmentTotalTokens: 0,
    treatmentPhasesComplete: 0,
    treatmentPhasesFailed: 0,
    treatmentTotalPhases: 1,
    createdAt: new Date(Date.now() - 400 * DAY),
  });
  await em.flush();
}

describe.each(BACKENDS)('retention on %s', (backend) => {
  let h: Harness;
  const counts = async () => {
    const em = h.em();
    return {
      metrics: await em.count(PhaseMetrics, {}),
      events: await em.count(DashboardEvent, {}),
      runs: await em.count(Run, {}),
      phases: await em.count(Phase, {}),
      ab: await em.count(ABTestResult, {}),
    };
  };

  beforeEach(async () => {
    h = await createHarness(backend, { AUTOPACK_METRICS_RETENTION_DAYS: '30' });
    // 7 rows per table older than 30 days, 3 newer
    await seed(h, 'ret-run', [400, 90, 45, 31, 31, 30.5, 30.01, 29.9, 5, 0]);
  });
  afterEach(() => h.close());

  it('a dry run counts per table and deletes nothing', async () => {
    const before = await counts();
    const res = await h.exec(PURGE, { dryRun: true });
    expect(res.errors).toBeUndefined();
    expect(res.data!.purgeExpiredTelemetry).toMatchObject({
      retentionDays: 30,
      dryRun: true,
      tables: [
        { table: 'phase_metrics', rows: 7 },
        { table: 'dashboard_events', rows: 7 },
      ],
    });
    expect(Math.abs(Date.parse(res.data!.purgeExpiredTelemetry.cutoff) - (Date.now() - 30 * DAY))).toBeLessThan(60_000);
    expect(await counts()).toEqual(before);
  });

  it('purges with AUTOPACK_METRICS_RETENTION_DAYS by default; runs, phases and A/B results stay', async () => {
    const res = await h.exec(PURGE, {});
    expect(res.data!.purgeExpiredTelemetry.tables).toEqual([
      { table: 'phase_metrics', rows: 7 },
      { table: 'dashboard_events', rows: 7 },
    ]);
    expect(await counts()).toEqual({ metrics: 3, events: 3, runs: 1, phases: 1, ab: 1 });
    // a second purge finds nothing more
    expect((await h.exec(PURGE, {})).data!.purgeExpiredTelemetry.tables.map((t: any) => t.rows)).toEqual([0, 0]);
  });

  it('takes an explicit retentionDays and refuses one outside 1..36500 (nothing deleted)', async () => {
    const before = await counts();
    for (const days of [0, -1, 36501]) {
      const res = await h.exec(PURGE, { days });
      expect(res.errors![0]).toMatchObject({
        message: `retentionDays must be an integer from 1 to 36500, got ${days}`,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect(await counts()).toEqual(before);
    const res = await h.exec(PURGE, { days: 60 });
    expect(res.data!.purgeExpiredTelemetry.tables.map((t: any) => t.rows)).toEqual([2, 2]); // 400 and 90 days old
  });

  it('deletes in bounded batches: one short statement per batch', async () => {
    h.statements.length = 0;
    const report = await purgeExpiredTelemetry(h.em(), { defaultDays: 30, batchSize: 3 });
    expect(report.tables.map((t) => t.rows)).toEqual([7, 7]);
    const deletes = h.statements.filter((s) => /^delete/i.test(s));
    // 3 + 3 + 1 rows per table
    expect(deletes).toHaveLength(6);
    expect(deletes.every((s) => /limit/i.test(s))).toBe(true);
  });

  it('the server schedule purges by itself and stops when asked', async () => {
    const lines: string[] = [];
    const logger: Logger = { info: (m, f) => lines.push(`${m} ${JSON.stringify(f)}`), warn: () => undefined, error: (m) => lines.push(m) };
    const stop = startRetentionSchedule(h.orm, h.config, logger, { initialDelayMs: 5, intervalMs: 20 });
    try {
      for (let i = 0; i < 200 && (await counts()).metrics !== 3; i++) await new Promise((r) => setTimeout(r, 25));
      expect(await counts()).toMatchObject({ metrics: 3, events: 3, runs: 1 });
      expect(lines[0]).toMatch(/^retention: purged expired telemetry .*"phase_metrics":7,"dashboard_events":7/);
    } finally {
      stop();
    }
    // A purge already running when stop() is called may still finish; no new one starts (20 ms interval).
    const seen = lines.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(lines.length).toBeLessThanOrEqual(seen + 1);
  });
});
