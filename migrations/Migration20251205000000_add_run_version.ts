import { PortableMigration } from './dialect';

/**
 * Live updates: every committed change to a run (its row, phases, events or telemetry) increments the run's
 * version in the writing transaction. The row lock orders writers, so versions follow commit order per run and
 * a subscriber can deliver each state once, in order (src/modules/live).
 */
export class Migration20251205000000_add_run_version extends PortableMigration {
  override async up(): Promise<void> {
    const d = this.dialect();
    if (d.pg) return this.addSql(`alter table "runs" add column if not exists "version" ${d.int} not null default 1`);
    // SQLite has no ADD COLUMN IF NOT EXISTS: look first, so the migration stays idempotent.
    const existing = (await this.execute(`select name from pragma_table_info('runs')`)).map((r) => String(r.name));
    if (!existing.includes('version')) this.addSql(`alter table "runs" add column "version" ${d.int} not null default 1`);
  }

  override async down(): Promise<void> {
    const d = this.dialect();
    if (d.pg) return this.addSql('alter table "runs" drop column if exists "version"');
    const existing = (await this.execute(`select name from pragma_table_info('runs')`)).map((r) => String(r.name));
    if (existing.includes('version')) this.addSql('alter table "runs" drop column "version"');
  }
}
