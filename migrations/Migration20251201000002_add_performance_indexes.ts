import { PortableMigration } from './dialect';

/** The rollout guide's "Expected indexes" for the dashboard's critical queries, plus run listing. */
const PERFORMANCE_INDEXES: ReadonlyArray<readonly [name: string, table: string, columns: string]> = [
  ['idx_phase_metrics_run_id', 'phase_metrics', '"run_id"'],
  ['idx_phase_metrics_created_at', 'phase_metrics', '"created_at" desc'],
  ['idx_phase_metrics_run_created', 'phase_metrics', '"run_id", "created_at" desc'],
  ['idx_dashboard_events_run_id', 'dashboard_events', '"run_id"'],
  ['idx_dashboard_events_event_type', 'dashboard_events', '"event_type"'],
  ['idx_phases_run_state', 'phases', '"run_id", "state"'],
  ['idx_runs_created_at', 'runs', '"created_at" desc, "id" desc'],
  ['idx_runs_state_created', 'runs', '"state", "created_at" desc, "id" desc'],
];

export class Migration20251201000002_add_performance_indexes extends PortableMigration {
  override async up(): Promise<void> {
    for (const [name, table, columns] of PERFORMANCE_INDEXES) {
      this.addSql(`create index if not exists "${name}" on "${table}" (${columns})`);
    }
  }

  override async down(): Promise<void> {
    for (const [name] of PERFORMANCE_INDEXES) this.addSql(`drop index if exists "${name}"`);
  }
}
