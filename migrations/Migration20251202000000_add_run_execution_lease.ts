import { PortableMigration } from './dialect';

/**
 * Durable execution queue: when a run was queued, which server owns its execution and until when that
 * ownership holds without renewal (a dead server's runs are recovered once the lease expires).
 */
export class Migration20251202000000_add_run_execution_lease extends PortableMigration {
  override async up(): Promise<void> {
    const d = this.dialect();
    const columns: [string, string][] = [
      ['queued_at', `${d.timestamp} null`],
      ['owner_id', `${d.varchar(128)} null`],
      ['lease_expires_at', `${d.timestamp} null`],
    ];
    // SQLite has no ADD COLUMN IF NOT EXISTS: look first, so the migration stays idempotent.
    const existing = d.pg ? [] : (await this.execute(`select name from pragma_table_info('runs')`)).map((r) => String(r.name));
    for (const [name, type] of columns) {
      if (d.pg) this.addSql(`alter table "runs" add column if not exists "${name}" ${type}`);
      else if (!existing.includes(name)) this.addSql(`alter table "runs" add column "${name}" ${type}`);
    }
  }

  override async down(): Promise<void> {
    const d = this.dialect();
    const existing = d.pg ? [] : (await this.execute(`select name from pragma_table_info('runs')`)).map((r) => String(r.name));
    for (const name of ['lease_expires_at', 'owner_id', 'queued_at']) {
      if (d.pg) this.addSql(`alter table "runs" drop column if exists "${name}"`);
      else if (existing.includes(name)) this.addSql(`alter table "runs" drop column "${name}"`);
    }
  }
}
