// What every fuzzed call must respect: a refusal is a coded error (never INTERNAL_SERVER_ERROR), and a
// refused call writes nothing (row counts of every table unchanged).
import type { Em } from '../../src/db/orm';
import type { GqlResult } from '../helpers/harness';

export const TABLES = ['runs', 'phases', 'phase_metrics', 'dashboard_events', 'ab_test_results', 'replay_campaigns', 'feature_flag_overrides'] as const;
export type RowCounts = Record<(typeof TABLES)[number], number>;

/** Rows of every table, in one statement (one snapshot on both backends). */
export async function rowCounts(em: Em): Promise<RowCounts> {
  const sql = `select ${TABLES.map((t) => `(select count(*) from "${t}") as "${t}"`).join(', ')}`;
  const [row] = (await em.execute(sql)) as Record<string, unknown>[];
  return Object.fromEntries(TABLES.map((t) => [t, Number(row[t])])) as RowCounts;
}

/** Codes a client may see for a refused request (the service's own, GraphQL's and the operation limits'). */
export const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FEATURE_DISABLED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Throws (with the offending error) unless every error carries a client error code. */
export function expectCodedErrors(result: GqlResult, what: unknown): void {
  for (const e of result.errors ?? []) {
    const code = e.extensions?.code;
    if (typeof code !== 'string' || !CLIENT_ERROR_CODES.has(code)) {
      throw new Error(`uncoded or internal error ${JSON.stringify(e)} for ${JSON.stringify(what).slice(0, 2000)}`);
    }
  }
}

/** Throws unless the counts are identical (a refused call must not write anything). */
export function expectUnchanged(before: RowCounts, after: RowCounts, what: unknown): void {
  const changed = TABLES.filter((t) => before[t] !== after[t]);
  if (changed.length) {
    throw new Error(`refused call changed ${changed.map((t) => `${t} ${before[t]} -> ${after[t]}`).join(', ')} for ${JSON.stringify(what).slice(0, 2000)}`);
  }
}

/** Counts after minus before, for the tables that changed. */
export function delta(before: RowCounts, after: RowCounts): Partial<RowCounts> {
  return Object.fromEntries(TABLES.filter((t) => after[t] !== before[t]).map((t) => [t, after[t] - before[t]]));
}
