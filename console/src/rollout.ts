// The rollout guide's progressive rollout, read from the two kill switches (as `autopack rollout-check`).
export interface Stage {
  stage: 0 | 1 | 2 | null;
  title: string;
  meaning: string;
}

export const STAGES: Stage[] = [
  { stage: 0, title: 'Stage 0', meaning: 'Both kill switches OFF: the default, and the rollback target.' },
  { stage: 1, title: 'Stage 1', meaning: 'Telemetry collection only (AUTOPACK_ENABLE_PHASE6_METRICS=1): executors record Phase 6 token metrics.' },
  {
    stage: 2,
    title: 'Stage 2 / 3',
    meaning: 'Telemetry and the consolidated metrics dashboard (AUTOPACK_ENABLE_CONSOLIDATED_METRICS=1 too); Stage 3, full production, has the same switches.',
  },
];

const INCONSISTENT: Stage = {
  stage: null,
  title: 'No stage',
  meaning: 'The consolidated metrics dashboard is ON while telemetry collection is OFF: no stage of the progressive rollout.',
};

export function rolloutStage(phase6: boolean, consolidated: boolean): Stage {
  if (!phase6 && !consolidated) return STAGES[0];
  if (phase6 && !consolidated) return STAGES[1];
  if (phase6 && consolidated) return STAGES[2];
  return INCONSISTENT;
}

/**
 * What a change of one switch does to the rollout order: null when it follows the order (one stage up
 * or down), else a sentence for the confirmation.
 */
export function skipWarning(flag: 'PHASE6_METRICS' | 'CONSOLIDATED_METRICS', enabled: boolean, phase6: boolean, consolidated: boolean): string | null {
  const next = rolloutStage(flag === 'PHASE6_METRICS' ? enabled : phase6, flag === 'CONSOLIDATED_METRICS' ? enabled : consolidated);
  if (next.stage !== null) return null;
  return flag === 'CONSOLIDATED_METRICS'
    ? 'Turning the consolidated metrics dashboard on while telemetry collection (PHASE6_METRICS) is off skips Stage 1: the dashboard would show no new telemetry.'
    : 'Turning telemetry collection (PHASE6_METRICS) off while the consolidated metrics dashboard is on leaves no rollout stage: roll back CONSOLIDATED_METRICS first.';
}
