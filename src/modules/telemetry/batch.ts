// Batch reads of the telemetry module for per-request DataLoaders: one SQL statement per batch of keys,
// results in key order.
import type { Em } from '../../db/orm';
import { byKey, dialectOf, firstPerParent, groupByKey, readRows, type Dialect } from '../../db/reads';
import { toSafeInt } from '../../db/types';
import { badInput, type ServiceError } from '../../shared/errors';
import type { ConsolidatedMetricsSummary, MetricsPage } from './consolidated';
import { ALL_METRICS_COLUMNS, metricsRecord, type PhaseMetricsRecord } from './records';

/** Telemetry samples by id (the live feed reads back the ones a change announced). */
export async function metricsByIds(em: Em, ids: readonly number[]): Promise<(PhaseMetricsRecord | null)[]> {
  const rows = await readRows(em, `select ${ALL_METRICS_COLUMNS} from phase_metrics where id ${dialectOf(em).anyOf}`, [[...ids]]);
  return byKey(ids, rows.map(metricsRecord), (m) => m.id);
}

/** The newest `limit` samples of each phase; `columns` from metricsColumns (the properties the caller reads). */
export async function metricsByPhaseIds(em: Em, phaseIds: readonly number[], columns: string, limit: number): Promise<PhaseMetricsRecord[][]> {
  const sql = firstPerParent(dialectOf(em), 'phase_metrics', columns, 'phase_id', 'desc');
  const rows = (await readRows(em, sql, [[...phaseIds], limit])).map(metricsRecord);
  return groupByKey(phaseIds, rows, (m) => m.phase.id);
}

// One aggregate per run over the page of its samples, newest first (`id` breaks ties so pages never overlap).
// The inner select is what idx_phase_metrics_run_created_id (run_id, created_at DESC, id DESC) serves; the run's phase
// count is a scalar subquery, and an unknown run yields no row at all.
// Sums are taken in double precision: exact for non-negative integers up to 2^53 (every partial sum is one),
// and unlike SQLite's integer sum() they cannot overflow, so a total past 2^53 - 1 is seen, not an SQL error.
// Both statements below compute this per run `r`, over `m`, the page of its samples.
const PER_RUN_TOTALS = `select r.id as run_id,
  (select count(*) from phases p where p.run_id = r.id) as total_phases,
  count(distinct m.phase_id) as phases_with_metrics,
  coalesce(sum(cast(m.retrieval_tokens as double precision)), 0) as retrieval_tokens,
  coalesce(sum(cast(m.second_opinion_tokens as double precision)), 0) as second_opinion_tokens,
  coalesce(sum(cast(m.evidence_request_tokens as double precision)), 0) as evidence_request_tokens,
  coalesce(sum(cast(m.base_tokens as double precision)), 0) as base_tokens
from runs r`;

/**
 * The totals of the run whose id is the SQL expression `runId` (a placeholder, or a column of an enclosing
 * statement); parameters: the page's limit and offset (plus the id twice, in text order, for a placeholder).
 */
export const consolidatedOfRun = (runId: string) => `${PER_RUN_TOTALS}
left join (
  select phase_id, retrieval_tokens, second_opinion_tokens, evidence_request_tokens, base_tokens
  from phase_metrics
  where run_id = ${runId}
  order by created_at desc, id desc
  limit ? offset ?
) m on 1 = 1
where r.id = ${runId}
group by r.id`;

/** The columns of consolidatedOfRun, as consolidatedSummary() reads them. */
export const CONSOLIDATED_COLUMNS = [
  'run_id',
  'total_phases',
  'phases_with_metrics',
  'retrieval_tokens',
  'second_opinion_tokens',
  'evidence_request_tokens',
  'base_tokens',
] as const;

const PER_RUN = consolidatedOfRun('?');

/**
 * The newest `limit` samples (parameter) of the phase whose id is the SQL expression `phaseId`; `select` over
 * the table aliased `s` (the order is by its own columns, whatever the select list makes of them).
 */
export const metricsOfPhase = (select: string, phaseId: string) =>
  `select ${select} from phase_metrics s where s.phase_id = ${phaseId} order by s.created_at desc, s.id desc limit ?`;

export interface Statement {
  sql: string;
  params: unknown[];
}

// PostgreSQL: the same aggregate for any number of runs, the run ids as one array parameter and the page of
// samples a LATERAL subquery per run. Its text never changes, so it is parsed and planned once per connection
// (a 20-branch UNION ALL took 1.5-2.5 ms to plan on every call).
const PG_ANY_RUNS = `${PER_RUN_TOTALS}
left join lateral (
  select phase_id, retrieval_tokens, second_opinion_tokens, evidence_request_tokens, base_tokens
  from phase_metrics
  where run_id = r.id
  order by created_at desc, id desc
  limit ? offset ?
) m on true
where r.id = any(?)
group by r.id`;

/**
 * ONE statement for any number of runs (one page each). SQLite has no LATERAL: there the per-run aggregates are
 * joined by UNION ALL (SQLite prepares a statement in microseconds; PostgreSQL's planner is what costs).
 */
export function consolidatedStatement(d: Dialect, runIds: readonly string[], page: MetricsPage): Statement {
  if (!runIds.length) throw new Error('consolidatedStatement needs at least one run id');
  if (d.pg) return { sql: PG_ANY_RUNS, params: [page.limit, page.offset, [...runIds]] };
  return {
    sql: runIds.map(() => `select * from (${PER_RUN}) per_run`).join('\nunion all\n'),
    params: runIds.flatMap((id) => [id, page.limit, page.offset, id]),
  };
}

/** The run's summary, or a coded error when its totals cannot be represented (past 2^53 - 1). */
export function consolidatedSummary(row: Record<string, unknown>): ConsolidatedMetricsSummary | ServiceError {
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
  const { sql, params } = consolidatedStatement(dialectOf(em), runIds, page);
  const rows = await readRows(em, sql, params);
  const byRun = new Map(rows.map((r) => [String(r.run_id), consolidatedSummary(r)]));
  return runIds.map((id) => byRun.get(id) ?? null);
}
