import type { Phase } from '../../db/entities';
import { ACTIVE_PHASE_STATES } from '../../db/entities/enums';

export interface RunStatusSummary {
  totalPhases: number;
  completedPhases: number;
  failedPhases: number;
  executingPhases: number;
  percentComplete: number;
}

const EXECUTING = new Set<string>(ACTIVE_PHASE_STATES);

export interface PhaseTally {
  total: number;
  complete: number;
  failed: number;
  executing: number;
}

/** How many of a run's phases are complete, failed and executing (status, A/B analysis, replay comparison). */
export function tallyPhases(phases: readonly Pick<Phase, 'state'>[]): PhaseTally {
  const tally: PhaseTally = { total: phases.length, complete: 0, failed: 0, executing: 0 };
  for (const { state } of phases) {
    if (state === 'COMPLETE') tally.complete++;
    else if (state === 'FAILED') tally.failed++;
    else if (EXECUTING.has(state)) tally.executing++;
  }
  return tally;
}

/** Progress of a run, derived from its phases (already loaded: no query of its own). */
export function summarizeStatus(phases: readonly Pick<Phase, 'state'>[]): RunStatusSummary {
  const { total, complete, failed, executing } = tallyPhases(phases);
  return {
    totalPhases: total,
    completedPhases: complete,
    failedPhases: failed,
    executingPhases: executing,
    percentComplete: total === 0 ? 0 : Math.round((complete / total) * 10000) / 100,
  };
}
