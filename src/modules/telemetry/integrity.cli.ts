// `autopack integrity [--run-id ID]`: the rollout guide's data validation, on DATABASE_URL.
import type { Command } from 'commander';
import type { IntegrityReport } from './integrity';
import { withDatabase } from '../../cli/database';
import { action, CliExit, out } from '../../cli/output';

function printViolations(report: IntegrityReport): void {
  for (const v of report.metricsViolations) {
    const where = `(run=${v.runId}, phase_metrics.id=${v.metricsId})`;
    if (v.kind === 'TOTAL_MISMATCH') {
      // The guide's own line, so its runbooks and greps keep working.
      out(`DOUBLE COUNTING DETECTED: phase=${v.phaseId}, total=${v.totalTokens}, sum=${v.categorySum} ${where}`);
    } else {
      out(
        `NEGATIVE TOKENS DETECTED: phase=${v.phaseId}, retrieval=${v.retrievalTokens}, second_opinion=${v.secondOpinionTokens}, ` +
          `evidence_request=${v.evidenceRequestTokens}, base=${v.baseTokens} ${where}`,
      );
    }
  }
  const moreMetrics = report.metricsViolationCount - report.metricsViolations.length;
  if (moreMetrics > 0) out(`... and ${moreMetrics} more phase_metrics row(s)`);
  for (const v of report.runViolations) {
    out(`RUN TOKENS MISMATCH: run=${v.runId}, tokens_used=${v.tokensUsed}, sum of phases=${v.phasesTokensUsed}`);
  }
  const moreRuns = report.runViolationCount - report.runViolations.length;
  if (moreRuns > 0) out(`... and ${moreRuns} more run(s)`);
}

export function registerIntegrity(program: Command): void {
  program
    .command('integrity')
    .description('check every phase_metrics row (total = sum of the four categories) and every run (tokens used = sum of its phases); exit 1 on any violation')
    .option('--run-id <id>', 'check one run only')
    .action(
      action((opts: { runId?: string }) =>
        withDatabase(async (orm, config) => {
          const [{ forkEm }, { checkIntegrity }] = await Promise.all([import('../../db/orm'), import('./integrity')]);
          const report = await checkIntegrity(forkEm(orm), opts.runId);
          printViolations(report);
          const scope = report.runId ? `run ${report.runId}` : config.database.display;
          const checked = `${report.metricsRowsChecked} phase_metrics row(s) and ${report.runsChecked} run(s) checked in ${scope}`;
          if (!report.ok) {
            throw new CliExit(
              1,
              `integrity check failed: ${report.metricsViolationCount} bad phase_metrics row(s), ${report.runViolationCount} inconsistent run(s); ${checked}`,
            );
          }
          out(`OK: ${checked}, no double counting`);
        }),
      ),
    );
}
