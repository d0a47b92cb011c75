import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** An operator's runtime value for a kill switch; it wins over the environment until cleared. */
@Entity({ tableName: 'feature_flag_overrides' })
export class FeatureFlagOverride {
  [OptionalProps]?: 'changedAt';

  @PrimaryKey({ type: 'string', length: 64 })
  flag!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'string', length: 128 })
  changedBy!: string;

  @Property({ type: 'datetime' })
  changedAt: Date = new Date();
}
