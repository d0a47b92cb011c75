import { inList, PortableMigration } from './dialect';

// Frozen copy of the states at the time of this migration; later changes get their own migration.
const RUN_STATES = [
  'RUN_CREATED',
  'PLAN_BOOTSTRAP',
  'DOCS_BOOTSTRAP',
  'QUEUED',
  'PHASE_QUEUEING',
  'PHASE_EXECUTION',
  'GATE',
  'CI_RUNNING',
  'SNAPSHOT_CREATED',
  'DONE_SUCCESS',
  'DONE_FAILED_BUDGET_EXHAUSTED',
  'DONE_FAILED_POLICY_VIOLATION',
  'DONE_FAILED_REQUIRES_HUMAN_REVIEW',
  'DONE_FAILED_ENVIRONMENT',
];
const PHASE_STATES = ['QUEUED', 'EXECUTING', 'GATE', 'CI_RUNNING', 'COMPLETE', 'FAILED', 'SKIPPED'];

/** Runs, their phases and dashboard events: the core tables of the control plane. */
export class Migration20251201000000_initial_schema extends PortableMigration {
  override async up(): Promise<void> {
    const d = this.dialect();
    const ts = d.timestamp;
    this.sql(
      `create table if not exists "runs" ("id" ${d.varchar(128)} not null, "state" text not null default 'RUN_CREATED' ${inList('state', RUN_STATES)}, "safety_profile" ${d.varchar(32)} not null default 'normal', "run_scope" ${d.varchar(64)} not null default 'multi_tier', "goal" text null, "token_cap" bigint not null default 5000000, "tokens_used" bigint not null default 0, "git_commit_sha" ${d.varchar(64)} null, "model_mapping_hash" ${d.varchar(128)} null, "failure_reason" text null, "replay_of_id" ${d.varchar(128)} null, "created_at" ${ts} not null, "updated_at" ${ts} not null, "started_at" ${ts} null, "completed_at" ${ts} null, ` +
        `constraint "runs_replay_of_id_foreign" foreign key ("replay_of_id") references "runs" ("id") on update cascade on delete set null, ` +
        (d.pg ? `constraint "runs_pkey" primary key ("id"))` : `primary key ("id"))`),
      `create index if not exists "idx_runs_replay_of_id" on "runs" ("replay_of_id")`,
      `create table if not exists "phases" ("id" ${d.serial}, "run_id" ${d.varchar(128)} not null, "phase_id" ${d.varchar(128)} not null, "phase_index" ${d.int} not null default 0, "name" ${d.varchar(255)} not null, "description" text null, "state" text not null default 'QUEUED' ${inList('state', PHASE_STATES)}, "tokens_used" bigint not null default 0, "attempts" ${d.int} not null default 0, "last_failure_reason" text null, "created_at" ${ts} not null, "updated_at" ${ts} not null, "started_at" ${ts} null, "completed_at" ${ts} null, ` +
        `constraint "phases_run_id_foreign" foreign key ("run_id") references "runs" ("id") on update cascade on delete cascade` +
        (d.pg ? `, constraint "uq_phases_run_phase" unique ("run_id", "phase_id"))` : ')'),
      ...(d.pg ? [] : [`create unique index if not exists "uq_phases_run_phase" on "phases" ("run_id", "phase_id")`]),
      `create table if not exists "dashboard_events" ("id" ${d.bigserial}, "run_id" ${d.varchar(128)} not null, "phase_id" ${d.int} null, "event_type" ${d.varchar(64)} not null, "message" text null, "payload" ${d.json} null, "created_at" ${ts} not null, ` +
        `constraint "dashboard_events_run_id_foreign" foreign key ("run_id") references "runs" ("id") on update cascade on delete cascade, ` +
        `constraint "dashboard_events_phase_id_foreign" foreign key ("phase_id") references "phases" ("id") on update cascade on delete cascade)`,
      `create index if not exists "idx_dashboard_events_phase_id" on "dashboard_events" ("phase_id")`,
    );
  }

  override async down(): Promise<void> {
    this.sql('drop table if exists "dashboard_events"', 'drop table if exists "phases"', 'drop table if exists "runs"');
  }
}
