// `autopack rollout-check` against a real server of each backend, at the rollout guide's stages.
import { createServer } from 'node:net';
import { Phase, Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { insertUnguarded } from '../helpers/bypass';
import { runCli, type CliResult } from '../helpers/cli';
import { BACKENDS } from '../helpers/db';
import { REFERENCE_EXECUTOR } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { withOrm } from '../helpers/tables';

const KEY = 'rollout-key';
const ON = { AUTOPACK_ENABLE_PHASE6_METRICS: '1', AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1' };

/** The checklist lines, keyed by label, as "✓ detail" / "✗ detail" / "- detail". */
function checklist(res: CliResult): Record<string, string> {
  const lines = res.stdout.split('\n').filter((l) => /^[✓✗-] /.test(l));
  return Object.fromEntries(lines.map((l) => [l.slice(2, l.indexOf(': ')), `${l[0]} ${l.slice(l.indexOf(': ') + 2)}`]));
}

const LABELS = [
  'Health check endpoint returns 200',
  'Database connection is healthy',
  'Kill switches default to OFF (or are at a rollout stage)',
  'Consolidated metrics returns 503 when kill switch OFF',
  'A/B results endpoint returns valid results',
  'Run execution works',
  'No data integrity violations',
  'Migrations applied and verified',
];

async function withApp(backend: (typeof BACKENDS)[number], env: Record<string, string>, fn: (app: TestApp) => Promise<void>): Promise<void> {
  const app = await startTestApp(backend, { AUTOPACK_API_KEY: KEY, ...env });
  try {
    await fn(app);
  } finally {
    await app.close();
  }
}

describe.each(BACKENDS)('autopack rollout-check on %s', (backend) => {
  it('Stage 0 (defaults): every check passes, execution is skipped, the stage is 0', () =>
    withApp(backend, {}, async (app) => {
      // --url and --api-key default to AUTOPACK_API_URL and AUTOPACK_API_KEY.
      const res = await runCli(['rollout-check'], { AUTOPACK_API_URL: app.url, AUTOPACK_API_KEY: KEY });
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout.split('\n')[0]).toBe(`Rollout check against ${app.url}`);
      const checks = checklist(res);
      expect(Object.keys(checks)).toEqual(LABELS);
      expect(checks['Health check endpoint returns 200']).toMatch(/^✓ HTTP 200, status healthy, version \d+\.\d+\.\d+$/);
      expect(checks['Database connection is healthy']).toBe('✓ database: connected');
      expect(checks['Kill switches default to OFF (or are at a rollout stage)']).toBe(
        '✓ phase6_metrics=OFF, consolidated_metrics=OFF: stage 0 - both kill switches OFF (the default, and the rollback target)',
      );
      // An empty database: the check creates a throwaway run to ask for.
      expect(checks['Consolidated metrics returns 503 when kill switch OFF']).toMatch(
        /^✓ 503 \{"detail":"Consolidated metrics disabled"\} for run rollout-check-\d{8}-\d{6}$/,
      );
      expect(checks['A/B results endpoint returns valid results']).toBe('✓ 200: count 0, filters {"test_id":null,"valid_only":true}');
      expect(checks['Run execution works']).toBe('- not checked: pass --with-execution to create and execute a throwaway run');
      expect(checks['No data integrity violations']).toBe('✓ 0 phase_metrics row(s) and 1 run(s) checked, no double counting');
      expect(checks['Migrations applied and verified']).toMatch(/^✓ \d+ applied, 0 pending; (\d+)\/\1 schema checks passed$/);
      expect(res.stdout).toContain('\nRollout stage: 0 - both kill switches OFF (the default, and the rollback target)\n');
      expect(res.stdout).toMatch(/\nCreated throwaway run\(s\): rollout-check-\d{8}-\d{6}\n/);
      expect(res.stdout).toMatch(/\n7 passed, 0 failed, 1 skipped\n$/);
    }));

  it('Stage 2 with --with-execution: a run executes, the dashboard answers 200 with its telemetry', () =>
    withApp(backend, { ...ON, AUTOPACK_EXECUTOR_COMMAND: REFERENCE_EXECUTOR }, async (app) => {
      const res = await runCli(['rollout-check', '--url', app.url, '--api-key', KEY, '--with-execution']);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      const checks = checklist(res);
      expect(checks['Kill switches default to OFF (or are at a rollout stage)']).toMatch(/^✓ phase6_metrics=ON, consolidated_metrics=ON: stage 2 - /);
      expect(checks['Run execution works']).toMatch(/^✓ rollout-check-\d{8}-\d{6}: DONE_SUCCESS, 1\/1 phases complete, 6300 tokens$/);
      // The reference executor reports 6300 tokens for its first phase (see referenceTokens).
      expect(checks['Consolidated metrics returns 200 when kill switch ON']).toMatch(
        /^✓ 200 for run rollout-check-\d{8}-\d{6}: total_tokens 6300 = sum of the four categories, 1\/1 phases with metrics$/,
      );
      expect(checks['No data integrity violations']).toBe('✓ 1 phase_metrics row(s) and 1 run(s) checked, no double counting');
      expect(res.stdout).toContain('\nRollout stage: 2 - telemetry and the consolidated metrics dashboard (Stage 2, and Stage 3: full production)\n');
      expect(res.stdout).toMatch(/\n8 passed, 0 failed, 0 skipped\n$/);
    }));

  it('a wrong API key fails every authenticated check: ✗ with what the server said, exit 1', () =>
    withApp(backend, {}, async (app) => {
      const res = await runCli(['rollout-check', '--url', app.url, '--api-key', 'wrong-key', '--with-execution']);
      expect(res.code).toBe(1);
      expect(res.stderr).toBe('autopack: rollout check failed: 5 check(s) did not pass\n');
      const checks = checklist(res);
      expect(checks['Health check endpoint returns 200']).toMatch(/^✓ /); // /health needs no key
      expect(checks['Consolidated metrics returns 503 when kill switch OFF']).toBe('✗ could not list runs to test with: HTTP 403 "Invalid API key"');
      expect(checks['A/B results endpoint returns valid results']).toBe('✗ HTTP 403 "Invalid API key"');
      expect(checks['Run execution works']).toBe('✗ could not create and queue a run: FORBIDDEN: Invalid API key');
      expect(checks['No data integrity violations']).toBe('✗ FORBIDDEN: Invalid API key');
      expect(checks['Migrations applied and verified']).toBe('✗ FORBIDDEN: Invalid API key');
      expect(res.stdout).toMatch(/\n3 passed, 5 failed, 0 skipped\n$/);
    }));
});

describe('autopack rollout-check (sqlite)', () => {
  it('Stage 1 passes; a dashboard ON without telemetry is "inconsistent" and fails', async () => {
    await withApp('sqlite', { AUTOPACK_ENABLE_PHASE6_METRICS: '1' }, async (app) => {
      const res = await runCli(['rollout-check', '--url', app.url, '--api-key', KEY]);
      expect(res.code).toBe(0);
      expect(checklist(res)['Kill switches default to OFF (or are at a rollout stage)']).toBe(
        '✓ phase6_metrics=ON, consolidated_metrics=OFF: stage 1 - telemetry collection only',
      );
      expect(res.stdout).toContain('\nRollout stage: 1 - telemetry collection only\n');
    });
    await withApp('sqlite', { AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1' }, async (app) => {
      const res = await runCli(['rollout-check', '--url', app.url, '--api-key', KEY]);
      expect(res.code).toBe(1);
      expect(checklist(res)['Kill switches default to OFF (or are at a rollout stage)']).toMatch(
        /^✗ phase6_metrics=OFF, consolidated_metrics=ON: stage inconsistent - the consolidated metrics dashboard is ON while telemetry collection is OFF/,
      );
      expect(res.stdout).toMatch(/\nRollout stage: inconsistent - /);
      expect(res.stderr).toBe('autopack: rollout check failed: 1 check(s) did not pass\n');
    });
  });

  it('reports integrity violations found in the server database', () =>
    withApp('sqlite', {}, async (app) => {
      await withOrm(app.db, async (orm) => {
        const em = forkEm(orm);
        const run = em.create(Run, { id: 'bad-run', tokensUsed: 0 });
        const phase = em.create(Phase, { run, phaseId: 'plan', name: 'Plan' });
        await em.flush();
        await insertUnguarded(em, [{ runId: 'bad-run', phasePk: phase.id, retrieval: 1, secondOpinion: 1, evidenceRequest: 0, base: 1, total: 9 }]);
      });
      const res = await runCli(['rollout-check', '--url', app.url, '--api-key', KEY]);
      expect(res.code).toBe(1);
      expect(checklist(res)['No data integrity violations']).toBe(
        '✗ 1 bad phase_metrics row(s), 0 inconsistent run(s); 1 phase_metrics row(s) and 1 run(s) checked (details: autopack integrity)',
      );
    }));

  it('an unreachable server: one line, exit 1', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => resolve(port));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const res = await runCli(['rollout-check', '--url', url]);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe(`Rollout check against ${url}\n`);
    expect(res.stderr).toMatch(new RegExp(`^autopack: cannot reach the server at ${url.replace(/\./g, '\\.')}: .*ECONNREFUSED.*\\n$`));
  });
});
