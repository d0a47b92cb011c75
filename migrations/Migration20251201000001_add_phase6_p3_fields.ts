import { PortableMigration } from './dialect';

/**
 * Phase 6 P3 telemetry: tokens per phase in four categories. The database itself refuses a row whose
 * total differs from the sum of the categories (no double counting can be stored).
 */
export class Migration20251201000001_add_phase6_p3_fields extends PortableMigration {
  override async up(): Promise<void> {
    const d = this.dialect();
    this.sql(
      `create table if not exists "phase_metrics" ("id" ${d.bigserial}, "run_id" ${d.varchar(128)} not null, "phase_id" ${d.int} not null, "retrieval_tokens" bigint not null default 0, "second_opinion_tokens" bigint not null default 0, "evidence_request_tokens" bigint not null default 0, "base_tokens" bigint not null default 0, "total_tokens" bigint not null default 0, "created_at" ${d.timestamp} not null, ` +
        `constraint "phase_metrics_run_id_foreign" foreign key ("run_id") references "runs" ("id") on update cascade on delete cascade, ` +
        `constraint "phase_metrics_phase_id_foreign" foreign key ("phase_id") references "phases" ("id") on update cascade on delete cascade, ` +
        `constraint ck_phase_metrics_non_negative check (retrieval_tokens >= 0 and second_opinion_tokens >= 0 and evidence_request_tokens >= 0 and base_tokens >= 0), ` +
        `constraint ck_phase_metrics_total check (total_tokens = retrieval_tokens + second_opinion_tokens + evidence_request_tokens + base_tokens))`,
      `create index if not exists "idx_phase_metrics_phase_id" on "phase_metrics" ("phase_id")`,
    );
  }

  override async down(): Promise<void> {
    this.sql('drop table if exists "phase_metrics"');
  }
}
