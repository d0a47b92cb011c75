import type { Phase } from '../../db/entities';

export interface RunStatusSummary {
  totalPhases: number;
  completedPhases: number;
  failedPhases: number;
  executingPhases: number;
  percentComplete: number;
}

const EXECUTING = new Set(['EXECUTING', 'GATE', 'CI_RUNNING']);

/** Progress of a run, derived from its phases (already loaded: no query of its own). */
export function summarizeStatus(phases: readonly Pick<Phase, 'state'>[]): RunStatusSummary {
  const total = phases.length;
  const completed = phases.filter((p) => p.state === 'COMPLETE').length;
  return {
    totalPhases: total,
    completedPhases: completed,
    failedPhases: phases.filter((p) => p.state === 'FAILED').length,
    executingPhases: phases.filter((p) => EXECUTING.has(p.state)).length,
    percentComplete: total === 0 ? 0 : Math.round((completed / total) * 10000) / 100,
  };
}
