// Batch reads of dashboard events for DataLoaders: one statement per batch of keys, whatever their number,
// results in key order, newest first.
import type { Em } from '../../db/orm';
import { byKey, dialectOf, firstPerParent, groupByKey, readRows } from '../../db/reads';
import { EVENT_COLUMNS, eventRecord, type DashboardEventRecord } from './records';

/** Whether the driver parses JSON columns (PostgreSQL) or returns their text (SQLite): eventRecord's second argument. */
export const jsonParsed = (em: Em) => em.getPlatform().convertsJsonAutomatically();

/**
 * The newest `limit` events (parameter) of the run or phase (`parent`) whose id is the SQL expression `id`;
 * `select` over the table aliased `e` (the order is by its own columns, whatever the select list makes of them).
 */
export const eventsOf = (select: string, parent: 'run_id' | 'phase_id', id: string) =>
  `select ${select} from dashboard_events e where e.${parent} = ${id} order by e.created_at desc, e.id desc limit ?`;

/** The newest `limit` events of each phase, in one statement. */
export async function eventsByPhaseIds(em: Em, phaseIds: readonly number[], limit: number): Promise<DashboardEventRecord[][]> {
  const sql = firstPerParent(dialectOf(em), 'dashboard_events', EVENT_COLUMNS, 'phase_id', 'desc');
  const parsed = jsonParsed(em);
  const rows = (await readRows(em, sql, [[...phaseIds], limit])).map((r) => eventRecord(r, parsed));
  return groupByKey(phaseIds, rows, (e) => e.phase!.id);
}

/** The newest `limit` events of each run, in one statement. */
export async function eventsByRunIds(em: Em, runIds: readonly string[], limit: number): Promise<DashboardEventRecord[][]> {
  const sql = firstPerParent(dialectOf(em), 'dashboard_events', EVENT_COLUMNS, 'run_id', 'desc');
  const parsed = jsonParsed(em);
  const rows = (await readRows(em, sql, [[...runIds], limit])).map((r) => eventRecord(r, parsed));
  return groupByKey(runIds, rows, (e) => e.run.id);
}

/** Events by id (the live feed reads back the ones a change announced). */
export async function eventsByIds(em: Em, ids: readonly number[]): Promise<(DashboardEventRecord | null)[]> {
  const parsed = jsonParsed(em);
  const rows = (await readRows(em, `select ${EVENT_COLUMNS} from dashboard_events where id ${dialectOf(em).anyOf}`, [[...ids]])).map((r) =>
    eventRecord(r, parsed),
  );
  return byKey(ids, rows, (e) => e.id);
}
