import { Check, Entity, OptionalProps, Index, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { createIndexSql } from '../indexes';
import { tokenColumn } from '../types';
import { Phase } from './Phase';
import { Run } from './Run';

/** One telemetry sample: tokens of one phase in the four Phase 6 P3 categories. */
@Entity({ tableName: 'phase_metrics' })
@Check({ name: 'ck_phase_metrics_total', expression: 'total_tokens = retrieval_tokens + second_opinion_tokens + evidence_request_tokens + base_tokens' })
@Check({
  name: 'ck_phase_metrics_non_negative',
  expression: 'retrieval_tokens >= 0 and second_opinion_tokens >= 0 and evidence_request_tokens >= 0 and base_tokens >= 0',
})
@Index({ name: 'idx_phase_metrics_created_at', expression: createIndexSql('idx_phase_metrics_created_at') })
@Index({ name: 'idx_phase_metrics_run_created', expression: createIndexSql('idx_phase_metrics_run_created') })
@Index({ name: 'idx_phase_metrics_run_created_id', expression: createIndexSql('idx_phase_metrics_run_created_id') })
@Index({ name: 'idx_phase_metrics_phase_created_id', expression: createIndexSql('idx_phase_metrics_phase_created_id') })
export class PhaseMetrics {
  [OptionalProps]?: 'retrievalTokens' | 'secondOpinionTokens' | 'evidenceRequestTokens' | 'baseTokens' | 'totalTokens' | 'createdAt';

  @PrimaryKey({ type: tokenColumn(), autoincrement: true })
  id!: number;

  @ManyToOne(() => Run, { deleteRule: 'cascade', index: 'idx_phase_metrics_run_id' })
  run!: Rel<Run>;

  @ManyToOne(() => Phase, { deleteRule: 'cascade', index: 'idx_phase_metrics_phase_id' })
  phase!: Rel<Phase>;

  @Property({ type: tokenColumn(), default: 0 })
  retrievalTokens: number = 0;

  @Property({ type: tokenColumn(), default: 0 })
  secondOpinionTokens: number = 0;

  @Property({ type: tokenColumn(), default: 0 })
  evidenceRequestTokens: number = 0;

  @Property({ type: tokenColumn(), default: 0 })
  baseTokens: number = 0;

  @Property({ type: tokenColumn(), default: 0 })
  totalTokens: number = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
