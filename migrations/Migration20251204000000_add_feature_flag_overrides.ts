import { PortableMigration } from './dialect';

/** Runtime kill switch overrides: set through the API, applied by every server without a restart. */
export class Migration20251204000000_add_feature_flag_overrides extends PortableMigration {
  override async up(): Promise<void> {
    const d = this.dialect();
    this.addSql(
      `create table if not exists "feature_flag_overrides" ("flag" ${d.varchar(64)} not null, "enabled" ${d.boolean} not null, "reason" text null, "changed_by" ${d.varchar(128)} not null, "changed_at" ${d.timestamp} not null, ` +
        (d.pg ? `constraint "feature_flag_overrides_pkey" primary key ("flag"))` : `primary key ("flag"))`),
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "feature_flag_overrides"');
  }
}
