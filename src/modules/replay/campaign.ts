// Replay campaigns: select finished runs, replay them all, at most `batchSize` executing at a time.
// The campaign and its replays are rows, so any server's dispatcher can advance it, also after restarts.
import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { ReplayCampaign, Run, RUN_STATES, type RunState } from '../../db/entities';
import { isPostgres, type Em } from '../../db/orm';
import { badInput, notFound } from '../../shared/errors';
import { emitEvent, type EventSink } from '../events/emit';
import { checkId, checkLimit } from '../../shared/validation';
import { cloneRuns } from './clone';
import { touchRun } from '../live/publish';
import { isFailed, isFinished } from '../../db/entities/enums';
import { compactUtc } from '../../shared/compact-time';

export interface CampaignInput {
  /** FAILED (every DONE_FAILED_* state, the default without runIds) or one RunState. */
  state?: string | null;
  runIds?: string[] | null;
  /** Whole UTC days, YYYY-MM-DD, both ends inclusive, on the run's creation time. */
  fromDate?: string | null;
  toDate?: string | null;
  dryRun?: boolean | null;
  batchSize?: number | null;
  /** Also select runs that are themselves replays. */
  includeReplays?: boolean | null;
}

export interface CampaignResult {
  campaignId: string | null;
  dryRun: boolean;
  selected: Run[];
  replays: Run[];
}

const MAX_CAMPAIGN_RUNS = 1000;
const FAILED_STATES = RUN_STATES.filter(isFailed);
const FINISHED_STATES = RUN_STATES.filter(isFinished);

/** Start of the UTC day `value` (YYYY-MM-DD), or of the next day for an inclusive upper bound. */
function day(value: string, field: string, nextDay: boolean): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!d || d.toISOString().slice(0, 10) !== value) throw badInput(`${field} must be a date YYYY-MM-DD, got "${value.slice(0, 40)}"`, { field });
  return nextDay ? new Date(d.getTime() + 86_400_000) : d;
}

/** The runs a campaign would replay, oldest first. */
async function selectRuns(em: Em, input: CampaignInput): Promise<Run[]> {
  if ((input.runIds?.length ?? 0) > MAX_CAMPAIGN_RUNS) {
    throw badInput(`At most ${MAX_CAMPAIGN_RUNS} runIds per campaign, got ${input.runIds!.length}`, { field: 'runIds' });
  }
  const ids = (input.runIds ?? []).map((id) => checkId(id, 'run id'));
  const state = input.state ?? (ids.length ? null : 'FAILED');
  if (state && state !== 'FAILED' && !(RUN_STATES as readonly string[]).includes(state)) {
    throw badInput(`state must be FAILED or a run state (${RUN_STATES.join(', ')}), got "${state.slice(0, 40)}"`, { field: 'state' });
  }
  const from = input.fromDate ? day(input.fromDate, 'fromDate', false) : null;
  const to = input.toDate ? day(input.toDate, 'toDate', true) : null;
  if (from && to && from >= to) throw badInput(`fromDate ${input.fromDate} is after toDate ${input.toDate}`, { field: 'fromDate' });

  const where: Record<string, unknown> = {
    state: state === 'FAILED' ? { $in: FAILED_STATES } : state ? (state as RunState) : { $in: FINISHED_STATES },
  };
  if (ids.length) where.id = { $in: ids };
  if (from || to) where.createdAt = { ...(from ? { $gte: from } : {}), ...(to ? { $lt: to } : {}) };
  if (!input.includeReplays) where.replayOf = null;
  const runs = await em.find(Run, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: MAX_CAMPAIGN_RUNS + 1 });
  if (runs.length > MAX_CAMPAIGN_RUNS) throw badInput(`More than ${MAX_CAMPAIGN_RUNS} runs match: narrow the selection (dates, state or run ids)`);
  const missing = ids.filter((id) => !runs.some((r) => r.id === id));
  if (missing.length && !(await em.count(Run, { id: { $in: missing } }))) throw notFound(`Run not found: ${missing.join(', ')}`);
  return runs.filter((r) => isFinished(r.state));
}

const campaignId = () => `campaign-${compactUtc(new Date())}-${randomBytes(2).toString('hex')}`;

/** Selects and (unless dryRun) creates the campaign with all its replays, then queues the first batch. */
export async function startCampaign(em: Em, sink: EventSink, input: CampaignInput): Promise<CampaignResult> {
  const batchSize = checkLimit(input.batchSize ?? 5, 'batchSize', 100);
  const selected = await selectRuns(em, input);
  if (input.dryRun || !selected.length) return { campaignId: null, dryRun: !!input.dryRun, selected, replays: [] };
  const id = campaignId();
  // The campaign and its replays are written together: a run that changed meanwhile leaves no empty campaign.
  const newCampaign = { id, batchSize, criteria: { ...input, dryRun: undefined } };
  await cloneRuns(
    em,
    sink,
    selected.map((r) => r.id),
    { queue: false, campaignId: id, newCampaign },
  );
  await advanceCampaign(em, sink, id);
  return {
    campaignId: id,
    dryRun: false,
    selected,
    replays: await em.find(Run, { campaign: id }, { orderBy: { createdAt: 'asc', id: 'asc' }, refresh: true }),
  };
}

/** Queues a campaign's waiting replays while fewer than batchSize of them are queued or executing. */
export async function advanceCampaign(em: Em, sink: EventSink, id: string): Promise<string[]> {
  return em.transactional(async (tx) => {
    // Serialise servers advancing the same campaign (SQLite serialises writers by itself).
    const campaign = await tx.findOne(ReplayCampaign, { id }, isPostgres(tx) ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
    if (!campaign) return [];
    const active = await tx.count(Run, { campaign: id, state: { $in: ['QUEUED', 'PHASE_EXECUTION'] } });
    const free = campaign.batchSize - active;
    if (free <= 0) return [];
    const waiting = await tx.find(
      Run,
      { campaign: id, state: 'RUN_CREATED' },
      { fields: ['id', 'replayOf'], orderBy: { createdAt: 'asc', id: 'asc' }, limit: free },
    );
    const now = new Date();
    const queued: string[] = [];
    for (const run of waiting) {
      if (!(await tx.nativeUpdate(Run, { id: run.id, state: 'RUN_CREATED' }, { state: 'QUEUED', queuedAt: now, updatedAt: now }))) continue;
      queued.push(run.id);
      touchRun(tx, run.id, { row: true });
      emitEvent(tx, sink, { runId: run.id, eventType: 'RUN_QUEUED', message: `Replay of ${run.replayOf?.id} queued by ${id}` });
    }
    return queued;
  });
}

/** One dispatcher round: advance every campaign that still has replays waiting. */
export async function advanceCampaigns(em: Em, sink: EventSink): Promise<void> {
  const rows = await em.find(Run, { campaign: { $ne: null }, state: 'RUN_CREATED' }, { fields: ['campaign'] });
  const ids = [...new Set(rows.map((r) => r.campaign!.id))];
  for (const id of ids) await advanceCampaign(em.fork(), sink, id);
}
