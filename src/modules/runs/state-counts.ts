// Runs by state since an instant: the console's "last 24 h" overview, one grouped statement.
import type { Em } from '../../db/orm';
import { toSafeInt } from '../../db/types';
import type { RunState } from '../../db/entities/enums';

export interface RunStateCount {
  state: RunState;
  count: number;
}

/** States with no run are left out; most frequent first, then by state name. */
export async function runStateCounts(em: Em, since: Date): Promise<RunStateCount[]> {
  const rows: { state: RunState; n: unknown }[] = await em.execute('select "state", count(*) as n from "runs" where "created_at" >= ? group by "state"', [
    since,
  ]);
  return rows.map((r) => ({ state: r.state, count: toSafeInt(r.n) })).sort((a, b) => b.count - a.count || a.state.localeCompare(b.state));
}
