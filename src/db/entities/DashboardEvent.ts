import { Entity, OptionalProps, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { tokenColumn } from '../types';
import { Phase } from './Phase';
import { Run } from './Run';

@Entity({ tableName: 'dashboard_events' })
export class DashboardEvent {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: tokenColumn(), autoincrement: true })
  id!: number;

  @ManyToOne(() => Run, { deleteRule: 'cascade', index: 'idx_dashboard_events_run_id' })
  run!: Rel<Run>;

  @ManyToOne(() => Phase, { nullable: true, deleteRule: 'cascade', index: 'idx_dashboard_events_phase_id' })
  phase?: Rel<Phase> | null;

  @Property({ type: 'string', length: 64, index: 'idx_dashboard_events_event_type' })
  eventType!: string;

  @Property({ type: 'text', nullable: true })
  message?: string | null;

  @Property({ type: 'json', nullable: true })
  payload?: unknown;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
