import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { ApiClient } from '../../cli/client';
import { action, CliExit, out } from '../../cli/output';
import { isFinished } from '../../db/entities/enums';
import { graphql } from '../../graphql/documents';
import type { SeedDemoStatusQuery } from '../../graphql/documents/graphql';

interface DemoRun {
  id: string;
  goal: string;
  phases: { phaseId: string; name: string; description?: string }[];
}

// Four runs on one commit and model mapping (comparable in A/B analysis), one of which fails.
function demoRuns(prefix: string): DemoRun[] {
  const phases = (fail: boolean) => [
    { phaseId: 'plan', name: 'Plan the change' },
    { phaseId: 'implement', name: 'Implement', description: 'simulate:sleep=0.2' },
    { phaseId: 'test', name: 'Run the tests', description: fail ? 'simulate:fail' : undefined },
    { phaseId: 'review', name: 'Self review' },
  ];
  return [
    { id: `${prefix}-telemetry-v5`, goal: 'Baseline telemetry collection', phases: phases(false) },
    { id: `${prefix}-telemetry-v6`, goal: 'Phase 6 telemetry collection', phases: phases(false) },
    { id: `${prefix}-docs-refresh`, goal: 'Refresh the rollout docs', phases: phases(false).slice(0, 2) },
    { id: `${prefix}-flaky-build`, goal: 'Build with a failing test phase', phases: phases(true) },
  ];
}

const STATUS = graphql(`
  query SeedDemoStatus($id: ID!) {
    run(id: $id) {
      id
      state
      tokensUsed
      failureReason
      status {
        totalPhases
        completedPhases
        failedPhases
      }
    }
  }
`);
const CREATE_RUN = graphql(`
  mutation SeedDemoCreateRun($input: CreateRunInput!) {
    createRun(input: $input) {
      id
    }
  }
`);
const EXECUTE_RUN = graphql(`
  mutation SeedDemoExecuteRun($id: ID!) {
    executeRun(id: $id) {
      id
    }
  }
`);

type RunStatus = NonNullable<SeedDemoStatusQuery['run']>;

/** A created run's status; one that vanished (deleted meanwhile) ends the command with a reason. */
async function readStatus(api: ApiClient, id: string): Promise<RunStatus> {
  const { run } = await api.gql(STATUS, { id });
  if (!run) throw new CliExit(1, `run ${id} is gone (deleted while seeding?)`);
  return run;
}

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description('create sample runs on a running server, execute them and wait (client of AUTOPACK_API_URL)')
    .option('--prefix <prefix>', 'run id prefix', `demo-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}`)
    .option('--no-execute', 'only create the runs')
    .option('--timeout <seconds>', 'how long to wait for the runs to finish', '120')
    .action(
      action(async (opts: { prefix: string; execute: boolean; timeout: string }) => {
        const config = loadConfig();
        const api = ApiClient.fromConfig(config);
        const runs = demoRuns(opts.prefix);
        out(`Seeding ${runs.length} demo runs on ${api.baseUrl}`);
        for (const run of runs) {
          await api.gql(CREATE_RUN, {
            input: { ...run, gitCommitSha: '4f2a9c1e', modelMappingHash: 'demo-models-v1' },
          });
          out(`  created ${run.id} (${run.phases.length} phases)`);
        }
        if (!opts.execute) return;
        for (const run of runs) await api.gql(EXECUTE_RUN, { id: run.id });
        out('Executing (the server runs AUTOPACK_EXECUTOR_COMMAND for each)...');

        const deadline = Date.now() + Number(opts.timeout) * 1000;
        let statuses: RunStatus[];
        for (;;) {
          statuses = await Promise.all(runs.map((r) => readStatus(api, r.id)));
          const done = statuses.filter((s) => isFinished(s.state)).length;
          process.stdout.write(`\r  ${done}/${runs.length} finished`);
          if (done === runs.length || Date.now() > deadline) break;
          await new Promise((r) => setTimeout(r, 500));
        }
        out();
        for (const s of statuses) {
          out(
            `  ${s.id.padEnd(40)} ${s.state.padEnd(34)} ${String(s.tokensUsed).padStart(8)} tokens  ${s.status.completedPhases}/${s.status.totalPhases} complete`,
          );
        }
        if (statuses.some((s) => s.failureReason?.startsWith('No executor configured'))) {
          out('Hint: start the server with AUTOPACK_EXECUTOR_COMMAND="node dist/examples/reference-executor.js {runId}"');
        }
        const unfinished = statuses.filter((s) => !isFinished(s.state));
        if (unfinished.length) throw new CliExit(1, `${unfinished.length} run(s) did not finish within ${opts.timeout} s`);
        out(`Done. Explore them in GraphiQL: ${api.baseUrl}/graphql`);
      }),
    );
}
