// `autopack replay`: the guide's replay campaign, as a client of a running server (runs are only ever
// executed by servers). Starts the campaign, shows its progress live (replayCampaignProgress over graphql-ws)
// while the replays execute, writes one comparison file per finished replay and prints a summary. A server
// that refuses the subscription (an older one without it, or at its subscription limit) is polled instead.
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { toSnake } from '../../shared/snake-case';
import { ApiClient } from '../../cli/client';
import { action, CliExit, out } from '../../cli/output';
import { progressBar } from '../../cli/progress-bar';
import { graphql } from '../../graphql/documents';
import type { ReplayStateQuery } from '../../graphql/documents/graphql';

const CAMPAIGN = graphql(`
  mutation ReplayCampaign($input: ReplayCampaignInput!) {
    replayCampaign(input: $input) {
      campaignId
      dryRun
      selected {
        id
        state
        createdAt
        tokensUsed
      }
      replays {
        id
        replayOf {
          id
        }
      }
    }
  }
`);

graphql(`
  fragment RunOutcome on RunOutcomeSummary {
    state
    tokensUsed
    totalPhases
    phasesComplete
    phasesFailed
  }
`);

const REPLAY_STATE = graphql(`
  query ReplayState($id: ID!) {
    run(id: $id) {
      id
      state
      failureReason
      replayComparison {
        originalRunId
        replayRunId
        generatedAt
        original {
          ...RunOutcome
        }
        replay {
          ...RunOutcome
        }
        deltas {
          tokenDelta
          phaseCompleteDelta
          phaseFailedDelta
        }
      }
    }
  }
`);

type ReplayState = NonNullable<ReplayStateQuery['run']>;

const PROGRESS = `subscription($id: ID!) { replayCampaignProgress(campaignId: $id) { finished selected done } }`;

/** How often the fallback polls, and how often the live view re-reads in case a change fell before it subscribed. */
const POLL_MS = 500;
const RECHECK_MS = 15_000;

/** A replay's state; one that vanished (deleted meanwhile) ends the command with a reason. */
async function readState(api: ApiClient, id: string): Promise<ReplayState> {
  const { run } = await api.gql(REPLAY_STATE, { id });
  if (!run) throw new CliExit(1, `replay ${id} is gone (deleted while the campaign ran?)`);
  return run;
}

const isFinished = (s: ReplayState) => s.state.startsWith('DONE_');

/** The progress line, rewritten in place. */
const showProgress = (done: number, total: number) => process.stdout.write(`\r  ${progressBar(done, total)}`);

/**
 * Follows the campaign over replayCampaignProgress until every replay has finished or the deadline passes.
 * Resolves false, after saying why, when the server refuses the subscription before any progress arrived.
 */
async function followLive(
  baseUrl: string,
  apiKey: string | null,
  campaignId: string,
  readStates: () => Promise<ReplayState[]>,
  deadline: number,
): Promise<boolean> {
  // Loaded when the command runs (graphql-ws, ws): `autopack --help` stays light.
  const { connectLive } = await import('../../cli/live-client');
  const live = connectLive(baseUrl, apiKey);
  let timers: NodeJS.Timeout[] = [];
  try {
    return await new Promise<boolean>((resolve, reject) => {
      let seen = false;
      let settled = false;
      const refused = (reason: string) => {
        if (settled) return;
        settled = true;
        if (seen) return reject(new CliExit(1, reason));
        out(`  (live progress unavailable: ${reason}; polling instead)`);
        resolve(false);
      };
      // After a missed-changes signal or a reconnect: the replays' states, read again.
      const resync = () =>
        readStates().then((states) => {
          const done = states.filter(isFinished).length;
          showProgress(done, states.length);
          if (done === states.length) resolve(true);
        }, reject);
      live.subscribe<{ finished: number; selected: number; done: boolean }>(
        PROGRESS,
        { id: campaignId },
        {
          value: (p) => {
            seen = true;
            showProgress(p.finished, p.selected);
            if (p.done) resolve(true);
          },
          resync,
          failed: (e) => refused(`${e.message} (${e.code})`),
        },
      );
      void live.lost.then(refused);
      timers = [setTimeout(() => resolve(true), Math.max(0, deadline - Date.now())), setInterval(resync, RECHECK_MS)];
    });
  } finally {
    for (const t of timers) clearTimeout(t);
    await live.dispose();
  }
}

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('replay failed runs with Phase 6 features on a running server and compare (client of AUTOPACK_API_URL)')
    .option('--run-id <id...>', 'replay these runs (any finished state unless --state is given)')
    .option('--state <state>', 'FAILED (every DONE_FAILED_* state) or one run state; default FAILED without --run-id')
    .option('--from-date <YYYY-MM-DD>', 'first UTC day of the runs to select (inclusive)')
    .option('--to-date <YYYY-MM-DD>', 'last UTC day (inclusive)')
    .option('--dry-run', 'list what would be replayed, change nothing')
    .option('--batch-size <n>', 'replays executing at a time', '5')
    .option('--timeout <seconds>', 'how long to wait for the replays', '3600')
    .option('--out-dir <dir>', 'where comparison files go', 'archive/replay_results')
    .action(
      action(
        async (opts: {
          runId?: string[];
          state?: string;
          fromDate?: string;
          toDate?: string;
          dryRun?: boolean;
          batchSize: string;
          timeout: string;
          outDir: string;
        }) => {
          const batchSize = Number(opts.batchSize);
          const timeout = Number(opts.timeout);
          if (!Number.isInteger(batchSize) || batchSize < 1) throw new CliExit(2, `--batch-size must be a positive integer, got "${opts.batchSize}"`);
          if (!Number.isFinite(timeout) || timeout <= 0) throw new CliExit(2, `--timeout must be a positive number of seconds, got "${opts.timeout}"`);
          const config = loadConfig();
          const api = ApiClient.fromConfig(config);
          const { replayCampaign: c } = await api.gql(CAMPAIGN, {
            input: { runIds: opts.runId, state: opts.state, fromDate: opts.fromDate, toDate: opts.toDate, dryRun: !!opts.dryRun, batchSize },
          });
          if (!c.selected.length) {
            out('Nothing to replay: no finished run matches the selection.');
            return;
          }
          if (opts.dryRun) {
            out(`Dry run: ${c.selected.length} run(s) would be replayed (nothing was changed):`);
            for (const r of c.selected) out(`  ${r.id.padEnd(48)} ${r.state.padEnd(34)} ${r.createdAt}`);
            return;
          }
          out(`Campaign ${c.campaignId}: replaying ${c.replays.length} run(s), ${batchSize} at a time`);
          const deadline = Date.now() + timeout * 1000;
          const readStates = () => Promise.all(c.replays.map(async (r) => readState(api, r.id)));
          if (!(await followLive(config.apiUrl, config.apiKey, c.campaignId!, readStates, deadline))) {
            for (;;) {
              const states = await readStates();
              const done = states.filter(isFinished).length;
              showProgress(done, states.length);
              if (done === states.length || Date.now() > deadline) break;
              await new Promise((r) => setTimeout(r, POLL_MS));
            }
          }
          const states = await readStates();
          out();
          mkdirSync(opts.outDir, { recursive: true });
          // Totals and changes under headings that say which is which: a replay that used 18,900 tokens like its
          // original shows 18,900 used and a change of 0.
          out(
            `  ${'original'.padEnd(36)} ${'replay'.padEnd(52)} ${'replay state'.padEnd(34)} ${'tokens used'.padStart(11)} ${'tokens +/-'.padStart(11)} ${'complete +/-'.padStart(12)} ${'failed +/-'.padStart(10)}`,
          );
          const problems: string[] = [];
          for (const s of states) {
            if (!s.replayComparison) {
              problems.push(`${s.id}: ${s.state.startsWith('DONE_') ? 'no comparison' : `did not finish within ${timeout} s (state ${s.state})`}`);
              continue;
            }
            const cmp = s.replayComparison;
            writeFileSync(join(opts.outDir, `${s.id}_comparison.json`), `${JSON.stringify(toSnake(cmp), null, 2)}\n`);
            out(
              `  ${cmp.originalRunId.padEnd(36)} ${s.id.padEnd(52)} ${s.state.padEnd(34)} ${String(cmp.replay.tokensUsed).padStart(11)} ${signed(cmp.deltas.tokenDelta).padStart(11)} ${signed(cmp.deltas.phaseCompleteDelta).padStart(12)} ${signed(cmp.deltas.phaseFailedDelta).padStart(10)}`,
            );
            if (/^(No executor configured|Executor could not start)/.test(s.failureReason ?? '')) problems.push(`${s.id} could not start: ${s.failureReason}`);
          }
          out("tokens used: the replay's total; +/-: the replay minus its original (tokens, complete phases, failed phases).");
          out(`Comparisons written to ${opts.outDir}/`);
          if (problems.length) throw new CliExit(1, `${problems.length} replay(s) could not be compared: ${problems.join('; ')}`);
        },
      ),
    );
}
