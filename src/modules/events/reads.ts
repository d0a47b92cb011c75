// Batch reads of dashboard events for DataLoaders: one statement per batch of keys, whatever their number,
// results in key order, newest first.
import type { Em } from '../../db/orm';
import { dialectOf, groupByKey, readRows } from '../../db/reads';
import { EVENT_COLUMNS, eventRecord, type DashboardEventRecord } from './records';

const jsonParsed = (em: Em) => em.getPlatform().convertsJsonAutomatically();

export async function eventsByPhaseIds(em: Em, phaseIds: readonly number[]): Promise<DashboardEventRecord[][]> {
  const sql = `select ${EVENT_COLUMNS} from dashboard_events where phase_id ${dialectOf(em).anyOf} order by created_at desc, id desc`;
  const parsed = jsonParsed(em);
  const rows = (await readRows(em, sql, [[...phaseIds]])).map((r) => eventRecord(r, parsed));
  return groupByKey(phaseIds, rows, (e) => e.phase!.id);
}

/** The newest `limit` events of each run, in one statement (a window function ranks events per run). */
export async function eventsByRunIds(em: Em, runIds: readonly string[], limit: number): Promise<DashboardEventRecord[][]> {
  const sql = `select ${EVENT_COLUMNS} from (
  select ${EVENT_COLUMNS}, row_number() over (partition by run_id order by created_at desc, id desc) as rank_in_run
  from dashboard_events where run_id ${dialectOf(em).anyOf}
) ranked where rank_in_run <= ? order by created_at desc, id desc`;
  const parsed = jsonParsed(em);
  const rows = (await readRows(em, sql, [[...runIds], limit])).map((r) => eventRecord(r, parsed));
  return groupByKey(runIds, rows, (e) => e.run.id);
}
