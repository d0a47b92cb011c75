import { compareRuns, mean, median, type RunSnapshot } from '../../src/modules/experiments/analysis';

const t0 = Date.UTC(2026, 10, 1, 12, 0, 0);
const run = (over: Partial<RunSnapshot>): RunSnapshot => ({
  id: 'r',
  state: 'DONE_SUCCESS',
  commitSha: 'abc123',
  modelHash: 'models-1',
  tokensUsed: 0,
  startedAt: new Date(t0),
  completedAt: new Date(t0 + 100_000),
  totalPhases: 4,
  phasesComplete: 4,
  phasesFailed: 0,
  ...over,
});

describe('A/B comparison', () => {
  it('computes treatment-minus-control deltas (hand-computed)', () => {
    const control = run({ id: 'c', tokensUsed: 10_000, completedAt: new Date(t0 + 100_000), phasesComplete: 3, phasesFailed: 1 });
    const treatment = run({ id: 't', tokensUsed: 8_000, completedAt: new Date(t0 + 80_500), phasesComplete: 4 });
    expect(compareRuns(control, treatment)).toEqual({
      isValid: true,
      validityErrors: [],
      tokenDelta: -2000, // 8000 - 10000
      timeDeltaSeconds: -19.5, // 80.5 s - 100 s
      successRateDelta: 25, // 4/4 = 100 % minus 3/4 = 75 %
    });
  });

  it('handles a control with zero tokens, missing timestamps and phase-less runs', () => {
    const control = run({ tokensUsed: 0, startedAt: null, totalPhases: 0, phasesComplete: 0 });
    const treatment = run({ tokensUsed: 1234, totalPhases: 3, phasesComplete: 1 });
    const c = compareRuns(control, treatment);
    expect(c.tokenDelta).toBe(1234);
    expect(c.timeDeltaSeconds).toBeNull();
    expect(c.successRateDelta).toBe(33.3333); // 1/3 * 100 - 0, rounded to 4 places
    expect(c.validityErrors).toEqual(['WARNING: Phase count mismatch - control=0, treatment=3']);
    expect(c.isValid).toBe(true);
  });

  it('lists every validity problem in rule order; only errors make it invalid', () => {
    const c = compareRuns(run({ commitSha: 'aaa', modelHash: 'm1', totalPhases: 2 }), run({ commitSha: 'bbb', modelHash: 'm2', totalPhases: 3 }));
    expect(c.isValid).toBe(false);
    expect(c.validityErrors).toEqual([
      'ERROR: Commit SHA mismatch - control=aaa, treatment=bbb',
      'ERROR: Model mapping hash mismatch - control=m1, treatment=m2',
      'WARNING: Phase count mismatch - control=2, treatment=3',
    ]);
    // identity cannot be proven without a SHA or a hash (the original system's runs had neither)
    const missing = compareRuns(run({ commitSha: null, modelHash: null }), run({ modelHash: null }));
    expect(missing.validityErrors).toEqual([
      'ERROR: Missing commit SHA - control=null, treatment=abc123',
      'ERROR: Missing model mapping hash - control=null, treatment=null',
    ]);
    expect(missing.isValid).toBe(false);
  });

  it('mean and median', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
