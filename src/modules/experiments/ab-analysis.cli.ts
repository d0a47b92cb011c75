import type { Command } from 'commander';
import { durationSeconds, successRate, type RunSnapshot } from './analysis';
import { withDatabase } from '../../cli/database';
import { action, CliExit, mark, out } from '../../cli/output';

const num = (n: number) => n.toLocaleString('en-US');
const pct = (delta: number, base: number) => (base === 0 ? 'n/a' : `${delta >= 0 ? '+' : ''}${((delta / base) * 100).toFixed(2)}%`);
const signed = (n: number, unit = '') => `${n >= 0 ? '+' : ''}${num(Math.round(n * 100) / 100)}${unit}`;
const secs = (s: number | null) => (s === null ? 'n/a' : `${s.toFixed(1)} s`);

function describeRun(label: string, r: RunSnapshot): string {
  return `  ${label.padEnd(10)} ${r.id}  ${r.state}  commit=${r.commitSha ?? 'null'}  models=${r.modelHash ?? 'null'}`;
}

export function registerAbAnalysis(program: Command): void {
  program
    .command('ab-analysis')
    .description('compare a treatment run with a control run and store the A/B result (DATABASE_URL)')
    .requiredOption('--control-run <id>', 'control run id')
    .requiredOption('--treatment-run <id>', 'treatment run id')
    .requiredOption('--test-id <id>', 'test id the result is stored under')
    .option('--dry-run', 'compute and print, store nothing')
    .option('--created-by <name>', 'who ran the analysis')
    .action(
      action(async (opts: { controlRun: string; treatmentRun: string; testId: string; dryRun?: boolean; createdBy?: string }) => {
        await withDatabase(async (orm) => {
          const [{ forkEm }, { runAbAnalysis }] = await Promise.all([import('../../db/orm'), import('./service')]);
          const em = forkEm(orm);
          // Unknown runs and unusable inputs are usage errors: exit 2, one line (output.ts).
          const analysis = await runAbAnalysis(em, {
            controlRunId: opts.controlRun,
            treatmentRunId: opts.treatmentRun,
            testId: opts.testId,
            dryRun: opts.dryRun,
            createdBy: opts.createdBy,
          });
          const { result, comparison: c, control, treatment } = analysis;
          out(`A/B analysis ${opts.testId}`);
          out(describeRun('Control', control));
          out(describeRun('Treatment', treatment));
          out(`  Identity   ${c.isValid ? `${mark(true)} same commit SHA and model mapping hash` : `${mark(false)} not a valid comparison`}`);
          for (const m of c.validityErrors) out(`             ${m}`);
          out(
            `  Tokens     control ${num(control.tokensUsed)}  treatment ${num(treatment.tokensUsed)}  delta ${signed(c.tokenDelta)} (${pct(c.tokenDelta, control.tokensUsed)})`,
          );
          out(
            `  Phases     control ${control.phasesComplete}/${control.totalPhases} complete, ${control.phasesFailed} failed  ` +
              `treatment ${treatment.phasesComplete}/${treatment.totalPhases} complete, ${treatment.phasesFailed} failed  ` +
              `success rate ${successRate(control).toFixed(2)}% -> ${successRate(treatment).toFixed(2)}% (${signed(c.successRateDelta, ' pp')})`,
          );
          out(
            `  Time       control ${secs(durationSeconds(control))}  treatment ${secs(durationSeconds(treatment))}  delta ${c.timeDeltaSeconds === null ? 'n/a' : signed(c.timeDeltaSeconds, ' s')}`,
          );
          out(opts.dryRun ? 'Dry run: nothing stored.' : `Stored as A/B result ${result.id} (test ${opts.testId}).`);
          if (!c.isValid) {
            throw new CliExit(1, `not a valid comparison: ${c.validityErrors.filter((m) => m.startsWith('ERROR:')).join('; ')}`);
          }
        });
      }),
    );
}
