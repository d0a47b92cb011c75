// `autopack rollout-check`: the rollout guide's Post-Rollout Validation against a running server, as a
// ✓/✗ checklist with what each check saw, and the progressive rollout stage the kill switches are at.
import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { formatStage } from './rollout-stage';
import { action, CliExit, mark, out } from '../../cli/output';
import { runRolloutChecks, ServerUnreachableError, type CheckResult } from './rollout-checks';

const symbol = (c: CheckResult) => (c.status === 'skip' ? '-' : mark(c.status === 'pass'));

function positiveSeconds(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new CliExit(2, `--timeout must be a whole number of seconds (at least 1), got "${raw}"`);
  return Number(raw);
}

export function registerRolloutCheck(program: Command): void {
  program
    .command('rollout-check')
    .description("run the rollout guide's post-rollout smoke checklist against a running server; exit 1 on any failed check")
    .option('--url <url>', 'server base URL (default: AUTOPACK_API_URL, http://127.0.0.1:8000)')
    .option('--api-key <key>', 'API key (default: AUTOPACK_API_KEY)')
    .option('--with-execution', 'also create a throwaway run, execute it and wait for it to finish')
    .option('--timeout <seconds>', 'how long to wait for that run', '120')
    .action(
      action(async (opts: { url?: string; apiKey?: string; withExecution?: boolean; timeout: string }) => {
        const config = loadConfig();
        const baseUrl = (opts.url ?? config.apiUrl).replace(/\/+$/, '');
        const timeoutSeconds = positiveSeconds(opts.timeout);
        out(`Rollout check against ${baseUrl}`);
        let report;
        try {
          report = await runRolloutChecks({
            baseUrl,
            apiKey: opts.apiKey ?? config.apiKey,
            withExecution: !!opts.withExecution,
            timeoutSeconds,
            progress: out,
          });
        } catch (e) {
          if (e instanceof ServerUnreachableError) throw new CliExit(1, e.message);
          throw e;
        }
        for (const c of report.checks) out(`${symbol(c)} ${c.label}: ${c.detail}`);
        out(`Rollout stage: ${report.stage ? formatStage(report.stage) : 'unknown (no kill switches in /health)'}`);
        if (report.createdRuns.length) out(`Created throwaway run(s): ${report.createdRuns.join(', ')}`);
        const count = (s: CheckResult['status']) => report.checks.filter((c) => c.status === s).length;
        out(`${count('pass')} passed, ${count('fail')} failed, ${count('skip')} skipped`);
        if (count('fail')) throw new CliExit(1, `rollout check failed: ${count('fail')} check(s) did not pass`);
      }),
    );
}
