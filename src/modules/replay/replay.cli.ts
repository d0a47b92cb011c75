// `autopack replay`: the guide's replay campaign, as a client of a running server (runs are only ever
// executed by servers). Starts the campaign, shows progress while the replays execute, writes one
// comparison file per finished replay and prints a summary.
import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { toSnake } from '../../shared/snake-case';
import { ApiClient } from '../../cli/client';
import { action, CliExit, out } from '../../cli/output';
import { isFinished } from '../../db/entities/enums';

const CAMPAIGN = `mutation($input: ReplayCampaignInput!) {
  replayCampaign(input: $input) { campaignId dryRun selected { id state createdAt tokensUsed } replays { id replayOf { id } } }
}`;

const REPLAY_STATE = `query($id: ID!) {
  run(id: $id) {
    id state failureReason
    replayComparison {
      originalRunId replayRunId generatedAt
      original { state tokensUsed totalPhases phasesComplete phasesFailed }
      replay { state tokensUsed totalPhases phasesComplete phasesFailed }
      deltas { tokenDelta phaseCompleteDelta phaseFailedDelta }
    }
  }
}`;

interface ReplayState {
  id: string;
  state: string;
  failureReason: string | null;
  replayComparison: {
    originalRunId: string;
    replayRunId: string;
    original: { state: string; tokensUsed: number };
    replay: { state: string; tokensUsed: number };
    deltas: { tokenDelta: number; phaseCompleteDelta: number; phaseFailedDelta: number };
  } | null;
}

function bar(done: number, total: number, width = 30): string {
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
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
          const api = ApiClient.fromConfig(loadConfig());
          const { replayCampaign: c } = await api.gql<{
            replayCampaign: {
              campaignId: string | null;
              selected: { id: string; state: string; createdAt: string; tokensUsed: number }[];
              replays: { id: string; replayOf: { id: string } }[];
            };
          }>(CAMPAIGN, {
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
          let states: ReplayState[];
          for (;;) {
            states = await Promise.all(c.replays.map(async (r) => (await api.gql<{ run: ReplayState }>(REPLAY_STATE, { id: r.id })).run));
            const done = states.filter((s) => isFinished(s.state)).length;
            process.stdout.write(`\r  ${bar(done, states.length)}`);
            if (done === states.length || Date.now() > deadline) break;
            await new Promise((r) => setTimeout(r, 500));
          }
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
              problems.push(`${s.id}: ${isFinished(s.state) ? 'no comparison' : `did not finish within ${timeout} s (state ${s.state})`}`);
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
