// Batch reads for DataLoaders: one SQL statement per batch of keys, results in key order.
import { DashboardEvent, Phase, Run } from '../db/entities';
import { toSafeInt } from '../db/types';
import type { PhaseMetricsRecord } from './telemetry/ingest';
import type { Em } from '../db/orm';

function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

export async function runsByIds(em: Em, ids: readonly string[]): Promise<(Run | null)[]> {
  return byKey(ids, await em.find(Run, { id: { $in: [...ids] } }), (r) => r.id);
}

export async function replaysOfRunIds(em: Em, ids: readonly string[]): Promise<Run[][]> {
  const rows = await em.find(Run, { replayOf: { $in: [...ids] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  return groupByKey(ids, rows, (r) => r.replayOf!.id);
}

export async function phasesByIds(em: Em, ids: readonly number[]): Promise<(Phase | null)[]> {
  return byKey(ids, await em.find(Phase, { id: { $in: [...ids] } }), (p) => p.id);
}

export async function phasesByRunIds(em: Em, runIds: readonly string[]): Promise<Phase[][]> {
  const rows = await em.find(Phase, { run: { $in: [...runIds] } }, { orderBy: { phaseIndex: 'asc', id: 'asc' } });
  return groupByKey(runIds, rows, (p) => p.run.id);
}

/**
 * Samples of each phase, newest first, as plain records (what the API returns for PhaseMetrics): a dashboard
 * lists thousands of them, and tracking each as an entity cost most of a request's time and memory.
 */
export async function metricsByPhaseIds(em: Em, phaseIds: readonly number[]): Promise<PhaseMetricsRecord[][]> {
  const sql = em
    .getKnex()('phase_metrics')
    .select('*')
    .whereIn('phase_id', [...phaseIds])
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]);
  const rows: Record<string, unknown>[] = await em.execute(sql);
  const records = rows.map(
    (r): PhaseMetricsRecord => ({
      id: toSafeInt(r.id),
      retrievalTokens: toSafeInt(r.retrieval_tokens),
      secondOpinionTokens: toSafeInt(r.second_opinion_tokens),
      evidenceRequestTokens: toSafeInt(r.evidence_request_tokens),
      baseTokens: toSafeInt(r.base_tokens),
      totalTokens: toSafeInt(r.total_tokens),
      // SQLite keeps datetimes as epoch milliseconds, PostgreSQL's driver returns a Date.
      createdAt: new Date(r.created_at as number | string | Date),
      run: { id: String(r.run_id) },
      phase: { id: toSafeInt(r.phase_id) },
    }),
  );
  return groupByKey(phaseIds, records, (m) => m.phase.id);
}

export async function eventsByPhaseIds(em: Em, phaseIds: readonly number[]): Promise<DashboardEvent[][]> {
  const rows = await em.find(DashboardEvent, { phase: { $in: [...phaseIds] } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  return groupByKey(phaseIds, rows, (e) => e.phase!.id);
}

/** The newest `limit` events of each run, in one statement (a window function ranks events per run). */
export async function eventsByRunIds(em: Em, runIds: readonly string[], limit: number): Promise<DashboardEvent[][]> {
  const knex = em.getKnex();
  const ranked = knex('dashboard_events')
    .select('*')
    .select(knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as "rank_in_run"', ['run_id', 'created_at', 'id']))
    .whereIn('run_id', [...runIds]);
  const rows: Record<string, unknown>[] = await em.execute(
    knex.select('*').from(ranked.as('ranked')).where('rank_in_run', '<=', limit).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]),
  );
  const events = rows.map(({ rank_in_run: _rank, ...row }) => em.map(DashboardEvent, row));
  return groupByKey(runIds, events, (e) => e.run.id);
}
