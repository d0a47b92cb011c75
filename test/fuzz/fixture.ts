// Runs in every interesting state, so that random input sometimes hits a real run and phase: created
// (executeRun), executing (updatePhase, events, telemetry), finished with and without identity (A/B, replay).
import { Run, type RunState } from '../../src/db/entities';
import type { Harness } from '../helpers/harness';

export const PHASES = ['plan', 'build', 'test'];
const LONG_ID = `fz-${'l'.repeat(125)}`;

const RUNS: { id: string; state: RunState; sha?: string }[] = [
  { id: 'fz-created-1', state: 'RUN_CREATED' },
  { id: 'fz-created-2', state: 'RUN_CREATED' },
  { id: 'fz-exec', state: 'PHASE_EXECUTION' },
  { id: 'fz-exec-2', state: 'PHASE_EXECUTION' },
  { id: 'fz-done-a', state: 'DONE_SUCCESS', sha: 'abc123' },
  { id: 'fz-done-b', state: 'DONE_SUCCESS', sha: 'abc123' },
  { id: 'fz-failed', state: 'DONE_FAILED_ENVIRONMENT', sha: 'def456' },
  { id: 'fz-no-identity', state: 'DONE_FAILED_BUDGET_EXHAUSTED' },
  { id: LONG_ID, state: 'DONE_SUCCESS', sha: 'abc123' },
];

export const RUN_IDS = RUNS.map((r) => r.id);

const CREATE = `mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`;

/** Seeds through `exec` (the harness, or GraphQL over HTTP) and moves the runs to their states with `em`. */
export async function seedRuns(h: Pick<Harness, 'exec' | 'em'>): Promise<void> {
  for (const r of RUNS) {
    const input = { id: r.id, gitCommitSha: r.sha, modelMappingHash: r.sha && 'model-1', phases: PHASES.map((p) => ({ phaseId: p, name: p })) };
    const res = await h.exec(CREATE, { input });
    if (res.errors) throw new Error(`seeding ${r.id}: ${JSON.stringify(res.errors)}`);
    const finished = r.state.startsWith('DONE_');
    await h
      .em()
      .nativeUpdate(
        Run,
        { id: r.id },
        { state: r.state, startedAt: finished || r.state === 'PHASE_EXECUTION' ? new Date() : null, completedAt: finished ? new Date() : null },
      );
  }
}
