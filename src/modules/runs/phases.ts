// Phase progress reported by executors: allowed transitions only, timestamps, events, and the run's
// tokens_used kept equal to the sum of its phases in the same transaction, under the run row's lock.
import { Phase, Run, type PhaseState } from '../../db/entities';
import type { Em } from '../../db/orm';
import { badInput, conflict, notFound } from '../../shared/errors';
import { emitEvent, type EventSink } from '../events/emit';
import { touchRun } from '../live/publish';
import { checkId, checkLength, checkNonNegative } from '../../shared/validation';

/** state -> states it may move to. Retrying a failed phase counts another attempt. */
const PHASE_TRANSITIONS: Record<PhaseState, readonly PhaseState[]> = {
  QUEUED: ['EXECUTING', 'SKIPPED'],
  EXECUTING: ['GATE', 'CI_RUNNING', 'COMPLETE', 'FAILED'],
  GATE: ['CI_RUNNING', 'COMPLETE', 'FAILED'],
  CI_RUNNING: ['COMPLETE', 'FAILED'],
  FAILED: ['EXECUTING'],
  COMPLETE: [],
  SKIPPED: [],
};

const EVENT_FOR: Partial<Record<PhaseState, string>> = { EXECUTING: 'PHASE_STARTED', COMPLETE: 'PHASE_COMPLETE', FAILED: 'PHASE_FAILED' };

export interface UpdatePhaseInput {
  runId: string;
  phaseId: string;
  state?: PhaseState | null;
  tokensUsed?: number | null;
  failureReason?: string | null;
}

export async function updatePhase(em: Em, sink: EventSink, input: UpdatePhaseInput): Promise<Phase> {
  checkId(input.runId, 'run id');
  checkId(input.phaseId, 'phase id');
  if (input.tokensUsed !== null && input.tokensUsed !== undefined) checkNonNegative(input.tokensUsed, 'tokensUsed');
  const reason = checkLength(input.failureReason, 'failureReason', 10_000);
  if (!input.state && (input.tokensUsed === null || input.tokensUsed === undefined)) {
    throw badInput('Nothing to update: give a state, tokensUsed or both');
  }

  return em.transactional(async (tx) => {
    // Writers of one run take its row first (PostgreSQL: that row; SQLite: the database): the run's
    // tokens_used below is a sum over its phases, and under READ COMMITTED two updates of sibling phases summing
    // at once would each miss the other's phase (lost tokens); the run's version must also follow commit
    // order. Run before phase is also the lock order of finishRun, so the two cannot deadlock.
    await lockRun(tx, input.runId);
    const phase = await tx.findOne(Phase, { run: input.runId, phaseId: input.phaseId }, { populate: ['run'] });
    if (!phase) {
      if (!(await tx.count(Run, { id: input.runId }))) throw notFound(`Run not found: ${input.runId}`);
      throw notFound(`Phase not found: ${input.phaseId} in run ${input.runId}`);
    }
    if (phase.run.state !== 'PHASE_EXECUTION') {
      throw conflict(`Run ${input.runId} is not executing (state ${phase.run.state}): phases can only be updated while it runs`);
    }
    const from = phase.state;
    const to = input.state ?? from;
    const now = new Date();
    const changes: Partial<Phase> = { updatedAt: now };
    if (to !== from) {
      if (!PHASE_TRANSITIONS[from].includes(to)) throw conflict(`Phase ${input.phaseId} cannot go from ${from} to ${to}`);
      changes.state = to;
      if (to === 'EXECUTING') {
        changes.attempts = phase.attempts + 1;
        changes.startedAt = phase.startedAt ?? now;
        changes.completedAt = null;
      }
      if (to === 'COMPLETE' || to === 'FAILED' || to === 'SKIPPED') changes.completedAt = now;
      if (to === 'FAILED') changes.lastFailureReason = reason ?? 'Phase failed';
    }
    if (input.tokensUsed !== null && input.tokensUsed !== undefined) changes.tokensUsed = input.tokensUsed;

    // Conditional on the state we read: a concurrent update of the same phase makes this one a CONFLICT.
    const updated = await tx.nativeUpdate(Phase, { id: phase.id, state: from }, changes);
    if (!updated) throw conflict(`Phase ${input.phaseId} was changed concurrently; read it again and retry`);
    if (changes.tokensUsed !== undefined) {
      // Summed once, under the run lock, and that very value checked and written: the run's total is the
      // sum over its phases, and it must stay a SafeInt or the run could not be read back.
      const [{ total }] = await tx
        .getConnection()
        .execute<{ total: unknown }[]>(
          'select coalesce(sum(tokens_used), 0) as total from phases where run_id = ?',
          [input.runId],
          'all',
          tx.getTransactionContext(),
        );
      if (Number(total) > Number.MAX_SAFE_INTEGER) {
        throw badInput(`tokensUsed ${changes.tokensUsed} would bring run ${input.runId} past 2^53 - 1 tokens in total`, { field: 'tokensUsed' });
      }
      await tx.nativeUpdate(Run, { id: input.runId }, { tokensUsed: Number(total), updatedAt: now });
    }
    touchRun(tx, input.runId, { phases: [phase.id], row: changes.tokensUsed !== undefined });
    const eventType = to !== from ? EVENT_FOR[to] : undefined;
    if (eventType) {
      emitEvent(tx, sink, {
        runId: input.runId,
        phase,
        eventType,
        message: to === 'FAILED' ? (changes.lastFailureReason as string) : `${phase.name}: ${from} -> ${to}`,
        payload: { from, to, attempt: changes.attempts ?? phase.attempts },
      });
    }
    await tx.flush();
    return tx.findOneOrFail(Phase, { id: phase.id }, { refresh: true });
  });
}

/** Takes the run row's write lock for the rest of the transaction (a no-op write both backends lock for). */
async function lockRun(tx: Em, runId: string): Promise<void> {
  await tx.getConnection().execute('update runs set updated_at = updated_at where id = ?', [runId], 'run', tx.getTransactionContext());
}
