// The consolidated metrics dashboard: token totals of a run over its newest telemetry samples, counting
// every token exactly once (totalTokens is the sum of the four category sums, never of stored totals).
import type { Em } from '../../db/orm';
import { badInput, notFound } from '../../shared/errors';
import { ID_PATTERN } from '../../shared/validation';
import { consolidatedByRunIds } from './batch';
import type { TokenCounts } from './token-counts';

export interface ConsolidatedMetricsSummary extends TokenCounts {
  runId: string;
  totalPhases: number;
  phasesWithMetrics: number;
}

const MAX_CONSOLIDATED_LIMIT = 10_000;
const DEFAULT_CONSOLIDATED_LIMIT = 1000;

export interface MetricsPage {
  limit: number;
  offset: number;
}

/** Argument checks, in the order the rollout guide's API reports them. */
export function checkMetricsPage(limit: number | null | undefined, offset: number | null | undefined): MetricsPage {
  const l = limit ?? DEFAULT_CONSOLIDATED_LIMIT;
  const o = offset ?? 0;
  if (l > MAX_CONSOLIDATED_LIMIT) throw badInput(`Limit cannot exceed ${MAX_CONSOLIDATED_LIMIT}`, { field: 'limit' });
  if (l < 1) throw badInput('Limit must be at least 1', { field: 'limit' });
  if (o < 0) throw badInput('Offset cannot be negative', { field: 'offset' });
  return { limit: l, offset: o };
}

/** One run: arguments first, then existence (NOT_FOUND "Run not found: ID"). */
export async function consolidatedMetrics(em: Em, runId: string, limit?: number | null, offset?: number | null): Promise<ConsolidatedMetricsSummary> {
  const page = checkMetricsPage(limit, offset);
  // An id that cannot exist (bad characters, NUL) is simply not found: no statement needed.
  if (!ID_PATTERN.test(runId)) throw notFound(`Run not found: ${runId.slice(0, 140)}`);
  const [result] = await consolidatedByRunIds(em, [runId], page);
  if (!result) throw notFound(`Run not found: ${runId}`);
  if (result instanceof Error) throw result;
  return result;
}
