// `migrate verify`: the rollout guide's section 2c (tables, columns, indexes) and section 3 (query plans).
import { INDEXES } from '../../db/indexes';
import { isPostgres, type Em, type Orm } from '../../db/orm';
import { dialectOf, literalSql } from '../../db/reads';
import { consolidatedStatement } from '../telemetry/batch';
import { migrationState } from './migrations';

export interface VerifyCheck {
  ok: boolean;
  label: string;
  detail?: string;
}

/** Every named index the migrations create (the guide's eight and ours), from the one list in src/db/indexes.ts. */
export const EXPECTED_INDEXES = INDEXES;

/**
 * The guide's three critical queries. What matters is that an index whose first column is `leading` serves
 * each one: which of several such indexes the planner picks depends on the data (a run with few samples is
 * read through the smaller idx_phase_metrics_run_id plus a sort), and every one of them is a healthy plan.
 * The consolidated query is the service's own statement, for the run holding the most samples.
 */
interface CriticalQuery {
  label: string;
  table: string;
  leading: string;
  sql(em: Em, biggestRun: string): string;
  /** A prepared statement of the service: on PostgreSQL its generic plan (no parameter value known) is the one checked. */
  generic?: { types: string; values: string };
}

const CRITICAL_QUERIES: ReadonlyArray<CriticalQuery> = [
  {
    label: 'Consolidated metrics query',
    table: 'phase_metrics',
    leading: 'run_id',
    sql: (em, runId) => consolidatedSql(em, runId),
  },
  {
    label: 'Dashboard events by type',
    table: 'dashboard_events',
    leading: 'event_type',
    sql: () => "SELECT * FROM dashboard_events WHERE event_type = 'PHASE_FAILED' ORDER BY created_at DESC LIMIT 100",
  },
  {
    label: 'Phase status by run',
    table: 'phases',
    leading: 'run_id',
    sql: () => "SELECT * FROM phases WHERE run_id = 'test-run' AND state = 'COMPLETE'",
  },
  {
    // What a runs page reads per phase (the dashboard's newest samples). Once 740,000 samples had been ingested
    // elsewhere, a generic plan walking idx_phase_metrics_created_at backwards took 1.5 s per dashboard statement.
    label: "A phase's newest samples (generic plan)",
    table: 'phase_metrics',
    leading: 'phase_id',
    sql: (em) => `select phase_id, total_tokens from phase_metrics where phase_id = ${isPostgres(em) ? '$1' : '0'} order by created_at desc, id desc limit 20`,
    generic: { types: 'int', values: '0' },
  },
];

/** The guide's "< 100ms query times for 10K records" for the consolidated metrics query. */
const CONSOLIDATED_TARGET_MS = 100;
const CONSOLIDATED_PAGE = { limit: 1000, offset: 0 };
const TIMED_RUNS = 3;

function consolidatedSql(em: Em, runId: string): string {
  const { sql, params } = consolidatedStatement(dialectOf(em), [runId], CONSOLIDATED_PAGE);
  return literalSql(em, sql, params);
}

/** The CHECK constraints that keep telemetry honest, and a pattern their definition matches on either backend. */
const EXPECTED_CHECKS: ReadonlyArray<{ name: string; table: string; definition: RegExp }> = [
  { name: 'ck_phase_metrics_total', table: 'phase_metrics', definition: /total_tokens"?\s*=\s*\(*\s*"?retrieval_tokens/i },
  { name: 'ck_phase_metrics_non_negative', table: 'phase_metrics', definition: /retrieval_tokens"?\)?\s*>=\s*0/i },
  { name: 'run state in RunState', table: 'runs', definition: /state"?\)?\s*(=\s*any|in)\s*\(.*DONE_SUCCESS/i },
  { name: 'phase state in PhaseState', table: 'phases', definition: /state"?\)?\s*(=\s*any|in)\s*\(.*CI_RUNNING/i },
];

type Row = Record<string, unknown>;

async function tableColumns(em: Em, table: string): Promise<string[] | null> {
  const rows: Row[] = isPostgres(em)
    ? await em.execute('select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ?', [table])
    : await em.execute(`select name from pragma_table_info(?)`, [table]);
  return rows.length ? rows.map((r) => String(r.name)) : null;
}

/** index name -> "col, col DESC" for one table. */
async function tableIndexes(em: Em, table: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (isPostgres(em)) {
    const rows: Row[] = await em.execute('select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?', [table]);
    for (const r of rows) {
      const cols = /\((.*)\)\s*$/.exec(String(r.indexdef))?.[1] ?? '';
      out.set(String(r.indexname), cols.replace(/"/g, '').replace(/\s+/g, ' ').trim());
    }
    return out;
  }
  const list: Row[] = await em.execute('select name from pragma_index_list(?)', [table]);
  for (const { name } of list) {
    const cols: Row[] = await em.execute('select name, "desc" as d from pragma_index_xinfo(?) where key = 1 order by seqno', [name]);
    out.set(String(name), cols.map((c) => `${c.name}${Number(c.d) ? ' DESC' : ''}`).join(', '));
  }
  return out;
}

/** Every `idx_` index of the database, as `{ name, table, columns }` sorted by name (what the migrations created). */
export async function namedIndexes(em: Em): Promise<Array<{ name: string; table: string; columns: string }>> {
  const tables: Row[] = isPostgres(em)
    ? await em.execute('select tablename as name from pg_tables where schemaname = current_schema()')
    : await em.execute("select name from sqlite_master where type = 'table'");
  const out: Array<{ name: string; table: string; columns: string }> = [];
  for (const { name: table } of tables) {
    for (const [name, columns] of await tableIndexes(em, String(table))) {
      if (name.startsWith('idx_')) out.push({ name, table: String(table), columns });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Check constraint definitions of one table (PostgreSQL: each constraint; SQLite: the table's DDL). */
async function checkDefinitions(em: Em, table: string): Promise<string[]> {
  if (isPostgres(em)) {
    const rows: Row[] = await em.execute(
      "select pg_get_constraintdef(c.oid) as def from pg_constraint c join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace where c.contype = 'c' and n.nspname = current_schema() and t.relname = ?",
      [table],
    );
    return rows.map((r) => String(r.def));
  }
  const rows: Row[] = await em.execute("select sql from sqlite_master where type = 'table' and name = ?", [table]);
  return rows.map((r) => String(r.sql).replace(/\s+/g, ' '));
}

/** The indexes of `table` the plan reads through with a condition on `leading` (not a full scan). */
function servingIndexes(plan: string, table: string, leading: string, indexes: Map<string, string>): string[] {
  const candidates = [...indexes].filter(([, cols]) => cols.split(',')[0].trim() === leading).map(([name]) => name);
  if (new RegExp(`Seq Scan on ${table}\\b|^\\s*SCAN ${table}\\b`, 'm').test(plan)) return [];
  return candidates.filter(
    (name) =>
      new RegExp(`\\b${name}\\b`).test(plan) && (isPgPlan(plan) || new RegExp(`SEARCH ${table} USING (COVERING )?INDEX ${name} \\(${leading}=`).test(plan)),
  );
}

const isPgPlan = (plan: string) => /cost=/.test(plan);

/** The run holding the most phase_metrics rows (the worst case for the consolidated query), if any. */
async function biggestRun(em: Em): Promise<{ runId: string; rows: number } | null> {
  const rows: Row[] = await em.execute('select run_id, count(*) as n from phase_metrics group by run_id order by count(*) desc limit 1');
  return rows.length ? { runId: String(rows[0].run_id), rows: Number(rows[0].n) } : null;
}

/** Best of a few executions of `sql`, in milliseconds. */
async function timeQuery(em: Em, sql: string): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < TIMED_RUNS; i++) {
    const start = performance.now();
    await em.execute(sql);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The plan the database chooses for `sql`, as text. On PostgreSQL sequential and bitmap scans are
 * disabled inside a rolled-back transaction, so the plan shows whether an index can serve the query at
 * all, independent of how small the tables are right now. */
export async function explain(em: Em, sql: string, generic?: CriticalQuery['generic']): Promise<string> {
  const knex = em.getKnex();
  if (!isPostgres(em)) {
    const rows: Row[] = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`);
    return rows.map((r) => String(r.detail)).join('\n');
  }
  const trx = await knex.transaction();
  try {
    await trx.raw('set local enable_seqscan = off');
    await trx.raw('set local enable_bitmapscan = off');
    let res;
    if (generic) {
      // A prepared statement outlives the transaction (it belongs to the pooled connection): deallocated in
      // every case, after a savepoint so that a failed EXPLAIN leaves the transaction usable for it.
      await trx.raw('set local plan_cache_mode = force_generic_plan');
      await trx.raw(`PREPARE verify_generic(${generic.types}) AS ${sql}`);
      await trx.raw('SAVEPOINT verify_generic');
      try {
        res = await trx.raw(`EXPLAIN EXECUTE verify_generic(${generic.values})`);
      } catch (e) {
        await trx.raw('ROLLBACK TO SAVEPOINT verify_generic');
        throw e;
      } finally {
        await trx.raw('DEALLOCATE verify_generic');
      }
    } else {
      res = await trx.raw(`EXPLAIN ${sql}`);
    }
    return (res.rows as Row[]).map((r) => String(r['QUERY PLAN'])).join('\n');
  } finally {
    await trx.rollback();
  }
}

export async function verifySchema(orm: Orm): Promise<VerifyCheck[]> {
  const em = orm.em.fork() as Em;
  const checks: VerifyCheck[] = [];
  const state = await migrationState(orm);
  checks.push({
    ok: state.pending.length === 0,
    label: `Migrations applied (${state.applied.length} applied, ${state.pending.length} pending)`,
    detail: state.pending.length ? `pending: ${state.pending.join(', ')} - run \`autopack migrate up\`` : undefined,
  });

  for (const meta of Object.values(orm.getMetadata().getAll()).filter((m) => !m.embeddable && m.tableName)) {
    const expected = meta.props.flatMap((p) => p.fieldNames ?? []);
    const actual = await tableColumns(em, meta.tableName);
    if (!actual) {
      checks.push({ ok: false, label: `Table ${meta.tableName}`, detail: 'missing' });
      continue;
    }
    const missing = expected.filter((c) => !actual.includes(c));
    checks.push({
      ok: missing.length === 0,
      label: `Table ${meta.tableName} (${expected.length} columns)`,
      detail: missing.length ? `missing columns: ${missing.join(', ')}` : undefined,
    });
  }

  const indexesByTable = new Map<string, Map<string, string>>();
  for (const idx of EXPECTED_INDEXES) {
    if (!indexesByTable.has(idx.table)) indexesByTable.set(idx.table, await tableIndexes(em, idx.table));
    const actual = indexesByTable.get(idx.table)!.get(idx.name);
    checks.push({
      ok: actual === idx.columns,
      label: `Index ${idx.name} on ${idx.table}(${idx.columns})`,
      detail: actual === undefined ? 'missing' : actual !== idx.columns ? `found on (${actual})` : undefined,
    });
  }

  for (const c of EXPECTED_CHECKS) {
    const defs = await checkDefinitions(em, c.table);
    checks.push({
      ok: defs.some((d) => c.definition.test(d)),
      label: `Check constraint ${c.name} on ${c.table}`,
      detail: defs.some((d) => c.definition.test(d)) ? undefined : 'missing',
    });
  }

  const big = await biggestRun(em).catch(() => null);
  const runId = big?.runId ?? 'telemetry-collection-v7';
  for (const q of CRITICAL_QUERIES) {
    const label = `${q.label} is served by an index on ${q.table}(${q.leading}, ...)`;
    if (!indexesByTable.has(q.table)) indexesByTable.set(q.table, await tableIndexes(em, q.table));
    const sql = q.sql(em, runId);
    let plan: string;
    try {
      plan = await explain(em, sql, q.generic);
    } catch (e) {
      checks.push({ ok: false, label, detail: (e as Error).message.split('\n')[0] });
      continue;
    }
    const used = servingIndexes(plan, q.table, q.leading, indexesByTable.get(q.table)!);
    checks.push({ ok: used.length > 0, label: used.length ? `${label}: ${used.join(', ')}` : label, detail: plan });
    if (q.leading === 'run_id' && q.table === 'phase_metrics') {
      const ms = await timeQuery(em, sql);
      const scope = big ? `run ${big.runId} (${big.rows} row(s), the most of any run)` : 'an empty table';
      checks.push({
        ok: ms <= CONSOLIDATED_TARGET_MS,
        label: `${q.label} on ${scope}: ${ms.toFixed(1)} ms, best of ${TIMED_RUNS} (target < ${CONSOLIDATED_TARGET_MS} ms)`,
      });
    }
  }
  return checks;
}
