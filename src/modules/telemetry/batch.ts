// Batch reads of the telemetry module for per-request DataLoaders: one SQL statement per batch of keys,
// results in key order.
import type { Em } from '../../db/orm';
import { toSafeInt } from '../../db/types';
import { badInput, type ServiceError } from '../../shared/errors';
import type { ConsolidatedMetricsSummary, MetricsPage } from './consolidated';

// One aggregate per run over the page of its samples, newest first (`id` breaks ties so pages never overlap).
// The inner select is what idx_phase_metrics_run_created_id (run_id, created_at DESC, id DESC) serves; the run's phase
// count is a scalar subquery, and an unknown run yields no row at all.
// Sums are taken in double precision: exact for non-negative integers up to 2^53 (every partial sum is one),
// and unlike SQLite's integer sum() they cannot overflow, so a total past 2^53 - 1 is seen, not an SQL error.
const PER_RUN = `select r.id as run_id,
  (select count(*) from phases p where p.run_id = r.id) as total_phases,
  count(distinct m.phase_id) as phases_with_metrics,
  coalesce(sum(cast(m.retrieval_tokens as double precision)), 0) as retrieval_tokens,
  coalesce(sum(cast(m.second_opinion_tokens as double precision)), 0) as second_opinion_tokens,
  coalesce(sum(cast(m.evidence_request_tokens as double precision)), 0) as evidence_request_tokens,
  coalesce(sum(cast(m.base_tokens as double precision)), 0) as base_tokens
from runs r
left join (
  select phase_id, retrieval_tokens, second_opinion_tokens, evidence_request_tokens, base_tokens
  from phase_metrics
  where run_id = ?
  order by created_at desc, id desc
  limit ? offset ?
) m on 1 = 1
where r.id = ?
group by r.id`;

export interface Statement {
  sql: string;
  params: unknown[];
}

/** ONE statement for any number of runs (one page each): the per-run aggregates joined by UNION ALL. */
export function consolidatedStatement(runIds: readonly string[], page: MetricsPage): Statement {
  if (!runIds.length) throw new Error('consolidatedStatement needs at least one run id');
  return {
    sql: runIds.map(() => `select * from (${PER_RUN}) per_run`).join('\nunion all\n'),
    params: runIds.flatMap((id) => [id, page.limit, page.offset, id]),
  };
}

/** The run's summary, or a coded error when its totals cannot be represented (past 2^53 - 1). */
function summary(row: Record<string, unknown>): ConsolidatedMetricsSummary | ServiceError {
  const [retrievalTokens, secondOpinionTokens, evidenceRequestTokens, baseTokens] = [
    row.retrieval_tokens,
    row.second_opinion_tokens,
    row.evidence_request_tokens,
    row.base_tokens,
  ].map(Number);
  const totalTokens = retrievalTokens + secondOpinionTokens + evidenceRequestTokens + baseTokens;
  if (![retrievalTokens, secondOpinionTokens, evidenceRequestTokens, baseTokens, totalTokens].every(Number.isSafeInteger)) {
    return badInput(`The token totals of run ${String(row.run_id)} over these samples exceed 2^53 - 1: ask for fewer samples (limit)`, { field: 'limit' });
  }
  return {
    runId: String(row.run_id),
    retrievalTokens,
    secondOpinionTokens,
    evidenceRequestTokens,
    baseTokens,
    totalTokens,
    totalPhases: toSafeInt(row.total_phases),
    phasesWithMetrics: toSafeInt(row.phases_with_metrics),
  };
}

/**
 * Summaries in key order; null for a run that does not exist, a ServiceError for one whose totals do not fit
 * (a DataLoader fails that key only). One SQL statement.
 */
export async function consolidatedByRunIds(
  em: Em,
  runIds: readonly string[],
  page: MetricsPage,
): Promise<(ConsolidatedMetricsSummary | ServiceError | null)[]> {
  const { sql, params } = consolidatedStatement(runIds, page);
  const rows: Record<string, unknown>[] = await em.execute(sql, params);
  const byRun = new Map(rows.map((r) => [String(r.run_id), summary(r)]));
  return runIds.map((id) => byRun.get(id) ?? null);
}
