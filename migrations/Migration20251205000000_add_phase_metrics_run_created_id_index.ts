import { PortableMigration } from './dialect';

/**
 * The consolidated metrics query reads a run's newest samples in (created_at DESC, id DESC) order. With only
 * the guide's indexes PostgreSQL picks idx_phase_metrics_run_id plus a sort, or walks
 * idx_phase_metrics_created_at for a run holding most rows; this index matches the query exactly (no sort,
 * stops after LIMIT rows), so it is the plan the planner prefers. The guide's named indexes stay.
 */
export class Migration20251205000000_add_phase_metrics_run_created_id_index extends PortableMigration {
  override async up(): Promise<void> {
    this.addSql('create index if not exists "idx_phase_metrics_run_created_id" on "phase_metrics" ("run_id", "created_at" desc, "id" desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "idx_phase_metrics_run_created_id"');
  }
}
