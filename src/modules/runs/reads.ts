// Batch and page reads of runs and phases (DataLoaders, the runs list): one statement per batch of keys,
// whatever their number, results in key order. Plain records, no entities (src/db/reads.ts).
import type { RunState } from '../../db/entities/enums';
import type { Em } from '../../db/orm';
import { byKey, dateParam, dialectOf, firstPerParent, groupByKey, readRows } from '../../db/reads';
import { toSafeInt } from '../../db/types';
import { FULL_RUN_SHAPE, PHASE_COLUMNS, phaseRecord, RUN_COLUMNS, runRecord, type PhaseRecord, type RunRecord, type RunShape } from './records';
import { jsonParsed } from '../events/reads';
import { hasNested, nestedJson, nestedOfRuns, type NestedOfRuns, type PageNested } from './page-nested';

export async function runsByIds(em: Em, ids: readonly string[]): Promise<(RunRecord | null)[]> {
  const rows = await readRows(em, `select ${RUN_COLUMNS} from runs where id ${dialectOf(em).anyOf}`, [[...ids]]);
  return byKey(ids, rows.map(runRecord), (r) => r.id);
}

/** The oldest `limit` replays of each run, in one statement. */
export async function replaysOfRunIds(em: Em, ids: readonly string[], limit: number): Promise<RunRecord[][]> {
  const sql = firstPerParent(dialectOf(em), 'runs', RUN_COLUMNS, 'replay_of_id', 'asc');
  const rows = (await readRows(em, sql, [[...ids], limit])).map(runRecord);
  return groupByKey(ids, rows, (r) => r.replayOf!.id);
}

export interface RunsQuery {
  state?: RunState | null;
  /** Continue after this position in the (created_at DESC, id DESC) order. */
  after?: { createdAt: Date; id: string } | null;
  limit: number;
  offset: number;
  /** Read along with the first `nested.runs` runs of the page, in the same statement (page-nested.ts). */
  nested?: { runs: number; wanted: PageNested } | null;
  /** The columns the nodes' fields read (records.ts runShapeOf); all of them when absent or when nested is read. */
  shape?: RunShape | null;
}

/** One page of runs, newest first (idx_runs_created_at / idx_runs_state_created serve it), with what was asked of them. */
export async function runsPage(em: Em, q: RunsQuery): Promise<{ runs: RunRecord[]; nested: NestedOfRuns | null }> {
  const d = dialectOf(em);
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.state) {
    where.push('state = ?');
    params.push(q.state);
  }
  if (q.after) {
    const at = dateParam(d, q.after.createdAt);
    where.push('(created_at < ? or (created_at = ? and id < ?))');
    params.push(at, at, q.after.id);
  }
  const filter = `from runs${where.length ? ` where ${where.join(' and ')}` : ''} order by created_at desc, id desc limit ? offset ?`;
  params.push(q.limit, q.offset);
  if (!q.nested || !hasNested(q.nested.wanted)) {
    const shape = q.shape ?? FULL_RUN_SHAPE;
    return { runs: (await readRows(em, `select ${shape.columns} ${filter}`, params)).map(shape.record), nested: null };
  }
  // The nested read primes the run loader with the page's records: they stay whole. The page's extra run
  // (there to tell hasNextPage) is read without: the window's position counts from the first run the filter
  // keeps, before the offset.
  const json = nestedJson(d, q.nested.wanted);
  const sql = `select page.*, case when page.with_nested then ${json.sql} end as nested
from (select ${RUN_COLUMNS}, row_number() over (order by created_at desc, id desc) <= ? as with_nested ${filter}) page
order by page.created_at desc, page.id desc`;
  const rows = await readRows(em, sql, [...json.params, q.offset + q.nested.runs, ...params]);
  const runs = rows.map(runRecord);
  return { runs, nested: nestedOfRuns(q.nested.wanted, runs, rows, jsonParsed(em)) };
}

export async function countRuns(em: Em, state?: RunState | null): Promise<number> {
  const [row] = state
    ? await readRows(em, 'select count(*) as n from runs where state = ?', [state])
    : await readRows(em, 'select count(*) as n from runs', []);
  return toSafeInt(row.n);
}

export async function phasesByIds(em: Em, ids: readonly number[]): Promise<(PhaseRecord | null)[]> {
  const rows = await readRows(em, `select ${PHASE_COLUMNS} from phases where id ${dialectOf(em).anyOf}`, [[...ids]]);
  return byKey(ids, rows.map(phaseRecord), (p) => p.id);
}

export async function phasesByRunIds(em: Em, runIds: readonly string[]): Promise<PhaseRecord[][]> {
  const sql = `select ${PHASE_COLUMNS} from phases where run_id ${dialectOf(em).anyOf} order by phase_index, id`;
  const rows = (await readRows(em, sql, [[...runIds]])).map(phaseRecord);
  return groupByKey(runIds, rows, (p) => p.run.id);
}
