// Batch reads for DataLoaders: one SQL statement per batch of keys, results in key order.
import { DashboardEvent, Phase, PhaseMetrics, Run } from '../db/entities';
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

export async function metricsByPhaseIds(em: Em, phaseIds: readonly number[]): Promise<PhaseMetrics[][]> {
  const rows = await em.find(PhaseMetrics, { phase: { $in: [...phaseIds] } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  return groupByKey(phaseIds, rows, (m) => m.phase.id);
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
