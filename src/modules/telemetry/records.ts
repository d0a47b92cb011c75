// Telemetry samples as the API returns them: plain records. PhaseMetrics entities loaded elsewhere have the
// same shape; freshly ingested rows are plain records too (hydrating 1000 entities costs more than the INSERT).
import { date, type Row } from '../../db/reads';
import { toSafeInt } from '../../db/types';
import type { TokenCounts } from './token-counts';

export interface PhaseMetricsRecord extends TokenCounts {
  id: number;
  createdAt: Date;
  run: { id: string };
  phase: { id: number };
}

export const METRICS_COLUMNS = 'id, run_id, phase_id, retrieval_tokens, second_opinion_tokens, evidence_request_tokens, base_tokens, total_tokens, created_at';

export function metricsRecord(r: Row): PhaseMetricsRecord {
  return {
    id: toSafeInt(r.id),
    retrievalTokens: toSafeInt(r.retrieval_tokens),
    secondOpinionTokens: toSafeInt(r.second_opinion_tokens),
    evidenceRequestTokens: toSafeInt(r.evidence_request_tokens),
    baseTokens: toSafeInt(r.base_tokens),
    totalTokens: toSafeInt(r.total_tokens),
    createdAt: date(r.created_at),
    run: { id: String(r.run_id) },
    phase: { id: toSafeInt(r.phase_id) },
  };
}
