import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A batch of replays queued at most `batchSize` at a time (see modules/replay). */
@Entity({ tableName: 'replay_campaigns' })
export class ReplayCampaign {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'integer' })
  batchSize!: number;

  /** The selection the campaign was started with (for the record). */
  @Property({ type: 'json' })
  criteria!: Record<string, unknown>;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
