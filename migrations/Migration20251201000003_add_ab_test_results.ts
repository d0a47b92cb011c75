import { PortableMigration } from './dialect';

/** Database-backed A/B experiment results (one row per comparison of a control and a treatment run). */
export class Migration20251201000003_add_ab_test_results extends PortableMigration {
  override async up(): Promise<void> {
    const d = this.dialect();
    const run = d.varchar(128);
    this.sql(
      `create table if not exists "ab_test_results" ("id" ${d.serial}, "test_id" ${d.varchar(255)} not null, "control_run_id" ${run} not null, "treatment_run_id" ${run} not null, "control_commit_sha" ${d.varchar(64)} null, "treatment_commit_sha" ${d.varchar(64)} null, "control_model_hash" ${d.varchar(128)} null, "treatment_model_hash" ${d.varchar(128)} null, "is_valid" ${d.boolean} not null, "validity_errors" ${d.json} not null, "token_delta" bigint not null, "time_delta_seconds" ${d.double} null, "success_rate_delta" ${d.double} not null, ` +
        `"control_total_tokens" bigint not null, "control_phases_complete" ${d.int} not null, "control_phases_failed" ${d.int} not null, "control_total_phases" ${d.int} not null, ` +
        `"treatment_total_tokens" bigint not null, "treatment_phases_complete" ${d.int} not null, "treatment_phases_failed" ${d.int} not null, "treatment_total_phases" ${d.int} not null, ` +
        `"created_at" ${d.timestamp} not null, "created_by" ${d.varchar(255)} null, ` +
        `constraint "ab_test_results_control_run_id_foreign" foreign key ("control_run_id") references "runs" ("id") on update cascade on delete cascade, ` +
        `constraint "ab_test_results_treatment_run_id_foreign" foreign key ("treatment_run_id") references "runs" ("id") on update cascade on delete cascade)`,
      `create index if not exists "idx_ab_test_id" on "ab_test_results" ("test_id")`,
      `create index if not exists "idx_ab_validity" on "ab_test_results" ("is_valid")`,
      `create index if not exists "idx_ab_control_run_id" on "ab_test_results" ("control_run_id")`,
      `create index if not exists "idx_ab_treatment_run_id" on "ab_test_results" ("treatment_run_id")`,
    );
  }

  override async down(): Promise<void> {
    this.sql('drop table if exists "ab_test_results"');
  }
}
