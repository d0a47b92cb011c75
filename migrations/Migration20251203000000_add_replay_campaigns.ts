import { PortableMigration } from './dialect';

/**
 * Replay campaigns live in the database: a campaign's replays are created up front and queued at most
 * `batch_size` at a time by whichever server's dispatcher gets there, so a campaign survives restarts.
 */
export class Migration20251203000000_add_replay_campaigns extends PortableMigration {
  override async up(): Promise<void> {
    const d = this.dialect();
    this.addSql(
      `create table if not exists "replay_campaigns" ("id" ${d.varchar(64)} not null, "batch_size" ${d.int} not null, "criteria" ${d.json} not null, "created_at" ${d.timestamp} not null, ` +
        (d.pg ? `constraint "replay_campaigns_pkey" primary key ("id"))` : `primary key ("id"))`),
    );
    const existing = d.pg ? [] : (await this.execute(`select name from pragma_table_info('runs')`)).map((r) => String(r.name));
    if (d.pg) {
      this.addSql(`alter table "runs" add column if not exists "campaign_id" varchar(64) null`);
      this.addSql(
        `do $$ begin if not exists (select 1 from pg_constraint where conname = 'runs_campaign_id_foreign') then ` +
          `alter table "runs" add constraint "runs_campaign_id_foreign" foreign key ("campaign_id") references "replay_campaigns" ("id") on update cascade on delete set null; end if; end $$`,
      );
    } else if (!existing.includes('campaign_id')) {
      // SQLite can add a column with an inline foreign key (it cannot add a constraint afterwards).
      this.addSql(
        `alter table "runs" add column "campaign_id" text null constraint "runs_campaign_id_foreign" references "replay_campaigns" ("id") on update cascade on delete set null`,
      );
    }
    this.addSql(`create index if not exists "idx_runs_campaign_id" on "runs" ("campaign_id")`);
  }

  override async down(): Promise<void> {
    const d = this.dialect();
    this.addSql(`drop index if exists "idx_runs_campaign_id"`);
    if (d.pg) {
      this.addSql(`alter table "runs" drop column if exists "campaign_id"`);
    } else if ((await this.execute(`select name from pragma_table_info('runs')`)).some((r) => r.name === 'campaign_id')) {
      this.addSql(`alter table "runs" drop column "campaign_id"`);
    }
    this.addSql(`drop table if exists "replay_campaigns"`);
  }
}
