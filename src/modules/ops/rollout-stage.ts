// The rollout guide's progressive rollout, read back from the two kill switches.

export interface RolloutStage {
  /** 0, 1 or 2 (Stage 2 and Stage 3 "full production" have the same switches); null when inconsistent. */
  stage: 0 | 1 | 2 | null;
  description: string;
}

export function rolloutStage(switches: { phase6Metrics: boolean; consolidatedMetrics: boolean }): RolloutStage {
  const { phase6Metrics, consolidatedMetrics } = switches;
  if (!phase6Metrics && !consolidatedMetrics) return { stage: 0, description: 'both kill switches OFF (the default, and the rollback target)' };
  if (phase6Metrics && !consolidatedMetrics) return { stage: 1, description: 'telemetry collection only' };
  if (phase6Metrics && consolidatedMetrics)
    return { stage: 2, description: 'telemetry and the consolidated metrics dashboard (Stage 2, and Stage 3: full production)' };
  return {
    stage: null,
    description:
      'the consolidated metrics dashboard is ON while telemetry collection is OFF, which is no stage of the progressive rollout ' +
      '(turn AUTOPACK_ENABLE_PHASE6_METRICS on, or AUTOPACK_ENABLE_CONSOLIDATED_METRICS off)',
  };
}

/** "0 - both kill switches OFF ..." / "inconsistent - ...". */
export const formatStage = (s: RolloutStage) => `${s.stage ?? 'inconsistent'} - ${s.description}`;
