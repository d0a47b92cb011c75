// How far a replay campaign is: its replays counted by state, in one grouped statement.
import { ReplayCampaign } from '../../db/entities';
import type { Em } from '../../db/orm';
import { toSafeInt } from '../../db/types';
import { notFound } from '../../shared/errors';
import { checkId } from '../../shared/validation';

export interface CampaignProgress {
  campaignId: string;
  /** Replays the campaign created (one per selected run). */
  selected: number;
  /** Created, not yet queued (waiting for a free batch slot). */
  waiting: number;
  queued: number;
  running: number;
  finished: number;
  succeeded: number;
  failed: number;
  done: boolean;
}

export async function campaignProgress(em: Em, campaignId: string): Promise<CampaignProgress | null> {
  const rows: { state: string; n: unknown }[] = await em.execute(
    em.getKnex()('runs').select('state').count({ n: '*' }).where('campaign_id', campaignId).groupBy('state'),
  );
  if (!rows.length && !(await em.count(ReplayCampaign, { id: campaignId }))) return null;
  const p: CampaignProgress = { campaignId, selected: 0, waiting: 0, queued: 0, running: 0, finished: 0, succeeded: 0, failed: 0, done: false };
  for (const { state, n } of rows) {
    const count = toSafeInt(n);
    p.selected += count;
    if (state === 'RUN_CREATED') p.waiting += count;
    else if (state === 'QUEUED') p.queued += count;
    else if (state === 'PHASE_EXECUTION') p.running += count;
    else if (state.startsWith('DONE_')) {
      p.finished += count;
      if (state === 'DONE_SUCCESS') p.succeeded += count;
      else p.failed += count;
    }
  }
  p.done = p.selected > 0 && p.finished === p.selected;
  return p;
}

export async function requireCampaignProgress(em: Em, campaignId: string): Promise<CampaignProgress> {
  checkId(campaignId, 'campaign id');
  const progress = await campaignProgress(em, campaignId);
  if (!progress) throw notFound(`Replay campaign not found: ${campaignId}`);
  return progress;
}
