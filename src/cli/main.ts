// `autopack <command>`: the operator's CLI. Every command calls the service layer in src/modules.
import { Command } from 'commander';
import { packageVersion } from '../config';
import { registerIntegrity } from './integrity';
import { registerAbAnalysis } from './ab-analysis';
import { registerDb } from './db';
import { registerMigrate } from './migrate';
import { registerReplay } from './replay';
import { registerPatterns } from './patterns';
import { registerRetention } from './retention';
import { registerRolloutCheck } from './rollout-check';
import { registerSeedDemo } from './seed-demo';
import { registerServe } from './serve';

export function buildProgram(): Command {
  const program = new Command('autopack')
    .description('Autopack Control Plane: control plane and telemetry store of the autonomous build system')
    .showHelpAfterError()
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
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
