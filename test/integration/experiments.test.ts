import { ABTestResult, Phase, Run, type PhaseState, type RunState } from '../../src/db/entities';
import { runCli } from '../helpers/cli';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const ANALYZE = `mutation($input: AbAnalysisInput!) {
  runAbAnalysis(input: $input) {
    id testId isValid validityErrors tokenDelta timeDeltaSeconds successRateDelta
    controlRun { id } treatmentRun { id } controlCommitSha treatmentModelHash
    controlTotalTokens controlPhasesComplete controlPhasesFailed controlTotalPhases
    treatmentTotalTokens treatmentPhasesComplete treatmentPhasesFailed treatmentTotalPhases createdBy
  }
}`;

const t0 = Date.UTC(2026, 10, 1, 12, 0, 0);

async function seedRun(
  h: Harness,
  id: string,
  o: { state?: RunState; sha?: string | null; hash?: string | null; tokens: number; seconds?: number | null; phases: PhaseState[] },
) {
  const em = h.em();
  const run = em.create(Run, {
    id,
    state: o.state ?? 'DONE_SUCCESS',
    gitCommitSha: o.sha === undefined ? 'abc123' : o.sha,
    modelMappingHash: o.hash === undefined ? 'models-1' : o.hash,
    tokensUsed: o.tokens,
    startedAt: o.seconds === null ? null : new Date(t0),
    completedAt: o.seconds === null ? null : new Date(t0 + (o.seconds ?? 60) * 1000),
  });
  o.phases.forEach((state, i) => em.create(Phase, { run, phaseId: `p${i}`, name: `P${i}`, phaseIndex: i, state }));
  await em.flush();
}

describe.each(BACKENDS)('A/B analysis on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    await seedRun(h, 'v5', { tokens: 20_000, seconds: 120, phases: ['COMPLETE', 'COMPLETE', 'FAILED', 'QUEUED'] });
    await seedRun(h, 'v6', { tokens: 15_000, seconds: 90, phases: ['COMPLETE', 'COMPLETE', 'COMPLETE', 'COMPLETE'] });
    await seedRun(h, 'v6b', { tokens: 17_000, seconds: 100, phases: ['COMPLETE', 'COMPLETE', 'COMPLETE', 'FAILED'] });
    await seedRun(h, 'other-commit', { sha: 'def456', tokens: 1, phases: ['COMPLETE'] });
    await seedRun(h, 'running', { state: 'PHASE_EXECUTION', tokens: 0, phases: ['EXECUTING'] });
  });
  afterAll(() => h.close());

  const count = () => h.em().count(ABTestResult, {});

  it('stores a valid comparison with hand-computed deltas', async () => {
    const res = await h.exec(ANALYZE, { input: { controlRunId: 'v5', treatmentRunId: 'v6', testId: 'v5-vs-v6', createdBy: 'ops' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.runAbAnalysis).toEqual({
      id: expect.any(String),
      testId: 'v5-vs-v6',
      isValid: true,
      validityErrors: [],
      tokenDelta: -5000, // 15,000 - 20,000
      timeDeltaSeconds: -30, // 90 s - 120 s
      successRateDelta: 50, // 4/4 = 100 % - 2/4 = 50 %
      controlRun: { id: 'v5' },
      treatmentRun: { id: 'v6' },
      controlCommitSha: 'abc123',
      treatmentModelHash: 'models-1',
      controlTotalTokens: 20000,
      controlPhasesComplete: 2,
      controlPhasesFailed: 1,
      controlTotalPhases: 4,
      treatmentTotalTokens: 15000,
      treatmentPhasesComplete: 4,
      treatmentPhasesFailed: 0,
      treatmentTotalPhases: 4,
      createdBy: 'ops',
    });
    expect(await h.em().count(ABTestResult, { testId: 'v5-vs-v6' })).toBe(1);
  });

  it('stores an invalid comparison too (for audit), with its errors', async () => {
    const res = await h.exec(ANALYZE, { input: { controlRunId: 'v5', treatmentRunId: 'other-commit', testId: 'mixed' } });
    expect(res.data!.runAbAnalysis).toMatchObject({
      isValid: false,
      validityErrors: ['ERROR: Commit SHA mismatch - control=abc123, treatment=def456', 'WARNING: Phase count mismatch - control=4, treatment=1'],
    });
    expect(await h.em().count(ABTestResult, { testId: 'mixed', isValid: false })).toBe(1);
  });

  it('a dry run returns the result and stores nothing', async () => {
    const before = await count();
    const res = await h.exec(ANALYZE, { input: { controlRunId: 'v5', treatmentRunId: 'v6b', testId: 'dry', dryRun: true } });
    expect(res.data!.runAbAnalysis).toMatchObject({ id: null, isValid: true, tokenDelta: -3000, timeDeltaSeconds: -20, successRateDelta: 25 });
    expect(await count()).toBe(before);
  });

  it.each([
    [
      'the same run twice',
      { controlRunId: 'v5', treatmentRunId: 'v5' },
      'BAD_USER_INPUT',
      'Control and treatment are the same run (v5): compare two different runs',
    ],
    [
      'an unfinished run',
      { controlRunId: 'v5', treatmentRunId: 'running' },
      'BAD_USER_INPUT',
      'Run running has not finished (state PHASE_EXECUTION): compare finished runs only',
    ],
    ['an unknown run', { controlRunId: 'nope', treatmentRunId: 'v6' }, 'NOT_FOUND', 'Run not found: nope'],
    ['an empty test id', { controlRunId: 'v5', treatmentRunId: 'v6', testId: '' }, 'BAD_USER_INPUT', 'testId is required'],
  ])('refuses %s and stores nothing', async (_label, input, code, message) => {
    const before = await count();
    const res = await h.exec(ANALYZE, { input: { testId: 't', ...input } });
    expect(res.errors![0]).toMatchObject({ message, extensions: { code } });
    expect(await count()).toBe(before);
  });

  it('lists results newest first with filters, and summarises a test', async () => {
    await h.exec(ANALYZE, { input: { controlRunId: 'v5', treatmentRunId: 'v6b', testId: 'v5-vs-v6' } });
    const all = await h.exec(`{ abTestResults(testId: "v5-vs-v6") { treatmentRun { id } tokenDelta } }`);
    expect(all.data!.abTestResults).toEqual([
      { treatmentRun: { id: 'v6b' }, tokenDelta: -3000 },
      { treatmentRun: { id: 'v6' }, tokenDelta: -5000 },
    ]);
    const validOnly = await h.exec(`{ abTestResults { testId } }`);
    expect(validOnly.data!.abTestResults.map((r: { testId: string }) => r.testId)).not.toContain('mixed');
    const withInvalid = await h.exec(`{ abTestResults(validOnly: false, limit: 1) { testId isValid } }`);
    expect(withInvalid.data!.abTestResults).toHaveLength(1);
    const tooMany = await h.exec(`{ abTestResults(limit: 1001) { id } }`);
    expect(tooMany.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: 'limit must be between 1 and 1000, got 1001' });

    const summary = await h.exec(
      `{ abTestSummary(testId: "v5-vs-v6") { count tokenDelta { mean median } timeDeltaSeconds { mean median } successRateDelta { mean median } } }`,
    );
    expect(summary.data!.abTestSummary).toEqual({
      count: 2,
      tokenDelta: { mean: -4000, median: -4000 },
      timeDeltaSeconds: { mean: -25, median: -25 },
      successRateDelta: { mean: 37.5, median: 37.5 },
    });
    const none = await h.exec(`{ abTestSummary(testId: "unknown-test") { count tokenDelta { mean } } }`);
    expect(none.data!.abTestSummary).toEqual({ count: 0, tokenDelta: { mean: null } });
  });

  it('autopack ab-analysis: report, exit 0 valid / 1 invalid / 2 unknown run, dry run stores nothing', async () => {
    const env = { DATABASE_URL: h.db.url };
    const ok = await runCli(['ab-analysis', '--control-run', 'v5', '--treatment-run', 'v6', '--test-id', 'cli-test', '--created-by', 'me'], env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Identity {3}\u2713 same commit SHA and model mapping hash/);
    expect(ok.stdout).toMatch(/Tokens {5}control 20,000 {2}treatment 15,000 {2}delta -5,000 \(-25\.00%\)/);
    expect(ok.stdout).toMatch(/success rate 50\.00% -> 100\.00% \(\+50 pp\)/);
    expect(ok.stdout).toMatch(/Time {7}control 120\.0 s {2}treatment 90\.0 s {2}delta -30 s/);
    expect(ok.stdout).toMatch(/Stored as A\/B result \d+ \(test cli-test\)/);

    const invalid = await runCli(['ab-analysis', '--control-run', 'v5', '--treatment-run', 'other-commit', '--test-id', 'cli-bad'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/not a valid comparison/);
    expect(invalid.stderr).toBe('autopack: not a valid comparison: ERROR: Commit SHA mismatch - control=abc123, treatment=def456\n');
    expect(await h.em().count(ABTestResult, { testId: 'cli-bad' })).toBe(1);

    const before = await count();
    const dry = await runCli(['ab-analysis', '--control-run', 'v5', '--treatment-run', 'v6', '--test-id', 'cli-dry', '--dry-run'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Dry run: nothing stored/);
    const unknown = await runCli(['ab-analysis', '--control-run', 'ghost', '--treatment-run', 'v6', '--test-id', 'x'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('autopack: Run not found: ghost\n');
    expect(await count()).toBe(before);
  });
});
