// A run's way through the durable queue: RUN_CREATED -> QUEUED (executeRun) -> PHASE_EXECUTION (claimed by
// one server, under a lease) -> DONE_*. Every transition is a conditional update, so concurrent callers and
// several servers on one database can never both win.
import { LockMode } from '@mikro-orm/core';
import { Phase, Run, type RunState } from '../../db/entities';
import { isPostgres, type Em } from '../../db/orm';
import { conflict, notFound } from '../../shared/errors';
import { emitEvent, type EventSink } from '../events/emit';
import { checkId } from '../../shared/validation';
import { touchRun } from '../live/publish';
import { ACTIVE_PHASE_STATES } from '../../db/entities/enums';

/** Queues a run for execution and returns at once; a dispatcher picks it up. */
export async function executeRun(em: Em, sink: EventSink, id: string): Promise<Run> {
  checkId(id, 'run id');
  return em.transactional(async (tx) => {
    const now = new Date();
    const queued = await tx.nativeUpdate(Run, { id, state: 'RUN_CREATED' }, { state: 'QUEUED', queuedAt: now, updatedAt: now });
    if (!queued) {
      const run = await tx.findOne(Run, { id });
      if (!run) throw notFound(`Run not found: ${id}`);
      throw conflict(`Run ${id} is already in state ${run.state}, cannot execute`);
    }
    emitEvent(tx, sink, { runId: id, eventType: 'RUN_QUEUED', message: 'Run queued for execution' });
    touchRun(tx, id, { row: true });
    return tx.findOneOrFail(Run, { id }, { refresh: true });
  });
}

export interface ClaimedRun {
  id: string;
  /** Replays execute with every Phase 6 switch on (in their executor's environment only). */
  isReplay: boolean;
}

/** Claims up to `count` queued runs (oldest first) for `ownerId`; returns the ones it won. */
export async function claimQueuedRuns(em: Em, sink: EventSink, ownerId: string, count: number, leaseSeconds: number): Promise<ClaimedRun[]> {
  if (count <= 0) return [];
  return em.transactional(async (tx) => {
    // PostgreSQL: rows another server is claiming right now are skipped, not waited for.
    const candidates = await tx.find(
      Run,
      { state: 'QUEUED' },
      {
        fields: ['id', 'replayOf'],
        orderBy: { queuedAt: 'asc', id: 'asc' },
        limit: count,
        ...(isPostgres(tx) ? { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } : {}),
      },
    );
    const claimed: ClaimedRun[] = [];
    const now = new Date();
    for (const { id, replayOf } of candidates) {
      const won = await tx.nativeUpdate(
        Run,
        { id, state: 'QUEUED' },
        { state: 'PHASE_EXECUTION', startedAt: now, updatedAt: now, ownerId, leaseExpiresAt: new Date(now.getTime() + leaseSeconds * 1000) },
      );
      if (!won) continue;
      claimed.push({ id, isReplay: !!replayOf });
      touchRun(tx, id, { row: true });
      emitEvent(tx, sink, { runId: id, eventType: 'RUN_STARTED', message: `Execution started by ${ownerId}` });
    }
    return claimed;
  });
}

/** Extends the lease of the runs this owner is still executing. */
export async function renewLeases(em: Em, ownerId: string, runIds: string[], leaseSeconds: number): Promise<number> {
  if (!runIds.length) return 0;
  return em.nativeUpdate(Run, { id: { $in: runIds }, ownerId, state: 'PHASE_EXECUTION' }, { leaseExpiresAt: new Date(Date.now() + leaseSeconds * 1000) });
}

export interface RunOutcome {
  state: Extract<RunState, `DONE_${string}`>;
  failureReason?: string | null;
}

async function close(tx: Em, sink: EventSink, where: object, runId: string, outcome: RunOutcome): Promise<boolean> {
  const now = new Date();
  const done = await tx.nativeUpdate(
    Run,
    { id: runId, state: 'PHASE_EXECUTION', ...where },
    { state: outcome.state, failureReason: outcome.failureReason ?? null, completedAt: now, updatedAt: now, ownerId: null, leaseExpiresAt: null },
  );
  if (!done) return false;
  touchRun(tx, runId, { row: true, ...(outcome.state !== 'DONE_SUCCESS' ? { phases: 'all' as const } : {}) });
  if (outcome.state !== 'DONE_SUCCESS') {
    // Phases cut off mid-way failed with their run: no phase stays "executing" under a finished run.
    await tx.nativeUpdate(
      Phase,
      { run: runId, state: { $in: [...ACTIVE_PHASE_STATES] } },
      { state: 'FAILED', lastFailureReason: `Run ended: ${outcome.failureReason ?? outcome.state}`, completedAt: now, updatedAt: now },
    );
  }
  emitEvent(tx, sink, {
    runId,
    eventType: outcome.state === 'DONE_SUCCESS' ? 'RUN_COMPLETE' : 'RUN_FAILED',
    message: outcome.failureReason ?? `Run finished: ${outcome.state}`,
    payload: { state: outcome.state },
  });
  return true;
}

/** Records the end of an execution, unless this owner lost the run meanwhile (lease expired). */
export function finishRun(em: Em, sink: EventSink, runId: string, ownerId: string, outcome: RunOutcome): Promise<boolean> {
  return em.transactional((tx) => close(tx, sink, { ownerId }, runId, outcome));
}

export const LEASE_EXPIRED = 'executor lost: lease expired';

/** Fails every executing run whose owner stopped renewing its lease (its server died). */
export async function recoverExpiredLeases(em: Em, sink: EventSink): Promise<string[]> {
  return em.transactional(async (tx) => {
    const now = new Date();
    const expired = await tx.find(Run, { state: 'PHASE_EXECUTION', leaseExpiresAt: { $lt: now } }, { fields: ['id'] });
    const recovered: string[] = [];
    for (const { id } of expired) {
      if (await close(tx, sink, { leaseExpiresAt: { $lt: now } }, id, { state: 'DONE_FAILED_ENVIRONMENT', failureReason: LEASE_EXPIRED })) {
        recovered.push(id);
      }
    }
    return recovered;
  });
}
