// Hand-written reads on the hot paths (DataLoader batches, list pages): rows straight from the driver, over the
// ORM's own connection pool, with no query builder, no entity and no identity map in between.
// - The statement text never depends on how many keys are asked for: a list of keys is ONE parameter (an
//   array, `= any(?)`, on PostgreSQL; JSON text unpacked by json_each on SQLite). So PostgreSQL parses and
//   plans each statement once per connection: it is prepared under a name (pg keeps it per connection).
// - Every statement still goes through the ORM's query log, so tests count them like any other.
import type { Knex } from '@mikro-orm/knex';
import type { Em } from './orm';
import { isPostgres } from './orm';

/** A row as the driver returns it: snake_case columns. */
export type Row = Record<string, unknown>;

/** What a statement needs to know about the backend it is written for. */
export interface Dialect {
  pg: boolean;
  /** `column ${anyOf}` matches a key list passed as one parameter. */
  anyOf: string;
}

const PG: Dialect = { pg: true, anyOf: '= any(?)' };
const SQLITE: Dialect = { pg: false, anyOf: 'in (select value from json_each(?))' };

export const dialectOf = (em: Em): Dialect => (isPostgres(em) ? PG : SQLITE);

interface PgClient {
  query(q: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}
interface SqliteDb {
  all(sql: string, params: unknown[], cb: (err: Error | null, rows: Row[]) => void): void;
}
type KnexClient = { acquireConnection(): Promise<unknown>; releaseConnection(conn: unknown): Promise<void> };

// PostgreSQL text with $n placeholders and the name it is prepared under, by statement text.
const prepared = new Map<string, { name: string; text: string }>();

function pgStatement(sql: string): { name: string; text: string } {
  let s = prepared.get(sql);
  if (!s) {
    let n = 0;
    s = { name: `read_${prepared.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    prepared.set(sql, s);
  }
  return s;
}

/**
 * Rows of one read statement written with `?` placeholders (never inside literals). Array parameters are key
 * lists (see Dialect.anyOf). Reads run on a pooled connection of their own, outside any transaction of `em`.
 */
export async function readRows(em: Em, sql: string, params: readonly unknown[]): Promise<Row[]> {
  const pg = isPostgres(em);
  const knex = em.getKnex('read') as Knex & { client: KnexClient };
  const started = Date.now();
  const conn = await knex.client.acquireConnection();
  let rows: Row[];
  try {
    if (pg) {
      rows = (await (conn as PgClient).query({ ...pgStatement(sql), values: params as unknown[] })).rows;
    } else {
      const values = params.map((p) => (Array.isArray(p) ? JSON.stringify(p) : p));
      rows = await new Promise<Row[]>((resolve, reject) => (conn as SqliteDb).all(sql, values, (err, r) => (err ? reject(err) : resolve(r))));
    }
  } finally {
    await knex.client.releaseConnection(conn);
  }
  // One line: the ORM's logger drops line breaks, which would glue words together.
  em.config.getLogger().logQuery({ query: sql.replace(/\s*\n\s*/g, ' '), took: Date.now() - started, results: rows.length, level: 'info' });
  return rows;
}

/** The largest `limit` of a nested list (Phase.metrics, Phase.events, Run.replays, Run.events): memory stays bounded. */
export const MAX_NESTED_LIMIT = 1000;

/**
 * `columns` of `table`, at most `limit` rows per parent by (created_at, id) in `order`, in one statement
 * whatever the number of parents: a window function ranks the rows within their parent (a plain LIMIT would
 * cap them all). Parameters: the parent key list (one array, see Dialect.anyOf), then the limit. Rows come in
 * rank order, so each parent's rows keep that order once grouped.
 */
export function firstPerParent(d: Dialect, table: string, columns: string, parentColumn: string, order: 'asc' | 'desc'): string {
  return `select ${columns} from (
  select ${columns}, row_number() over (partition by ${parentColumn} order by created_at ${order}, id ${order}) as rank_in_parent
  from ${table} where ${parentColumn} ${d.anyOf}
) ranked where rank_in_parent <= ? order by rank_in_parent`;
}

// Nested data built as JSON by the database (the runs page with its phases, samples, events and totals in one
// statement: src/modules/runs/page-nested.ts): the driver then decodes one text value per parent instead of a row
// per child, and JSON.parse is native.

/**
 * The select list of `columns` of the table aliased `alias`, for a query whose rows become JSON: on PostgreSQL
 * timestamps (the `*_at` columns) as epoch milliseconds, cut like the driver cuts microseconds. A number is
 * cheaper to write, parse and make a Date of than ISO text (driverDate() takes either; SQLite stores them so).
 */
export function jsonSelect(d: Dialect, columns: readonly string[], alias: string): string {
  return columns
    .map((c) => (d.pg && c.endsWith('_at') ? `(extract(epoch from date_trunc('milliseconds', ${alias}.${c})) * 1000)::int8 as ${c}` : `${alias}.${c}`))
    .join(', ');
}

/** A JSON column as the driver returns it: parsed on PostgreSQL (type json), text on SQLite. */
export const parsedJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** The column names of a select list such as RUN_COLUMNS. */
export const columnList = (columns: string): string[] => columns.split(',').map((c) => c.trim());

export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

// Datetimes in rows are read by driver-date.ts (PostgreSQL's Date as it is, SQLite's epoch milliseconds).
export const optionalText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
/** A datetime parameter as the backend stores it (SQLite: epoch milliseconds). */
export const dateParam = (d: Dialect, v: Date): Date | number => (d.pg ? v : v.getTime());

/**
 * The statement with its parameters written in as literals (EXPLAIN, and the benches' raw-SQL floor): a key
 * list becomes an array literal on PostgreSQL, JSON text on SQLite, as readRows would bind it.
 */
export function literalSql(em: Em, sql: string, params: readonly unknown[]): string {
  const platform = em.getPlatform();
  const pg = isPostgres(em);
  const parts = sql.split('?');
  if (parts.length !== params.length + 1) throw new Error(`literalSql: ${parts.length - 1} placeholders, ${params.length} parameters`);
  return parts.reduce((out, part, i) => {
    if (i === 0) return part;
    const v = params[i - 1];
    let literal: string;
    if (!Array.isArray(v)) literal = platform.formatQuery('?', [v]);
    else if (!pg) literal = platform.formatQuery('?', [JSON.stringify(v)]);
    else literal = `array[${v.length ? platform.formatQuery(v.map(() => '?').join(', '), v) : ''}]`;
    return out + literal + part;
  }, '');
}
