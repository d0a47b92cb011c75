export interface ConsolidatedMetricsSummary {
  runId: string;
  retrievalTokens: number;
  secondOpinionTokens: number;
  evidenceRequestTokens: number;
  baseTokens: number;
  totalTokens: number;
  totalPhases: number;
  phasesWithMetrics: number;
}
