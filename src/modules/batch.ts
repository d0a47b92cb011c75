// Batch reads for DataLoaders: one SQL statement per batch of keys, results in key order. Runs come back as
// entities; the rows listed by the hundred (phases, events, samples) as plain records (records.ts).
import type { Knex } from '@mikro-orm/knex';
import { Run } from '../db/entities';
import type { Em } from '../db/orm';
import { eventRecord, metricsRecord, phaseRecord, type DashboardEventRecord, type PhaseMetricsRecord, type PhaseRecord, type Row } from './records';

/** The largest `limit` of a nested list (Phase.metrics, Phase.events, Run.replays): its memory is bounded. */
export const MAX_NESTED_LIMIT = 1000;

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

/** Rows of one statement built with the request's knex (no entities, nothing tracked). */
function rows(em: Em, build: (knex: Knex) => Knex.QueryBuilder): Promise<Row[]> {
  return em.execute(build(em.getKnex()));
}

/**
 * The first `limit` rows of each parent by (created_at, id) in `order`, in one statement whatever the number
 * of parents: a window function ranks the rows within their parent (a plain LIMIT would cap them all).
 */
function firstPerParent(knex: Knex, table: string, parentColumn: string, parentIds: readonly (string | number)[], limit: number, order: 'asc' | 'desc') {
  const ranked = knex(table)
    .select('*')
    .select(knex.raw(`row_number() over (partition by ?? order by ?? ${order}, ?? ${order}) as "rank_in_parent"`, [parentColumn, 'created_at', 'id']))
    .whereIn(parentColumn, [...parentIds]);
  return knex
    .select('*')
    .from(ranked.as('ranked'))
    .where('rank_in_parent', '<=', limit)
    .orderBy([
      { column: 'created_at', order },
      { column: 'id', order },
    ]);
}

/** The oldest `limit` replays of each run. */
export async function replaysOfRunIds(em: Em, ids: readonly string[], limit: number): Promise<Run[][]> {
  const found = await rows(em, (knex) => firstPerParent(knex, 'runs', 'replay_of_id', ids, limit, 'asc'));
  const replays = found.map(({ rank_in_parent: _rank, ...row }) => em.map(Run, row));
  return groupByKey(ids, replays, (r) => r.replayOf!.id);
}

export async function phasesByIds(em: Em, ids: readonly number[]): Promise<(PhaseRecord | null)[]> {
  const found = await rows(em, (knex) => knex('phases').select('*').whereIn('id', [...ids]));
  return byKey(ids, found.map(phaseRecord), (p) => p.id);
}

export async function phasesByRunIds(em: Em, runIds: readonly string[]): Promise<PhaseRecord[][]> {
  const found = await rows(em, (knex) =>
    knex('phases')
      .select('*')
      .whereIn('run_id', [...runIds])
      .orderBy([{ column: 'phase_index' }, { column: 'id' }]),
  );
  return groupByKey(runIds, found.map(phaseRecord), (p) => p.run.id);
}

/** The newest `limit` samples of each phase, in one statement. */
export async function metricsByPhaseIds(em: Em, phaseIds: readonly number[], limit: number): Promise<PhaseMetricsRecord[][]> {
  const found = await rows(em, (knex) => firstPerParent(knex, 'phase_metrics', 'phase_id', phaseIds, limit, 'desc'));
  return groupByKey(phaseIds, found.map(metricsRecord), (m) => m.phase.id);
}

const jsonParsed = (em: Em) => em.getPlatform().convertsJsonAutomatically();

/** The newest `limit` events of each phase, in one statement. */
export async function eventsByPhaseIds(em: Em, phaseIds: readonly number[], limit: number): Promise<DashboardEventRecord[][]> {
  const found = await rows(em, (knex) => firstPerParent(knex, 'dashboard_events', 'phase_id', phaseIds, limit, 'desc'));
  const parsed = jsonParsed(em);
  return groupByKey(phaseIds, found.map((r) => eventRecord(r, parsed)), (e) => e.phase!.id);
}

/** The newest `limit` events of each run, in one statement. */
export async function eventsByRunIds(em: Em, runIds: readonly string[], limit: number): Promise<DashboardEventRecord[][]> {
  const found = await rows(em, (knex) => firstPerParent(knex, 'dashboard_events', 'run_id', runIds, limit, 'desc'));
  const parsed = jsonParsed(em);
  return groupByKey(runIds, found.map((r) => eventRecord(r, parsed)), (e) => e.run.id);
}
