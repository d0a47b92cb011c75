import { PortableMigration } from './dialect';

/**
 * A runs page reads each phase's newest samples (`Phase.metrics(limit:)`) as `where phase_id = ? order by
 * created_at desc, id desc limit ?`. With only idx_phase_metrics_phase_id PostgreSQL walks
 * idx_phase_metrics_created_at backwards and filters by phase: after 740,000 newer samples of other runs
 * (the peer bench's ingestion) one dashboard statement took 1.5 s instead of milliseconds. This index matches the
 * query exactly (no sort, stops after LIMIT rows).
 */
export class Migration20251206000000_add_phase_metrics_phase_created_id_index extends PortableMigration {
  override async up(): Promise<void> {
    this.addSql('create index if not exists "idx_phase_metrics_phase_created_id" on "phase_metrics" ("phase_id", "created_at" desc, "id" desc)');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "idx_phase_metrics_phase_created_id"');
  }
}
