/**
 * Every named secondary index the migrations create, written once: `migrate verify` checks this list, the
 * entities' expression indexes are built from it, and test/integration/migrations.test.ts asserts that the
 * migrated database holds exactly these indexes on both backends. Migrations keep their own literal SQL (a
 * migration never changes afterwards), so a new index means a new migration plus a row here.
 * `columns` is how both backends report it: column order and direction, `, `-separated.
 */
export interface IndexSpec {
  name: string;
  table: string;
  columns: string;
  /** One of the rollout guide's eight "Expected indexes". */
  guide?: true;
}

export const INDEXES: ReadonlyArray<IndexSpec> = [
  { name: 'idx_phase_metrics_run_id', table: 'phase_metrics', columns: 'run_id', guide: true },
  { name: 'idx_phase_metrics_created_at', table: 'phase_metrics', columns: 'created_at DESC', guide: true },
  { name: 'idx_phase_metrics_run_created', table: 'phase_metrics', columns: 'run_id, created_at DESC', guide: true },
  { name: 'idx_dashboard_events_run_id', table: 'dashboard_events', columns: 'run_id', guide: true },
  { name: 'idx_dashboard_events_event_type', table: 'dashboard_events', columns: 'event_type', guide: true },
  { name: 'idx_phases_run_state', table: 'phases', columns: 'run_id, state', guide: true },
  { name: 'idx_ab_test_id', table: 'ab_test_results', columns: 'test_id', guide: true },
  { name: 'idx_ab_validity', table: 'ab_test_results', columns: 'is_valid', guide: true },
  // The consolidated query's exact order, so the planner never needs a sort or a filter.
  { name: 'idx_phase_metrics_run_created_id', table: 'phase_metrics', columns: 'run_id, created_at DESC, id DESC' },
  // A phase's newest samples (Phase.metrics, read per phase by a runs page), in the query's exact order.
  { name: 'idx_phase_metrics_phase_created_id', table: 'phase_metrics', columns: 'phase_id, created_at DESC, id DESC' },
  // The runs list's keyset pages (newest first, optionally by state).
  { name: 'idx_runs_created_at', table: 'runs', columns: 'created_at DESC, id DESC' },
  { name: 'idx_runs_state_created', table: 'runs', columns: 'state, created_at DESC, id DESC' },
  // Foreign keys, so cascades and joins never scan.
  { name: 'idx_phase_metrics_phase_id', table: 'phase_metrics', columns: 'phase_id' },
  { name: 'idx_dashboard_events_phase_id', table: 'dashboard_events', columns: 'phase_id' },
  { name: 'idx_runs_replay_of_id', table: 'runs', columns: 'replay_of_id' },
  { name: 'idx_runs_campaign_id', table: 'runs', columns: 'campaign_id' },
  { name: 'idx_ab_control_run_id', table: 'ab_test_results', columns: 'control_run_id' },
  { name: 'idx_ab_treatment_run_id', table: 'ab_test_results', columns: 'treatment_run_id' },
];

function indexSpec(name: string): IndexSpec {
  const spec = INDEXES.find((i) => i.name === name);
  if (!spec) throw new Error(`unknown index ${name}`);
  return spec;
}

/** The `create index` statement of a listed index, for MikroORM's expression indexes (DESC columns). */
export function createIndexSql(name: string): string {
  const { table, columns } = indexSpec(name);
  const cols = columns
    .split(', ')
    .map((c) => c.replace(/^(\w+)( DESC)?$/, (_, col: string, desc?: string) => `"${col}"${desc ? ' desc' : ''}`))
    .join(', ');
  return `create index if not exists "${name}" on "${table}" (${cols})`;
}
