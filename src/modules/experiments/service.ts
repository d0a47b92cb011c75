// A/B experiments: analyse two finished runs, persist the result (invalid ones too, for audit), list and
// summarise results of a test.
import { ABTestResult, Phase, Run } from '../../db/entities';
import type { Em } from '../../db/orm';
import { badInput, notFound } from '../../shared/errors';
import { checkId, checkLength, checkLimit } from '../../shared/validation';
import { compareRuns, mean, median, type Comparison, type RunSnapshot } from './analysis';
import { isFinished } from '../../db/entities/enums';
import { tallyPhases } from '../runs/status';

export interface AbAnalysisInput {
  controlRunId: string;
  treatmentRunId: string;
  testId: string;
  dryRun?: boolean | null;
  createdBy?: string | null;
}

async function snapshots(em: Em, ids: [string, string]): Promise<[RunSnapshot, RunSnapshot]> {
  const runs = await em.find(Run, { id: { $in: ids } });
  const phases = await em.find(Phase, { run: { $in: ids } }, { fields: ['state', 'run'] });
  return ids.map((id) => {
    const run = runs.find((r) => r.id === id);
    if (!run) throw notFound(`Run not found: ${id}`);
    if (!isFinished(run.state)) throw badInput(`Run ${id} has not finished (state ${run.state}): compare finished runs only`);
    const tally = tallyPhases(phases.filter((p) => p.run.id === id));
    return {
      id,
      state: run.state,
      commitSha: run.gitCommitSha ?? null,
      modelHash: run.modelMappingHash ?? null,
      tokensUsed: run.tokensUsed,
      startedAt: run.startedAt ?? null,
      completedAt: run.completedAt ?? null,
      totalPhases: tally.total,
      phasesComplete: tally.complete,
      phasesFailed: tally.failed,
    };
  }) as [RunSnapshot, RunSnapshot];
}

export interface AbAnalysis {
  result: ABTestResult;
  comparison: Comparison;
  control: RunSnapshot;
  treatment: RunSnapshot;
}

/** Compares two finished runs; stores the result unless dryRun (then `result.id` is undefined). */
export async function runAbAnalysis(em: Em, input: AbAnalysisInput): Promise<AbAnalysis> {
  const testId = checkLength(input.testId, 'testId', 255, true)!;
  const controlId = checkId(input.controlRunId, 'control run id');
  const treatmentId = checkId(input.treatmentRunId, 'treatment run id');
  const createdBy = checkLength(input.createdBy, 'createdBy', 255);
  if (controlId === treatmentId) throw badInput(`Control and treatment are the same run (${controlId}): compare two different runs`);

  const [control, treatment] = await snapshots(em, [controlId, treatmentId]);
  const comparison = compareRuns(control, treatment);
  const result = em.create(
    ABTestResult,
    {
      testId,
      controlRun: em.getReference(Run, controlId),
      treatmentRun: em.getReference(Run, treatmentId),
      controlCommitSha: control.commitSha,
      treatmentCommitSha: treatment.commitSha,
      controlModelHash: control.modelHash,
      treatmentModelHash: treatment.modelHash,
      isValid: comparison.isValid,
      validityErrors: comparison.validityErrors,
      tokenDelta: comparison.tokenDelta,
      timeDeltaSeconds: comparison.timeDeltaSeconds,
      successRateDelta: comparison.successRateDelta,
      controlTotalTokens: control.tokensUsed,
      controlPhasesComplete: control.phasesComplete,
      controlPhasesFailed: control.phasesFailed,
      controlTotalPhases: control.totalPhases,
      treatmentTotalTokens: treatment.tokensUsed,
      treatmentPhasesComplete: treatment.phasesComplete,
      treatmentPhasesFailed: treatment.phasesFailed,
      treatmentTotalPhases: treatment.totalPhases,
      createdBy,
    },
    { persist: !input.dryRun },
  );
  if (!input.dryRun) await em.flush();
  return { result, comparison, control, treatment };
}

const MAX_RESULTS = 1000;

export async function listAbResults(em: Em, args: { testId?: string | null; validOnly?: boolean | null; limit?: number | null }): Promise<ABTestResult[]> {
  const limit = checkLimit(args.limit ?? 100, 'limit', MAX_RESULTS);
  const testId = checkLength(args.testId, 'testId', 255);
  const where = {
    ...(testId ? { testId } : {}),
    ...((args.validOnly ?? true) ? { isValid: true } : {}),
  };
  return em.find(ABTestResult, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
}

interface DeltaStats {
  mean: number | null;
  median: number | null;
}

export interface AbTestSummary {
  testId: string;
  count: number;
  tokenDelta: DeltaStats;
  timeDeltaSeconds: DeltaStats;
  successRateDelta: DeltaStats;
}

const stats = (values: number[]): DeltaStats => ({ mean: mean(values), median: median(values) });

/** One answer for a test repeated on several run pairs: statistics over its valid results. */
export async function abTestSummary(em: Em, testId: string): Promise<AbTestSummary> {
  checkLength(testId, 'testId', 255, true);
  const rows = await em.find(ABTestResult, { testId, isValid: true }, { fields: ['tokenDelta', 'timeDeltaSeconds', 'successRateDelta'] });
  return {
    testId,
    count: rows.length,
    tokenDelta: stats(rows.map((r) => r.tokenDelta)),
    timeDeltaSeconds: stats(rows.map((r) => r.timeDeltaSeconds).filter((v): v is number => v !== null && v !== undefined)),
    successRateDelta: stats(rows.map((r) => r.successRateDelta)),
  };
}
