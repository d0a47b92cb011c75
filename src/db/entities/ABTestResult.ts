import { Entity, OptionalProps, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { tokenColumn } from '../types';
import { Run } from './Run';

/** A persisted A/B comparison of two runs (treatment minus control). */
@Entity({ tableName: 'ab_test_results' })
export class ABTestResult {
  [OptionalProps]?: 'validityErrors' | 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'string', length: 255, index: 'idx_ab_test_id' })
  testId!: string;

  @ManyToOne(() => Run, { deleteRule: 'cascade', index: 'idx_ab_control_run_id' })
  controlRun!: Rel<Run>;

  @ManyToOne(() => Run, { deleteRule: 'cascade', index: 'idx_ab_treatment_run_id' })
  treatmentRun!: Rel<Run>;

  @Property({ type: 'string', length: 64, nullable: true })
  controlCommitSha?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  treatmentCommitSha?: string | null;

  @Property({ type: 'string', length: 128, nullable: true })
  controlModelHash?: string | null;

  @Property({ type: 'string', length: 128, nullable: true })
  treatmentModelHash?: string | null;

  @Property({ type: 'boolean', index: 'idx_ab_validity' })
  isValid!: boolean;

  @Property({ type: 'json' })
  validityErrors: string[] = [];

  @Property({ type: tokenColumn() })
  tokenDelta!: number;

  @Property({ type: 'double', nullable: true })
  timeDeltaSeconds?: number | null;

  @Property({ type: 'double' })
  successRateDelta!: number;

  @Property({ type: tokenColumn() })
  controlTotalTokens!: number;

  @Property({ type: 'integer' })
  controlPhasesComplete!: number;

  @Property({ type: 'integer' })
  controlPhasesFailed!: number;

  @Property({ type: 'integer' })
  controlTotalPhases!: number;

  @Property({ type: tokenColumn() })
  treatmentTotalTokens!: number;

  @Property({ type: 'integer' })
  treatmentPhasesComplete!: number;

  @Property({ type: 'integer' })
  treatmentPhasesFailed!: number;

  @Property({ type: 'integer' })
  treatmentTotalPhases!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'string', length: 255, nullable: true })
  createdBy?: string | null;
}
