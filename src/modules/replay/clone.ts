// Replaying a finished run: a fresh copy (same identity, phases reset) that records what it replays.
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Phase, ReplayCampaign, Run } from '../../db/entities';
import type { Em } from '../../db/orm';
import { conflict, notFound } from '../../shared/errors';
import { emitEvent, type EventSink } from '../events/emit';
import { checkId } from '../../shared/validation';
import { touchRun } from '../live/publish';
import { isFinished } from '../../db/entities/enums';
import { compactUtc } from '../../shared/compact-time';

/** `{id}-replay-{YYYYMMDD-HHMMSS}`, shortened at the front if needed to stay a valid 128-character id. */
export function replayId(originalId: string, at: Date, attempt = 1): string {
  const suffix = `-replay-${compactUtc(at)}${attempt > 1 ? `-${attempt}` : ''}`;
  return `${originalId.slice(0, 128 - suffix.length)}${suffix}`;
}

export interface CloneOptions {
  campaignId?: string | null;
  /** A campaign row to create in the same transaction as its replays (all or nothing). */
  newCampaign?: { id: string; batchSize: number; criteria: Record<string, unknown> };
  /** Queue it right away (replayRun) or leave it RUN_CREATED for its campaign to queue. */
  queue: boolean;
}

/** Clones `original` into a replay within the caller's transaction (no flush). */
async function cloneRun(tx: Em, sink: EventSink, original: Run, opts: CloneOptions, at: Date): Promise<Run> {
  let id = replayId(original.id, at);
  for (let attempt = 2; await tx.count(Run, { id }); attempt++) id = replayId(original.id, at, attempt);
  const replay = tx.create(Run, {
    id,
    safetyProfile: original.safetyProfile,
    runScope: original.runScope,
    goal: original.goal,
    tokenCap: original.tokenCap,
    gitCommitSha: original.gitCommitSha,
    modelMappingHash: original.modelMappingHash,
    replayOf: original,
    campaign: opts.campaignId ? tx.getReference(ReplayCampaign, opts.campaignId) : null,
    ...(opts.queue ? { state: 'QUEUED' as const, queuedAt: at } : {}),
  });
  const phases = await tx.find(Phase, { run: original.id }, { orderBy: { phaseIndex: 'asc', id: 'asc' } });
  for (const p of phases) tx.create(Phase, { run: replay, phaseId: p.phaseId, name: p.name, description: p.description, phaseIndex: p.phaseIndex });
  touchRun(tx, id, { row: true, phases: 'all' });
  if (opts.queue) emitEvent(tx, sink, { runId: id, eventType: 'RUN_QUEUED', message: `Replay of ${original.id} queued for execution` });
  emitEvent(tx, sink, { runId: original.id, eventType: 'RUN_REPLAYED', message: `Replayed as ${id}`, payload: { replayRunId: id } });
  return replay;
}

async function requireFinished(tx: Em, id: string): Promise<Run> {
  const original = await tx.findOne(Run, { id: checkId(id, 'run id') });
  if (!original) throw notFound(`Run not found: ${id}`);
  if (!isFinished(original.state)) throw conflict(`Run ${id} is in state ${original.state}: only finished runs can be replayed`);
  return original;
}

/** Clones each run and flushes, in one transaction; retried once if a concurrent replay took the same id. */
export async function cloneRuns(em: Em, sink: EventSink, originals: string[], opts: CloneOptions): Promise<Run[]> {
  const attempt = () =>
    em.transactional(async (tx) => {
      const at = new Date();
      if (opts.newCampaign) tx.create(ReplayCampaign, opts.newCampaign);
      const replays: Run[] = [];
      for (const id of originals) replays.push(await cloneRun(tx, sink, await requireFinished(tx, id), opts, at));
      await tx.flush();
      return replays;
    });
  try {
    return await attempt();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) return attempt();
    throw e;
  }
}

/** replayRun(id): a queued replay of a finished run. */
export async function replayRun(em: Em, sink: EventSink, id: string): Promise<Run> {
  const [replay] = await cloneRuns(em, sink, [id], { queue: true });
  return replay;
}
