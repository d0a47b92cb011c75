// Batch reads for DataLoaders: one SQL statement per batch of keys, results in key order. Runs come back as
// entities; the rows listed by the hundred (phases, events, samples) as plain records (records.ts).
import type { Knex } from '@mikro-orm/knex';
import { Run } from '../db/entities';
import type { Em } from '../db/orm';
import { eventRecord, metricsRecord, phaseRecord, type DashboardEventRecord, type PhaseMetricsRecord, type PhaseRecord, type Row } from './records';

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

/** Rows of one statement built with the request's knex (no entities, nothing tracked). */
function rows(em: Em, build: (knex: Knex) => Knex.QueryBuilder): Promise<Row[]> {
  return em.execute(build(em.getKnex()));
}

const newestFirst = [
  { column: 'created_at', order: 'desc' },
  { column: 'id', order: 'desc' },
];

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

/** Samples of each phase, newest first. */
export async function metricsByPhaseIds(em: Em, phaseIds: readonly number[]): Promise<PhaseMetricsRecord[][]> {
  const found = await rows(em, (knex) => knex('phase_metrics').select('*').whereIn('phase_id', [...phaseIds]).orderBy(newestFirst));
  return groupByKey(phaseIds, found.map(metricsRecord), (m) => m.phase.id);
}

const jsonParsed = (em: Em) => em.getPlatform().convertsJsonAutomatically();

export async function eventsByPhaseIds(em: Em, phaseIds: readonly number[]): Promise<DashboardEventRecord[][]> {
  const found = await rows(em, (knex) => knex('dashboard_events').select('*').whereIn('phase_id', [...phaseIds]).orderBy(newestFirst));
  const parsed = jsonParsed(em);
  return groupByKey(phaseIds, found.map((r) => eventRecord(r, parsed)), (e) => e.phase!.id);
}

/** The newest `limit` events of each run, in one statement (a window function ranks events per run). */
export async function eventsByRunIds(em: Em, runIds: readonly string[], limit: number): Promise<DashboardEventRecord[][]> {
  const found = await rows(em, (knex) => {
    const ranked = knex('dashboard_events')
      .select('*')
      .select(knex.raw('row_number() over (partition by ?? order by ?? desc, ?? desc) as "rank_in_run"', ['run_id', 'created_at', 'id']))
      .whereIn('run_id', [...runIds]);
    return knex.select('*').from(ranked.as('ranked')).where('rank_in_run', '<=', limit).orderBy(newestFirst);
  });
  const parsed = jsonParsed(em);
  return groupByKey(runIds, found.map((r) => eventRecord(r, parsed)), (e) => e.run.id);
}

/** Events by id (the live feed reads back the ones a change announced). */
export async function eventsByIds(em: Em, ids: readonly number[]): Promise<(DashboardEventRecord | null)[]> {
  const found = await rows(em, (knex) => knex('dashboard_events').select('*').whereIn('id', [...ids]));
  const parsed = jsonParsed(em);
  return byKey(ids, found.map((r) => eventRecord(r, parsed)), (e) => e.id);
}

/** Telemetry samples by id (the live feed reads back the ones a change announced). */
export async function metricsByIds(em: Em, ids: readonly number[]): Promise<(PhaseMetricsRecord | null)[]> {
  const found = await rows(em, (knex) => knex('phase_metrics').select('*').whereIn('id', [...ids]));
  return byKey(ids, found.map(metricsRecord), (m) => m.id);
}
