// `autopack integrity` and `autopack retention` as an operator runs them: real processes on a real database.
import { DashboardEvent, Phase, PhaseMetrics, Run } from '../../src/db/entities';
import { runCli } from '../helpers/cli';
import { BACKENDS } from '../helpers/db';
import { insertUnguarded, setRunTokensUsed } from '../helpers/bypass';
import { createHarness, type Harness } from '../helpers/harness';

const DAY = 24 * 60 * 60 * 1000;

describe.each(BACKENDS)('telemetry CLI on %s', (backend) => {
  let h: Harness;
  let env: Record<string, string>;

  beforeAll(async () => {
    h = await createHarness(backend);
    env = { DATABASE_URL: h.db.url };
    const em = h.em();
    for (const id of ['cli-good', 'cli-bad']) {
      const run = em.create(Run, { id, tokensUsed: 30 });
      for (const [phaseId, age] of [
        ['plan', 45],
        ['build', 1],
      ] as const) {
        const phase = em.create(Phase, { run, phaseId, name: phaseId, tokensUsed: 15 });
        em.create(PhaseMetrics, { run, phase, retrievalTokens: 5, baseTokens: 10, totalTokens: 15, createdAt: new Date(Date.now() - age * DAY) });
        em.create(DashboardEvent, { run, phase, eventType: 'PHASE_STARTED', createdAt: new Date(Date.now() - age * DAY) });
      }
    }
    await em.flush();
  });
  afterAll(() => h.close());

  it('integrity: a clean database exits 0 with a one-line summary', async () => {
    const res = await runCli(['integrity'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^OK: 4 phase_metrics row\(s\) and 2 run\(s\) checked in .+, no double counting\n$/);
  });

  it("integrity: prints the guide's DOUBLE COUNTING DETECTED line per bad row and exits 1", async () => {
    const em = h.em();
    const build = await em.findOneOrFail(Phase, { run: 'cli-bad', phaseId: 'build' });
    await insertUnguarded(em, [{ runId: 'cli-bad', phasePk: build.id, retrieval: 10, secondOpinion: 5, evidenceRequest: 0, base: 100, total: 230 }]);
    await setRunTokensUsed(em, 'cli-bad', 31);

    const res = await runCli(['integrity'], env);
    expect(res.code).toBe(1);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^DOUBLE COUNTING DETECTED: phase=build, total=230, sum=115 \(run=cli-bad, phase_metrics\.id=\d+\)$/),
      'RUN TOKENS MISMATCH: run=cli-bad, tokens_used=31, sum of phases=30',
    ]);
    expect(res.stderr).toMatch(
      /^autopack: integrity check failed: 1 bad phase_metrics row\(s\), 1 inconsistent run\(s\); 5 phase_metrics row\(s\) and 2 run\(s\) checked/,
    );

    const good = await runCli(['integrity', '--run-id', 'cli-good'], env);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe('OK: 2 phase_metrics row(s) and 1 run(s) checked in run cli-good, no double counting\n');

    // An unknown run is bad input: exit 2, like every usage error.
    const unknown = await runCli(['integrity', '--run-id', 'nope'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('autopack: Run not found: nope\n');
  });

  it('retention: --dry-run counts, a real run deletes old telemetry only, bad --days exits 2', async () => {
    const dry = await runCli(['retention', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^DRY RUN on .+: keeping 30 day\(s\), cutoff \d{4}-\d{2}-\d{2}T/);
    expect(dry.stdout).toMatch(/phase_metrics +2 would be deleted\n/);
    expect(dry.stdout).toMatch(/dashboard_events +2 would be deleted\n/);
    expect(await h.em().count(PhaseMetrics, {})).toBe(5);

    for (const days of ['0', '36501', 'abc']) {
      const bad = await runCli(['retention', '--days', days], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^autopack: (--days|retentionDays) must be an integer from 1 to 36500, got "?\w+"?\n$/);
    }
    expect(await h.em().count(PhaseMetrics, {})).toBe(5);

    const real = await runCli(['retention'], { ...env, AUTOPACK_METRICS_RETENTION_DAYS: '30' });
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/phase_metrics +2 deleted\n/);
    expect(real.stdout).toMatch(/dashboard_events +2 deleted\n/);
    expect(real.stdout).toMatch(/Runs, phases and A\/B results are never purged\./);
    const em = h.em();
    expect([await em.count(PhaseMetrics, {}), await em.count(DashboardEvent, {}), await em.count(Run, {}), await em.count(Phase, {})]).toEqual([3, 2, 2, 4]);

    // the two 1-day-old samples go; the row inserted by the integrity test (just now) stays
    const all = await runCli(['retention', '--days', '1'], env);
    expect(all.stdout).toMatch(/phase_metrics +2 deleted\n/);
  });
});
