// Writes telemetry "behind the service's back", the way a manual fix or an old backup would: raw SQL with the
// database's own guards switched off. Integrity tests use it to prove the checker finds what slipped through.
import type { Em } from '../../src/db/orm';
import { isPostgres } from '../../src/db/orm';

export interface RawMetricsRow {
  runId: string;
  phasePk: number;
  retrieval: number;
  secondOpinion: number;
  evidenceRequest: number;
  base: number;
  total: number;
  createdAt?: Date;
}

/** Inserts rows that the CHECK constraints would refuse. */
export async function insertUnguarded(em: Em, rows: RawMetricsRow[]): Promise<void> {
  const pg = isPostgres(em);
  if (pg) {
    // The test database is ours: drop the guards like a careless manual migration would.
    await em.execute('alter table phase_metrics drop constraint if exists ck_phase_metrics_total');
    await em.execute('alter table phase_metrics drop constraint if exists ck_phase_metrics_non_negative');
  } else {
    // SQLite can switch CHECK enforcement off for the connection (the pool has exactly one).
    await em.execute('pragma ignore_check_constraints = on');
  }
  try {
    for (const r of rows) {
      await em.execute(
        'insert into phase_metrics (run_id, phase_id, retrieval_tokens, second_opinion_tokens, evidence_request_tokens, base_tokens, total_tokens, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
        [r.runId, r.phasePk, r.retrieval, r.secondOpinion, r.evidenceRequest, r.base, r.total, r.createdAt ?? new Date()],
      );
    }
  } finally {
    if (!pg) await em.execute('pragma ignore_check_constraints = off');
  }
}

/** Sets a run's stored tokens_used directly (what a buggy executor update would leave behind). */
export async function setRunTokensUsed(em: Em, runId: string, tokensUsed: number): Promise<void> {
  await em.execute('update runs set tokens_used = ? where id = ?', [tokensUsed, runId]);
}
