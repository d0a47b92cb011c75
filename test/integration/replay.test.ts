import { DashboardEvent, Phase, ReplayCampaign, Run, type PhaseState, type RunState } from '../../src/db/entities';
import { silentLogger } from '../../src/logger';
import { advanceCampaign } from '../../src/modules/replay/campaign';
import { replayId } from '../../src/modules/replay/clone';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const REPLAY = `mutation($id: ID!) {
  replayRun(id: $id) {
    id state replayOf { id } safetyProfile runScope tokenCap tokensUsed gitCommitSha modelMappingHash goal queuedAt
    phases { phaseId name description phaseIndex state tokensUsed }
  }
}`;
const CAMPAIGN = `mutation($input: ReplayCampaignInput!) {
  replayCampaign(input: $input) { campaignId dryRun selected { id } replays { id state replayOf { id } campaignId } }
}`;

async function seed(h: Harness, id: string, state: RunState, createdAt: string, phases: PhaseState[], extra: Partial<Run> = {}) {
  const em = h.em();
  const run = em.create(Run, {
    id,
    state,
    createdAt: new Date(createdAt),
    safetyProfile: 'strict',
    runScope: 'single_tier',
    tokenCap: 777,
    gitCommitSha: 'abc123',
    modelMappingHash: 'models-1',
    goal: `goal of ${id}`,
    tokensUsed: 100 * phases.length,
    ...extra,
  });
  phases.forEach((s, i) =>
    em.create(Phase, { run, phaseId: `p${i}`, name: `Phase ${i}`, description: `d${i}`, phaseIndex: i * 10, state: s, tokensUsed: 100 }),
  );
  await em.flush();
}

describe.each(BACKENDS)('replays on %s', (backend) => {
  let h: Harness;
  const counts = async () => ({
    runs: await h.em().count(Run, {}),
    phases: await h.em().count(Phase, {}),
    events: await h.em().count(DashboardEvent, {}),
    campaigns: await h.em().count(ReplayCampaign, {}),
  });

  beforeAll(async () => {
    h = await createHarness(backend);
    await seed(h, 'failed-a', 'DONE_FAILED_ENVIRONMENT', '2026-11-01T00:00:00Z', ['COMPLETE', 'FAILED']);
    await seed(h, 'failed-b', 'DONE_FAILED_REQUIRES_HUMAN_REVIEW', '2026-11-02T23:59:59Z', ['FAILED']);
    await seed(h, 'failed-c', 'DONE_FAILED_BUDGET_EXHAUSTED', '2026-11-03T00:00:00Z', ['COMPLETE', 'COMPLETE', 'FAILED']);
    await seed(h, 'good', 'DONE_SUCCESS', '2026-11-02T12:00:00Z', ['COMPLETE']);
    await seed(h, 'busy', 'PHASE_EXECUTION', '2026-11-02T12:00:00Z', ['EXECUTING']);
  });
  afterAll(() => h.close());

  it('replayRun clones identity and phases, resets progress and queues the replay', async () => {
    const before = Date.now();
    const res = await h.exec(REPLAY, { id: 'failed-a' });
    expect(res.errors).toBeUndefined();
    const r = res.data!.replayRun;
    expect(r.id).toMatch(/^failed-a-replay-\d{8}-\d{6}$/);
    expect(r.id).toBe(replayId('failed-a', new Date(Math.floor(Date.parse(r.queuedAt) / 1000) * 1000)));
    expect(Date.parse(r.queuedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(r).toMatchObject({
      state: 'QUEUED',
      replayOf: { id: 'failed-a' },
      safetyProfile: 'strict',
      runScope: 'single_tier',
      tokenCap: 777,
      tokensUsed: 0,
      gitCommitSha: 'abc123',
      modelMappingHash: 'models-1',
      goal: 'goal of failed-a',
      phases: [
        { phaseId: 'p0', name: 'Phase 0', description: 'd0', phaseIndex: 0, state: 'QUEUED', tokensUsed: 0 },
        { phaseId: 'p1', name: 'Phase 1', description: 'd1', phaseIndex: 10, state: 'QUEUED', tokensUsed: 0 },
      ],
    });
    const events = await h.em().find(DashboardEvent, { run: { $in: ['failed-a', r.id] } }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.run.id, e.eventType])).toEqual([
      [r.id, 'RUN_QUEUED'],
      ['failed-a', 'RUN_REPLAYED'],
    ]);
    const original = await h.exec(`{ run(id: "failed-a") { replays { id } replayComparison { originalRunId } } }`);
    expect(original.data!.run).toEqual({ replays: [{ id: r.id }], replayComparison: null });
  });

  it('a second replay in the same second gets a -2 suffix', () => {
    const at = new Date(Date.UTC(2026, 10, 27, 17, 5, 9));
    expect(replayId('run-1', at)).toBe('run-1-replay-20261127-170509');
    expect(replayId('run-1', at, 2)).toBe('run-1-replay-20261127-170509-2');
    expect(replayId('x'.repeat(128), at)).toHaveLength(128);
  });

  it('two replays of one run at once both succeed with distinct ids', async () => {
    const [a, b] = await Promise.all([h.exec(REPLAY, { id: 'failed-b' }), h.exec(REPLAY, { id: 'failed-b' })]);
    expect(a.errors ?? b.errors).toBeUndefined();
    expect(a.data!.replayRun.id).not.toBe(b.data!.replayRun.id);
  });

  it.each([
    ['an unfinished run', 'busy', 'CONFLICT', 'Run busy is in state PHASE_EXECUTION: only finished runs can be replayed'],
    ['an unknown run', 'ghost', 'NOT_FOUND', 'Run not found: ghost'],
  ])('refuses to replay %s and writes nothing', async (_l, id, code, message) => {
    const before = await counts();
    const res = await h.exec(REPLAY, { id });
    expect(res.errors![0]).toMatchObject({ message, extensions: { code } });
    expect(await counts()).toEqual(before);
  });

  it('a dry-run campaign selects failed, non-replay runs by whole UTC days and writes nothing', async () => {
    const before = await counts();
    const all = await h.exec(CAMPAIGN, { input: { dryRun: true } });
    expect(all.data!.replayCampaign).toEqual({
      campaignId: null,
      dryRun: true,
      selected: [{ id: 'failed-a' }, { id: 'failed-b' }, { id: 'failed-c' }],
      replays: [],
    });
    const days = await h.exec(CAMPAIGN, { input: { dryRun: true, fromDate: '2026-11-02', toDate: '2026-11-02' } });
    expect(days.data!.replayCampaign.selected).toEqual([{ id: 'failed-b' }]);
    const byId = await h.exec(CAMPAIGN, { input: { dryRun: true, runIds: ['good', 'failed-c'] } });
    // explicit run ids: any finished state, oldest first
    expect(byId.data!.replayCampaign.selected).toEqual([{ id: 'good' }, { id: 'failed-c' }]);
    const success = await h.exec(CAMPAIGN, { input: { dryRun: true, state: 'DONE_SUCCESS' } });
    expect(success.data!.replayCampaign.selected).toEqual([{ id: 'good' }]);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [{ fromDate: '2026-13-01' }, /fromDate must be a date YYYY-MM-DD/],
    [{ fromDate: '2026-11-05', toDate: '2026-11-01' }, /fromDate 2026-11-05 is after toDate 2026-11-01/],
    [{ state: 'BROKEN' }, /state must be FAILED or a run state/],
    [{ batchSize: 0 }, /batchSize must be between 1 and 100/],
  ])('refuses campaign input %j', async (input, message) => {
    const before = await counts();
    const res = await h.exec(CAMPAIGN, { input });
    expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('a campaign creates every replay and queues at most batchSize at a time', async () => {
    const res = await h.exec(CAMPAIGN, { input: { batchSize: 2 } });
    const c = res.data!.replayCampaign;
    expect(c.campaignId).toMatch(/^campaign-\d{8}-\d{6}-[0-9a-f]{4}$/);
    expect(c.selected.map((r: { id: string }) => r.id)).toEqual(['failed-a', 'failed-b', 'failed-c']);
    expect(c.replays.map((r: any) => [r.replayOf.id, r.state, r.campaignId])).toEqual([
      ['failed-a', 'QUEUED', c.campaignId],
      ['failed-b', 'QUEUED', c.campaignId],
      ['failed-c', 'RUN_CREATED', c.campaignId],
    ]);
    const sink = { config: h.config, logger: silentLogger };
    expect(await advanceCampaign(h.em(), sink, c.campaignId)).toEqual([]); // still two active
    await h.em().nativeUpdate(Run, { id: c.replays[0].id }, { state: 'DONE_SUCCESS' });
    expect(await advanceCampaign(h.em(), sink, c.campaignId)).toEqual([c.replays[2].id]);
    // replays of replays are not selected again
    const again = await h.exec(CAMPAIGN, { input: { dryRun: true } });
    expect(again.data!.replayCampaign.selected.map((r: { id: string }) => r.id)).toEqual(['failed-a', 'failed-b', 'failed-c']);
    const withReplays = await h.exec(CAMPAIGN, { input: { dryRun: true, includeReplays: true, state: 'DONE_SUCCESS' } });
    expect(withReplays.data!.replayCampaign.selected.map((r: { id: string }) => r.id)).toContain(c.replays[0].id);
  });

  it('compares a finished replay with its original (replay minus original)', async () => {
    const replay = (await h.exec(REPLAY, { id: 'failed-c' })).data!.replayRun.id;
    const em = h.em();
    await em.nativeUpdate(Run, { id: replay }, { state: 'DONE_SUCCESS', tokensUsed: 250 });
    await em.nativeUpdate(Phase, { run: replay }, { state: 'COMPLETE' });
    const res = await h.exec(
      `{ run(id: "${replay}") { replayComparison { originalRunId replayRunId generatedAt original { state tokensUsed totalPhases phasesComplete phasesFailed } replay { state tokensUsed totalPhases phasesComplete phasesFailed } deltas { tokenDelta phaseCompleteDelta phaseFailedDelta } } } }`,
    );
    expect(res.data!.run.replayComparison).toEqual({
      originalRunId: 'failed-c',
      replayRunId: replay,
      generatedAt: expect.any(String),
      original: { state: 'DONE_FAILED_BUDGET_EXHAUSTED', tokensUsed: 300, totalPhases: 3, phasesComplete: 2, phasesFailed: 1 },
      replay: { state: 'DONE_SUCCESS', tokensUsed: 250, totalPhases: 3, phasesComplete: 3, phasesFailed: 0 },
      deltas: { tokenDelta: -50, phaseCompleteDelta: 1, phaseFailedDelta: -1 },
    });
  });
});
