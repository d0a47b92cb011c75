// The write behind recordPhaseMetrics. A 1000-row VALUES list is slow to parse (8000 literals), so each backend
// gets the rows as one document instead: PostgreSQL one array per column through unnest() (about twice as
// fast), SQLite one JSON array through json_each() (about a fifth faster). The statement also resolves each
// row's (run id, phase id) to the phase's key with a join, so no lookup precedes it; its text does not depend
// on the number of rows.
// - PostgreSQL: ONE statement does everything (data-modifying CTEs): it inserts nothing unless every row's
//   phase exists, bumps the touched runs' versions and sends the live feed's NOTIFY (live/publish-sql.ts).
//   A single statement is its own transaction, so no BEGIN/COMMIT round trips, and an aborted statement
//   notifies nobody. Prepared under a name once per pooled connection (parsed and planned once).
// - SQLite: the INSERT skips rows without a phase and the caller's transaction rolls back on a shortfall;
//   the version bump follows at commit (touchRun), and the bus publishes after it.
import type { Knex } from '@mikro-orm/knex';
import { isPostgres, type Em } from '../../db/orm';
import { toSafeInt } from '../../db/types';
import { publishInsertedMetricsSql } from '../live/publish-sql';
import type { TokenCounts } from './token-counts';

export interface MetricsRow extends TokenCounts {
  runId: string;
  /** The phase's `phase_id` within the run (not its database key). */
  phaseId: string;
  createdAt: Date;
}

const COLUMNS = '"run_id", "phase_id", "retrieval_tokens", "second_opinion_tokens", "evidence_request_tokens", "base_tokens", "total_tokens", "created_at"';
const VALUES = 'retrieval_tokens, second_opinion_tokens, evidence_request_tokens, base_tokens, total_tokens, created_at';

// PostgreSQL array literal of strings: every element quoted, backslashes and quotes escaped. Ids (checkId's
// alphabet) never need escaping: one test over the whole list instead of one replace per element.
const textArray = (values: string[]) =>
  !values.length ? '{}' : /[\\"]/.test(values.join('')) ? `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}` : `{"${values.join('","')}"}`;
const intArray = (values: number[]) => `{${values.join(',')}}`;

/** Timestamps as a PostgreSQL array literal. Rows without a createdAt share one Date (the call's now): format it once. */
function timestampArray(dates: Date[]): string {
  let last: Date | undefined;
  let text = '';
  return `{${dates.map((d) => (d === last ? text : ((last = d), (text = d.toISOString())))).join(',')}}`;
}

const published = publishInsertedMetricsSql('inserted', '?');

const POSTGRES_WRITE = `with input as (
  select * from unnest(?::varchar[], ?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::timestamptz[])
    with ordinality as i(run_id, phase_key, ${VALUES}, ord)
), resolved as (
  select input.*, p."id" as phase_pk from input left join "phases" p on p."run_id" = input.run_id and p."phase_id" = input.phase_key
), inserted as (
  insert into "phase_metrics" (${COLUMNS})
  select run_id, phase_pk, ${VALUES} from resolved
  where not exists (select from resolved where phase_pk is null)
  order by ord
  returning "id", "run_id", "phase_id"
), ${published.ctes}
select (select json_agg(json_build_array("id", "phase_id") order by "id") from inserted) as stored, ${published.notified} as notified`;

function postgresWrite(rows: MetricsRow[], at: number): { sql: string; params: unknown[] } {
  const col = <K extends keyof MetricsRow>(k: K) => rows.map((r) => r[k]);
  return {
    sql: POSTGRES_WRITE,
    params: [
      textArray(col('runId')),
      textArray(col('phaseId')),
      intArray(col('retrievalTokens')),
      intArray(col('secondOpinionTokens')),
      intArray(col('evidenceRequestTokens')),
      intArray(col('baseTokens')),
      intArray(col('totalTokens')),
      timestampArray(col('createdAt')),
      at,
    ],
  };
}

// created_at as epoch milliseconds: how MikroORM stores datetimes on SQLite. Rows in input order (json_each's key).
const SQLITE_INSERT =
  `insert into "phase_metrics" (${COLUMNS}) ` +
  'select j.value ->> 0, p."id", j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6, j.value ->> 7 ' +
  'from json_each(?) j join "phases" p on p."run_id" = j.value ->> 0 and p."phase_id" = j.value ->> 1 order by j.key returning "id", "phase_id"';

function sqliteInsert(rows: MetricsRow[]): { sql: string; params: unknown[] } {
  const doc = rows.map((r) => [
    r.runId,
    r.phaseId,
    r.retrievalTokens,
    r.secondOpinionTokens,
    r.evidenceRequestTokens,
    r.baseTokens,
    r.totalTokens,
    r.createdAt.getTime(),
  ]);
  return { sql: SQLITE_INSERT, params: [JSON.stringify(doc)] };
}

/** The write statement for `rows` (the benchmark runs it through the bare driver too, as its floor). */
export const metricsWriteStatement = (em: Em, rows: MetricsRow[], at = Date.now()) => (isPostgres(em) ? postgresWrite(rows, at) : sqliteInsert(rows));

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: Record<string, unknown>[] }>;
}
type KnexClient = { acquireConnection(): Promise<unknown>; releaseConnection(conn: unknown): Promise<void> };

const POSTGRES_TEXT = ((n = 0) => POSTGRES_WRITE.replace(/\?/g, () => `$${++n}`))();

/** The PostgreSQL statement on a pooled connection of its own, prepared there once; logged like every statement. */
async function runPostgres(em: Em, params: unknown[]): Promise<Record<string, unknown>> {
  const trx = em.getTransactionContext();
  // Inside a caller's transaction: on its connection (the NOTIFY is then sent at that transaction's commit).
  if (trx) return ((await em.getConnection().execute(POSTGRES_WRITE, params, 'all', trx)) as Record<string, unknown>[])[0];
  const knex = em.getKnex() as Knex & { client: KnexClient };
  const started = Date.now();
  const conn = await knex.client.acquireConnection();
  let row: Record<string, unknown>;
  try {
    row = (await (conn as PgClient).query({ name: 'ingest_metrics', text: POSTGRES_TEXT, values: params })).rows[0];
  } finally {
    await knex.client.releaseConnection(conn);
  }
  em.config.getLogger().logQuery({ query: POSTGRES_WRITE.replace(/\s*\n\s*/g, ' '), took: Date.now() - started, results: 1, level: 'info' });
  return row;
}

/** A stored row: its new id and its phase's database key. */
export type StoredKeys = [id: number, phasePk: number];

/**
 * Stores the rows; returns their new keys in input order, or null when some row's run or phase does not exist
 * (then nothing is stored on PostgreSQL; on SQLite the caller's transaction must roll back).
 */
export async function writeMetricsRows(em: Em, rows: MetricsRow[]): Promise<StoredKeys[] | null> {
  if (isPostgres(em)) {
    const { params } = postgresWrite(rows, Date.now());
    const stored = (await runPostgres(em, params)).stored as [unknown, unknown][] | null;
    return stored && stored.length === rows.length ? stored.map(([id, phase]) => [toSafeInt(id), toSafeInt(phase)]) : null;
  }
  const { sql, params } = sqliteInsert(rows);
  const inserted: { id: unknown; phase_id: unknown }[] = await em.execute(sql, params);
  if (inserted.length !== rows.length) return null;
  // Ids are assigned in input order; the order of RETURNING rows is not guaranteed on SQLite.
  return inserted.map((r): StoredKeys => [toSafeInt(r.id), toSafeInt(r.phase_id)]).sort((a, b) => a[0] - b[0]);
}
