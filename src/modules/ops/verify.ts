// `migrate verify`: the rollout guide's section 2c (tables, columns, indexes) and section 3 (query plans).
import { isPostgres, type Em, type Orm } from '../../db/orm';
import { migrationState } from './migrations';

export interface VerifyCheck {
  ok: boolean;
  label: string;
  detail?: string;
}

/** The guide's "Expected indexes", with column order and direction. */
export const EXPECTED_INDEXES: ReadonlyArray<{ name: string; table: string; columns: string }> = [
  { name: 'idx_phase_metrics_run_id', table: 'phase_metrics', columns: 'run_id' },
  { name: 'idx_phase_metrics_created_at', table: 'phase_metrics', columns: 'created_at DESC' },
  { name: 'idx_phase_metrics_run_created', table: 'phase_metrics', columns: 'run_id, created_at DESC' },
  { name: 'idx_dashboard_events_run_id', table: 'dashboard_events', columns: 'run_id' },
  { name: 'idx_dashboard_events_event_type', table: 'dashboard_events', columns: 'event_type' },
  { name: 'idx_phases_run_state', table: 'phases', columns: 'run_id, state' },
  { name: 'idx_ab_test_id', table: 'ab_test_results', columns: 'test_id' },
  { name: 'idx_ab_validity', table: 'ab_test_results', columns: 'is_valid' },
];

/** The guide's three critical queries and the index each must use. */
export const CRITICAL_QUERIES: ReadonlyArray<{ label: string; sql: string; index: string }> = [
  {
    label: 'Consolidated metrics query',
    sql: "SELECT * FROM phase_metrics WHERE run_id = 'telemetry-collection-v7' ORDER BY created_at DESC LIMIT 1000",
    index: 'idx_phase_metrics_run_created',
  },
  {
    label: 'Dashboard events by type',
    sql: "SELECT * FROM dashboard_events WHERE event_type = 'PHASE_FAILED' ORDER BY created_at DESC LIMIT 100",
    index: 'idx_dashboard_events_event_type',
  },
  {
    label: 'Phase status by run',
    sql: "SELECT * FROM phases WHERE run_id = 'test-run' AND state = 'COMPLETE'",
    index: 'idx_phases_run_state',
  },
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

/** The plan the database chooses for `sql`, as text. On PostgreSQL sequential and bitmap scans are
 * disabled inside a rolled-back transaction, so the plan shows whether an index can serve the query at
 * all, independent of how small the tables are right now. */
export async function explain(em: Em, sql: string): Promise<string> {
  const knex = em.getKnex();
  if (!isPostgres(em)) {
    const rows: Row[] = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`);
    return rows.map((r) => String(r.detail)).join('\n');
  }
  const trx = await knex.transaction();
  try {
    await trx.raw('set local enable_seqscan = off');
    await trx.raw('set local enable_bitmapscan = off');
    const res = await trx.raw(`EXPLAIN ${sql}`);
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

  for (const q of CRITICAL_QUERIES) {
    let plan: string;
    try {
      plan = await explain(em, q.sql);
    } catch (e) {
      checks.push({ ok: false, label: `${q.label} uses ${q.index}`, detail: (e as Error).message.split('\n')[0] });
      continue;
    }
    checks.push({ ok: new RegExp(`\\b${q.index}\\b`).test(plan), label: `${q.label} uses ${q.index}`, detail: plan });
  }
  return checks;
}
