// Seeded failure events for the pattern expansion tests: recurring failures whose paths, line numbers,
// names, times and numbers vary (each must collapse into one pattern), near misses that must stay apart,
// and events the analysis must ignore.
import { DashboardEvent, Phase, Run } from '../../src/db/entities';
import type { Em } from '../../src/db/orm';

export const V7 = 'telemetry-collection-v7';
export const V8 = 'telemetry-collection-v8';
export const QUIET = 'quiet-run';
export const T0 = Date.UTC(2026, 3, 1, 9, 0, 0);

type Seed = [runId: string, phaseId: string | null, eventType: string, message: string | null];

const traceback = (path: string, line: number, mod: string) =>
  `Traceback (most recent call last):\n  File "${path}", line ${line}, in main\nModuleNotFoundError: No module named '${mod}'`;
const enoent = (path: string) => `ENOENT: no such file or directory, open '${path}'`;
const timeout = (seconds: number, at: string) => `Execution timeout (${seconds} s): executor killed at ${at}`;
const cannotImport = (name: string, mod: string, path: string) => `ImportError: cannot import name '${name}' from '${mod}' (${path})`;

/** In time order: event i is created at T0 + i minutes. */
export const FAILURE_SEEDS: Seed[] = [
  [V7, 'build', 'PHASE_FAILED', traceback('/home/ci/v7/src/pipeline/main.py', 12, 'requests')],
  [V7, 'test', 'PHASE_FAILED', enoent('/tmp/autopack-3f2504e0-4f89-11d3-9a0c-0305e82c3301/config.json')],
  [V7, 'build', 'PHASE_FAILED', cannotImport('Client', 'qdrant', '/opt/venv/lib/python3.11/site-packages/qdrant/__init__.py')],
  [V7, null, 'RUN_FAILED', timeout(3600, '2026-04-01T09:03:00Z')],
  [V7, 'test', 'PHASE_FAILED', traceback('/home/ci/v7/src/tests/test_api.py', 3, 'numpy')],
  [V8, 'build', 'PHASE_FAILED', traceback('C:\\agents\\w1\\src\\main.py', 120, 'requests')],
  [V8, 'test', 'PHASE_FAILED', enoent('C:\\build\\17\\config.json')],
  [V7, 'build', 'PHASE_STARTED', traceback('/home/ci/v7/src/pipeline/main.py', 12, 'requests')], // not a failure
  [V7, 'build', 'PHASE_FAILED', `KeyError: 'user_id'`],
  [V8, null, 'RUN_FAILED', timeout(7200, '2026-04-01 09:09:30')],
  [V7, 'build', 'PHASE_FAILED', traceback('/home/ci/v7/src/pipeline/loader.py', 7, 'yaml')],
  [V8, 'build', 'PHASE_FAILED', cannotImport('AsyncClient', 'httpx', '/usr/lib/python3/dist-packages/httpx/__init__.py')],
  [V7, 'lint', 'PHASE_FAILED', null], // no message
  [V8, 'test', 'PHASE_FAILED', '   '], // blank message
  [V8, 'test', 'PHASE_FAILED', traceback('/home/ci/v8/src/tests/test_http.py', 88, 'requests.adapters')],
  [V7, 'test', 'PHASE_FAILED', enoent('./fixtures/config.json')],
  [V7, null, 'RUN_FAILED', 'Executor failed with exit code 1'],
  [V8, 'build', 'PHASE_FAILED', `KeyError: 'run_id'`],
  [V7, 'build', 'PHASE_FAILED', cannotImport('BaseModel', 'pydantic', 'C:\\Python311\\Lib\\site-packages\\pydantic\\__init__.py')],
  [V8, null, 'RUN_FAILED', 'Executor failed with exit code 1'],
  [V7, null, 'RUN_FAILED', timeout(1800, '2026-04-01T09:20:00.125+02:00')],
  [V8, 'test', 'PHASE_FAILED', enoent('/var/lib/autopack/runs/v8/config.json')],
  [V7, 'lint', 'PHASE_FAILED', traceback('/home/ci/v7/tools/lint.py', 240, 'pydantic_core')],
  [V8, null, 'RUN_FAILED', 'Executor failed with exit code 2'],
  [QUIET, 'build', 'PHASE_COMPLETE', 'Build: EXECUTING -> COMPLETE'],
];

/** What the seeds must become with minOccurrences 3, ranked. */
export const EXPECTED_TOP = [
  {
    errorType: 'IMPORT_ERROR',
    occurrences: 6,
    normalized: `Traceback (most recent call last): File "<PATH>", line <LINE>, in main ModuleNotFoundError: No module named '<ID>'`,
  },
  { errorType: 'FILE_NOT_FOUND', occurrences: 4, normalized: `ENOENT: no such file or directory, open '<PATH>'` },
  { errorType: 'IMPORT_ERROR', occurrences: 3, normalized: `ImportError: cannot import name '<ID>' from '<ID>' (<PATH>)` },
  { errorType: 'TIMEOUT', occurrences: 3, normalized: 'Execution timeout (<NUM> s): executor killed at <TIMESTAMP>' },
];
/** Failure events with a message, and their distinct normalised messages. */
export const FAILURE_EVENTS = 21;
export const DISTINCT_SIGNATURES = 7;

export async function seedFailures(em: Em, seeds: Seed[] = FAILURE_SEEDS): Promise<void> {
  const runs = new Map<string, Run>();
  const phases = new Map<string, Phase>();
  seeds.forEach(([runId, phaseId, eventType, message], i) => {
    let run = runs.get(runId);
    if (!run) runs.set(runId, (run = em.create(Run, { id: runId })));
    let phase: Phase | null = null;
    if (phaseId) {
      const key = `${runId}/${phaseId}`;
      phase = phases.get(key) ?? null;
      if (!phase) phases.set(key, (phase = em.create(Phase, { run, phaseId, name: phaseId })));
    }
    em.create(DashboardEvent, { run, phase, eventType, message, createdAt: new Date(T0 + i * 60_000) });
  });
  await em.flush();
}
