import { Entity, OptionalProps, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { tokenColumn } from '../types';
import { PHASE_STATES, type PhaseState } from './enums';
import { Run } from './Run';

@Entity({ tableName: 'phases' })
@Unique({ name: 'uq_phases_run_phase', properties: ['run', 'phaseId'] })
@Index({ name: 'idx_phases_run_state', properties: ['run', 'state'] })
export class Phase {
  [OptionalProps]?: 'state' | 'phaseIndex' | 'tokensUsed' | 'attempts' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Run, { deleteRule: 'cascade', index: false })
  run!: Rel<Run>;

  @Property({ type: 'string', length: 128 })
  phaseId!: string;

  @Property({ type: 'integer', default: 0 })
  phaseIndex: number = 0;

  @Property({ type: 'string', length: 255 })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Enum({ items: () => PHASE_STATES, type: 'string', length: 32, default: 'QUEUED' })
  state: PhaseState = 'QUEUED';

  @Property({ type: tokenColumn(), default: 0 })
  tokensUsed: number = 0;

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastFailureReason?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  startedAt?: Date | null;

  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date | null;
}
