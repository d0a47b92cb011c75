// The multi-row INSERT behind recordPhaseMetrics. A 1000-row VALUES list is slow to parse (8000 literals),
// so each backend gets the rows as one document instead: PostgreSQL one array per column through unnest()
// (about twice as fast), SQLite one JSON array through json_each() (about a fifth faster). One statement
// either way; the new ids come back in input order.
import { isPostgres, type Em } from '../../db/orm';
import { toSafeInt } from '../../db/types';
import type { TokenCounts } from './token-counts';

export interface MetricsRow extends TokenCounts {
  runId: string;
  phasePk: number;
  createdAt: Date;
}

const COLUMNS = '"run_id", "phase_id", "retrieval_tokens", "second_opinion_tokens", "evidence_request_tokens", "base_tokens", "total_tokens", "created_at"';

// PostgreSQL array literal of strings: every element quoted, backslashes and quotes escaped.
const textArray = (values: string[]) => `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
const intArray = (values: number[]) => `{${values.join(',')}}`;

function postgresInsert(rows: MetricsRow[]): { sql: string; params: unknown[] } {
  const col = <K extends keyof MetricsRow>(k: K) => rows.map((r) => r[k]);
  return {
    sql:
      `insert into "phase_metrics" (${COLUMNS}) select * from unnest(?::varchar[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[]) ` +
      'returning "id"',
    params: [
      textArray(col('runId')),
      intArray(col('phasePk')),
      intArray(col('retrievalTokens')),
      intArray(col('secondOpinionTokens')),
      intArray(col('evidenceRequestTokens')),
      intArray(col('baseTokens')),
      intArray(col('totalTokens')),
      textArray(col('createdAt').map((d) => d.toISOString())),
    ],
  };
}

function sqliteInsert(rows: MetricsRow[]): { sql: string; params: unknown[] } {
  // created_at as epoch milliseconds: how MikroORM stores datetimes on SQLite.
  const doc = rows.map((r) => [
    r.runId,
    r.phasePk,
    r.retrievalTokens,
    r.secondOpinionTokens,
    r.evidenceRequestTokens,
    r.baseTokens,
    r.totalTokens,
    r.createdAt.getTime(),
  ]);
  const fields = Array.from({ length: 8 }, (_, i) => `value ->> ${i}`).join(', ');
  return {
    sql: `insert into "phase_metrics" (${COLUMNS}) select ${fields} from json_each(?) order by key returning "id"`,
    params: [JSON.stringify(doc)],
  };
}

/** The INSERT ... RETURNING "id" statement for `rows` (the benchmark runs it through the bare driver too). */
export const metricsInsertStatement = (em: Em, rows: MetricsRow[]) => (isPostgres(em) ? postgresInsert(rows) : sqliteInsert(rows));

/** Inserts the rows in one statement (in the caller's transaction); returns their ids in input order. */
export async function insertMetricsRows(em: Em, rows: MetricsRow[]): Promise<number[]> {
  const { sql, params } = metricsInsertStatement(em, rows);
  const inserted: { id: unknown }[] = await em.execute(sql, params);
  if (inserted.length !== rows.length) throw new Error(`inserted ${inserted.length} of ${rows.length} phase_metrics rows`);
  // Ids are assigned in input order on both backends; the order of RETURNING rows is not guaranteed (SQLite).
  return inserted.map((r) => toSafeInt(r.id)).sort((a, b) => a - b);
}
