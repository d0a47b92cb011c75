// The guide's "Replay Campaign Validation" with our CLI: dry run, then a campaign executed for real by the
// reference executor, with comparison files.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DashboardEvent, Phase, Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { runCli } from '../helpers/cli';
import { BACKENDS } from '../helpers/db';
import { nodeExecutor, REFERENCE_EXECUTOR, referenceTokens, waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { connectSubscriber, subscriptionsAtLeast } from '../helpers/live';

const KEY = 'replay-key';

/** Updates the server handed to subscribers of one topic (its /metrics counter). */
async function delivered(t: TestApp, topic: string): Promise<number> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  return Number(new RegExp(`^autopack_live_events_delivered_total\\{topic="${topic}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
}

async function seedFailedRuns(t: TestApp, ids: string[]): Promise<void> {
  const em = forkEm(t.app.orm);
  for (const [i, id] of ids.entries()) {
    const run = em.create(Run, { id, state: 'DONE_FAILED_REQUIRES_HUMAN_REVIEW', tokensUsed: 500, createdAt: new Date(Date.UTC(2026, 10, 20 + i)) });
    em.create(Phase, { run, phaseId: 'plan', name: 'Plan', phaseIndex: 0, state: 'COMPLETE', tokensUsed: 200 });
    em.create(Phase, { run, phaseId: 'build', name: 'Build', phaseIndex: 1, state: 'FAILED', tokensUsed: 300 });
  }
  await em.flush();
}

describe.each(BACKENDS)('replay campaign on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY, AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR, AUTOPACK_DISPATCH_INTERVAL_MS: '100' });
    await seedFailedRuns(t, ['failed-run-121', 'failed-run-122', 'failed-run-123']);
  });
  afterAll(() => t.close());

  const env = () => ({ AUTOPACK_API_URL: t.url, AUTOPACK_API_KEY: KEY });
  const counts = async () => ({ runs: await forkEm(t.app.orm).count(Run, {}), events: await forkEm(t.app.orm).count(DashboardEvent, {}) });

  it('dry run lists the failed runs and changes nothing', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'replay-dry-'));
    const before = await counts();
    const res = await runCli(['replay', '--state', 'FAILED', '--dry-run', '--out-dir', outDir], env());
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Dry run: 3 run\(s\) would be replayed/);
    expect(res.stdout).toMatch(/failed-run-123\s+DONE_FAILED_REQUIRES_HUMAN_REVIEW/);
    expect(await counts()).toEqual(before);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('replays them two at a time, waits, and writes correct comparison files', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'replay-results-'));
    const res = await runCli(['replay', '--batch-size', '2', '--timeout', '60', '--out-dir', outDir], env());
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Campaign campaign-\S+: replaying 3 run\(s\), 2 at a time/);
    expect(res.stdout).toMatch(/\[#{30}\] 3\/3/);
    // Totals and changes are labelled as such: the replay's own tokens, then replay minus original.
    expect(res.stdout).toMatch(/ original +replay +replay state +tokens used +tokens \+\/- +complete \+\/- +failed \+\/-\n/);
    const row = new RegExp(
      `  failed-run-123 +failed-run-123-replay-\\S+ +DONE_\\w+ +${referenceTokens(1).total + referenceTokens(2).total} +[+-]?\\d+ +[+-]?\\d+ +[+-]?\\d+\n`,
    );
    expect(res.stdout).toMatch(row);
    expect(res.stdout).toContain('+/-: the replay minus its original');
    // The progress came from the replayCampaignProgress subscription, not from polling.
    expect(res.stdout).not.toMatch(/polling instead/);
    expect(await delivered(t, 'campaign')).toBeGreaterThan(0);
    const files = readdirSync(outDir).sort();
    expect(files).toHaveLength(3);
    expect(files[2]).toMatch(/^failed-run-123-replay-\d{8}-\d{6}_comparison\.json$/);
    const cmp = JSON.parse(readFileSync(join(outDir, files[2]), 'utf8'));
    const replayTokens = referenceTokens(1).total + referenceTokens(2).total;
    expect(cmp).toEqual({
      original_run_id: 'failed-run-123',
      replay_run_id: files[2].replace('_comparison.json', ''),
      generated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      original: { state: 'DONE_FAILED_REQUIRES_HUMAN_REVIEW', tokens_used: 500, total_phases: 2, phases_complete: 1, phases_failed: 1 },
      replay: { state: 'DONE_SUCCESS', tokens_used: replayTokens, total_phases: 2, phases_complete: 2, phases_failed: 0 },
      deltas: { token_delta: replayTokens - 500, phase_complete_delta: 1, phase_failed_delta: -1 },
    });
    // never more than two replays executing at once: RUN_STARTED of the third came after a RUN_COMPLETE
    const events = await forkEm(t.app.orm).find(
      DashboardEvent,
      { eventType: { $in: ['RUN_STARTED', 'RUN_COMPLETE'] }, run: { $like: '%-replay-%' } },
      { orderBy: { id: 'asc' } },
    );
    let active = 0;
    let peak = 0;
    for (const e of events) {
      active += e.eventType === 'RUN_STARTED' ? 1 : -1;
      peak = Math.max(peak, active);
    }
    expect(peak).toBeLessThanOrEqual(2);

    const nothing = await runCli(['replay', '--state', 'DONE_FAILED_POLICY_VIOLATION'], env());
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toBe('Nothing to replay: no finished run matches the selection.\n');
  });
});

describe('replay progress when the server refuses the subscription', () => {
  it('says so and polls instead, with the same result', async () => {
    // The server's only subscription slot is taken: replayCampaignProgress is refused with LIMIT_EXCEEDED.
    const t = await startTestApp('sqlite', {
      AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR,
      AUTOPACK_DISPATCH_INTERVAL_MS: '100',
      AUTOPACK_LIVE_MAX_SUBSCRIPTIONS: '1',
    });
    const other = await connectSubscriber(t.url);
    try {
      await seedFailedRuns(t, ['failed-run-1', 'failed-run-2']);
      other.subscribe(`subscription { runsUpdated { id } }`);
      await subscriptionsAtLeast(t.app.live.feed, 1);
      const outDir = mkdtempSync(join(tmpdir(), 'replay-poll-'));
      const res = await runCli(['replay', '--timeout', '60', '--out-dir', outDir], { AUTOPACK_API_URL: t.url });
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toMatch(/\(live progress unavailable: This server holds its maximum of 1 subscriptions[^\n]*\(LIMIT_EXCEEDED\); polling instead\)/);
      expect(res.stdout).toMatch(/\[#{30}\] 2\/2/);
      expect(readdirSync(outDir)).toHaveLength(2);
      expect(await delivered(t, 'campaign')).toBe(0);
    } finally {
      await other.dispose();
      await t.close();
    }
  });
});

describe('replays execute with the Phase 6 switches on', () => {
  it('the executor of a replay sees both switches at 1 while the server keeps them off', async () => {
    const t = await startTestApp('sqlite', {
      AUTOPACK_EXECUTOR_COMMAND: nodeExecutor(
        "process.stderr.write([process.env.AUTOPACK_ENABLE_PHASE6_METRICS,process.env.AUTOPACK_ENABLE_CONSOLIDATED_METRICS].join(','));process.exit(5)",
      ),
      AUTOPACK_DISPATCH_INTERVAL_MS: '100',
    });
    try {
      const gql = async (query: string) =>
        (await (
          await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
        ).json()) as any;
      await gql(`mutation { createRun(input: { id: "orig" }) { id } }`);
      await gql(`mutation { executeRun(id: "orig") { id } }`);
      const reason = (id: string) =>
        waitFor(`${id} to finish`, async () => {
          const r = (await gql(`{ run(id: "${id}") { state failureReason } }`)).data.run;
          return r.state.startsWith('DONE_') ? r.failureReason : null;
        });
      expect(await reason('orig')).toBe('Executor failed with exit code 5\n0,0');
      const replay = (await gql(`mutation { replayRun(id: "orig") { id } }`)).data.replayRun.id;
      expect(await reason(replay)).toBe('Executor failed with exit code 5\n1,1');
      expect((await gql(`{ health { killSwitches { phase6Metrics consolidatedMetrics } } }`)).data.health.killSwitches).toEqual({
        phase6Metrics: false,
        consolidatedMetrics: false,
      });
    } finally {
      await t.close();
    }
  });
});
