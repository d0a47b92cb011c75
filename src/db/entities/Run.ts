import { Collection, Entity, OptionalProps, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { createIndexSql } from '../indexes';
import { tokenColumn } from '../types';
import { RUN_STATES, type RunState } from './enums';
import { Phase } from './Phase';
import { ReplayCampaign } from './ReplayCampaign';

@Entity({ tableName: 'runs' })
@Index({ name: 'idx_runs_created_at', expression: createIndexSql('idx_runs_created_at') })
@Index({ name: 'idx_runs_state_created', expression: createIndexSql('idx_runs_state_created') })
export class Run {
  [OptionalProps]?: 'state' | 'safetyProfile' | 'runScope' | 'tokenCap' | 'tokensUsed' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'string', length: 128 })
  id!: string;

  @Enum({ items: () => RUN_STATES, nativeEnumName: undefined, type: 'string', length: 64, default: 'RUN_CREATED' })
  state: RunState = 'RUN_CREATED';

  @Property({ type: 'string', length: 32, default: 'normal' })
  safetyProfile: string = 'normal';

  @Property({ type: 'string', length: 64, default: 'multi_tier' })
  runScope: string = 'multi_tier';

  @Property({ type: 'text', nullable: true })
  goal?: string | null;

  @Property({ type: tokenColumn(), default: 5000000 })
  tokenCap: number = 5000000;

  @Property({ type: tokenColumn(), default: 0 })
  tokensUsed: number = 0;

  @Property({ type: 'string', length: 64, nullable: true })
  gitCommitSha?: string | null;

  @Property({ type: 'string', length: 128, nullable: true })
  modelMappingHash?: string | null;

  @Property({ type: 'text', nullable: true })
  failureReason?: string | null;

  @ManyToOne(() => Run, { nullable: true, deleteRule: 'set null', index: 'idx_runs_replay_of_id' })
  replayOf?: Rel<Run> | null;

  /** The replay campaign that created this run, if any. */
  @ManyToOne(() => ReplayCampaign, { nullable: true, deleteRule: 'set null', index: 'idx_runs_campaign_id' })
  campaign?: Rel<ReplayCampaign> | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** When executeRun queued it (the dispatcher serves the oldest first). */
  @Property({ type: 'datetime', nullable: true })
  queuedAt?: Date | null;

  /** The server instance executing it, while in PHASE_EXECUTION. */
  @Property({ type: 'string', length: 128, nullable: true })
  ownerId?: string | null;

  /** Ownership ends here unless the owner renews it; afterwards the run is recovered as lost. */
  @Property({ type: 'datetime', nullable: true })
  leaseExpiresAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;

  /**
   * Increases with every committed change to the run or anything under it (phases, events, telemetry); written
   * only by src/modules/live/publish.ts, in the writing transaction, so it follows commit order.
   */
  // No initializer: an insert leaves it to the column default (1), and the live publisher sets it on the
  // entities of the transaction it bumps.
  @Property({ type: 'integer', default: 1 })
  version!: number;

  @OneToMany(() => Phase, (p) => p.run)
  phases = new Collection<Phase>(this);
}
