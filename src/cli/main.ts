// `autopack <command>`: the operator's CLI. Every command calls the service layer in src/modules.
import { Command, CommanderError } from 'commander';
import { packageVersion } from '../config';
import { registerIntegrity } from '../modules/telemetry/integrity.cli';
import { registerAbAnalysis } from '../modules/experiments/ab-analysis.cli';
import { registerDb } from '../modules/ops/db.cli';
import { registerMigrate } from '../modules/ops/migrate.cli';
import { registerReplay } from '../modules/replay/replay.cli';
import { registerPatterns } from '../modules/patterns/patterns.cli';
import { registerRetention } from '../modules/telemetry/retention.cli';
import { registerRolloutCheck } from '../modules/ops/rollout-check.cli';
import { registerSeedDemo } from '../modules/runs/seed-demo.cli';
import { registerWatch } from '../modules/runs/watch.cli';
import { registerServe } from './serve';
import { registerFlags } from '../modules/flags/flags.cli';
import { registerRuns } from '../modules/runs/runs.cli';
import { USAGE_EXIT } from './output';

export function buildProgram(): Command {
  const program = new Command('autopack')
    .description('Autopack Control Plane: control plane and telemetry store of the autonomous build system')
    .showHelpAfterError()
    // Commander's own usage errors (unknown option, missing argument) follow the CLI's rule: exit 2.
    .exitOverride()
    .version(packageVersion());
  registerServe(program);
  registerMigrate(program);
  registerDb(program);
  registerIntegrity(program);
  registerRetention(program);
  registerSeedDemo(program);
  registerPatterns(program);
  registerAbAnalysis(program);
  registerReplay(program);
  registerRolloutCheck(program);
  registerRuns(program);
  registerFlags(program);
  registerWatch(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `autopack migrate status | head -1`: the reader has gone, so stop quietly as a Unix filter does.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(0);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    // Commander already printed its message (and the help); --help and --version end with exit code 0.
    if (!(e instanceof CommanderError)) throw e;
    process.exitCode = e.exitCode === 0 ? 0 : USAGE_EXIT;
  }
}
