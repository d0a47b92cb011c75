// `autopack runs create|list|show`: runs on DATABASE_URL through the same service as createRun, so the
// guide's example runs (test-run-id, telemetry-v5, ...) exist without writing a GraphQL mutation.
import type { Command } from 'commander';
import type { Run, RunState } from '../../db/entities';
import { RUN_STATES } from '../../db/entities/enums';
import { MAX_PAGE_SIZE } from './limits';
import { withDatabase } from '../../cli/database';
import { action, CliExit, out } from '../../cli/output';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : '-');

function identity(run: Run): string {
  return `commit=${run.gitCommitSha ?? 'null'}  models=${run.modelMappingHash ?? 'null'}`;
}

export function registerRuns(program: Command): void {
  const runs = program.command('runs').description('create, list and show runs (DATABASE_URL)');

  runs
    .command('create')
    .description('create a run in RUN_CREATED with the given phases (execute it with POST /api/runs/ID/execute)')
    .requiredOption('--id <id>', 'run id (1-128 of A-Z a-z 0-9 . _ -)')
    .option('--phases <list>', 'comma-separated phase ids, in order (each is also the phase name)')
    .option('--commit <sha>', 'git commit SHA (A/B analysis compares it)')
    .option('--model-hash <hash>', 'model mapping hash (A/B analysis compares it)')
    .option('--goal <text>', 'what the run is for')
    .action(
      action((opts: { id: string; phases?: string; commit?: string; modelHash?: string; goal?: string }) =>
        withDatabase(async (orm, config) => {
          const [{ forkEm }, { createRun }] = await Promise.all([import('../../db/orm'), import('./service')]);
          const phaseIds = opts.phases === undefined ? [] : opts.phases.split(',').map((p) => p.trim());
          const run = await createRun(forkEm(orm), {
            id: opts.id,
            gitCommitSha: opts.commit,
            modelMappingHash: opts.modelHash,
            goal: opts.goal,
            phases: phaseIds.map((phaseId) => ({ phaseId, name: phaseId })),
          });
          out(
            `Created run ${run.id} on ${config.database.display}: ${run.state}, ${phaseIds.length} phase(s)${phaseIds.length ? ` (${phaseIds.join(', ')})` : ''}, ${identity(run)}`,
          );
        }),
      ),
    );

  runs
    .command('list')
    .description('newest runs first')
    .option('--state <state>', `only runs in this state (${RUN_STATES.join(', ')})`)
    .option('--first <n>', `how many (1-${MAX_PAGE_SIZE})`, '20')
    .action(
      action((opts: { state?: string; first: string }) =>
        withDatabase(async (orm) => {
          const [{ forkEm }, { listRuns }] = await Promise.all([import('../../db/orm'), import('./service')]);
          if (opts.state !== undefined && !(RUN_STATES as readonly string[]).includes(opts.state)) {
            throw new CliExit(2, `--state must be one of: ${RUN_STATES.join(', ')}; got "${opts.state}"`);
          }
          const first = /^\d+$/.test(opts.first) ? Number(opts.first) : NaN;
          const page = await listRuns(forkEm(orm), { state: opts.state as RunState | undefined, first });
          for (const r of page.nodes) out(`  ${r.id.padEnd(40)} ${r.state.padEnd(34)} ${iso(r.createdAt)}  tokens ${r.tokensUsed}`);
          out(`${page.nodes.length} of ${page.totalCount} run(s)${page.pageInfo.hasNextPage ? ` (more: --first ${MAX_PAGE_SIZE})` : ''}`);
        }),
      ),
    );

  runs
    .command('show <id>')
    .description('one run with its phases and progress')
    .action(
      action((id: string) =>
        withDatabase(async (orm) => {
          const [{ forkEm }, { requireRun }, { summarizeStatus }] = await Promise.all([import('../../db/orm'), import('./service'), import('./status')]);
          const run = await requireRun(forkEm(orm), id);
          const phases = (await run.phases.init({ orderBy: { phaseIndex: 'asc' } })).getItems();
          const s = summarizeStatus(phases);
          out(`Run ${run.id}: ${run.state}`);
          out(
            `  ${identity(run)}  tokens ${run.tokensUsed}/${run.tokenCap}  created ${iso(run.createdAt)}  started ${iso(run.startedAt)}  completed ${iso(run.completedAt)}`,
          );
          if (run.failureReason) out(`  failure: ${run.failureReason}`);
          out(`  phases: ${s.completedPhases}/${s.totalPhases} complete, ${s.failedPhases} failed, ${s.executingPhases} executing (${s.percentComplete}%)`);
          for (const p of phases) out(`    ${String(p.phaseIndex).padStart(3)}  ${p.phaseId.padEnd(32)} ${p.state.padEnd(10)} tokens ${p.tokensUsed}`);
        }),
      ),
    );
}
