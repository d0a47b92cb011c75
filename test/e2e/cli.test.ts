// The `autopack` CLI as an operator runs it: real processes, real databases.
import { MIGRATIONS } from '../../migrations';
import { BACKENDS, createTestDatabase } from '../helpers/db';

const N = MIGRATIONS.length;
import { runCli, runCliProcess, startCli, startServe } from '../helpers/cli';

describe.each(BACKENDS)('autopack migrate on %s', (backend) => {
  it('status, up (twice), verify, down, with readable output and exit codes', async () => {
    const db = await createTestDatabase(backend);
    const env = { DATABASE_URL: db.url };
    try {
      const before = await runCli(['migrate', 'status'], env);
      const unverified = await runCli(['migrate', 'verify'], env);
      if (backend === 'sqlite') {
        // No file yet: only `migrate up` (or `serve`) creates the database.
        for (const r of [before, unverified]) {
          expect(r.code).toBe(1);
          expect(r.stderr).toMatch(/^autopack: no database at sqlite:\/\/\/.*: create it with `autopack migrate up` or `autopack serve`\n$/);
        }
      } else {
        expect(before.code).toBe(0);
        expect(before.stdout).toMatch(`0 applied, ${N} pending`);
        expect(unverified.code).toBe(1);
        expect(unverified.stdout).toContain(`\u2717 Migrations applied (0 applied, ${N} pending)`);
        expect(unverified.stderr.trim()).toMatch(/^autopack: verification failed: \d+ check\(s\) did not pass$/);
      }

      const up = await runCli(['migrate', 'up'], env);
      expect(up.code).toBe(0);
      expect(up.stdout).toContain(`Applying ${N} migration(s)`);
      expect(up.stdout).toMatch(/\u2713 Migration20251201000003_add_ab_test_results/);

      const again = await runCli(['migrate', 'up'], env);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/already up to date/);

      const verify = await runCli(['migrate', 'verify'], env);
      expect(verify.code).toBe(0);
      expect(verify.stdout).not.toContain('\u2717');
      expect(verify.stdout).toMatch(/\u2713 Index idx_phase_metrics_run_created on phase_metrics\(run_id, created_at DESC\)/);
      expect(verify.stdout).toMatch(
        backend === 'sqlite'
          ? /SEARCH phase_metrics USING INDEX idx_phase_metrics_run_created_id \(run_id=\?\)/
          : /Index Scan using idx_phase_metrics_run_created_id on phase_metrics/,
      );
      expect(verify.stdout).toMatch(
        /\u2713 Consolidated metrics query is served by an index on phase_metrics\(run_id, \.\.\.\): idx_phase_metrics_run_created_id\n/,
      );
      expect(verify.stdout).toMatch(/\u2713 Consolidated metrics query on an empty table: \d+\.\d ms, best of 3 \(target < 100 ms\)\n/);
      expect(verify.stdout).toMatch(/\u2713 Check constraint ck_phase_metrics_total on phase_metrics\n/);
      expect(verify.stdout).toMatch(/\n\d+ passed, 0 failed\n/);

      const down = await runCli(['migrate', 'down'], env);
      expect(down.code).toBe(0);
      expect(down.stdout).toContain(`Reverted ${MIGRATIONS[N - 1].name}`);
      expect((await runCli(['migrate', 'status'], env)).stdout).toContain(`${N - 1} applied, 1 pending`);
    } finally {
      await db.drop();
    }
  });
});

describe('autopack migrate safety', () => {
  it('two concurrent `migrate up` on one PostgreSQL database apply each migration exactly once', async () => {
    const db = await createTestDatabase('postgresql');
    try {
      const [a, b] = await Promise.all([
        runCliProcess(['migrate', 'up'], { DATABASE_URL: db.url }),
        runCliProcess(['migrate', 'up'], { DATABASE_URL: db.url }),
      ]);
      expect([a.code, b.code]).toEqual([0, 0]);
      const applied = [a.stdout, b.stdout].join('\n').match(/\u2713 Migration\w+/g) ?? [];
      // Each migration applied by exactly one of the two processes.
      expect(applied.map((line) => line.replace('\u2713 ', '')).sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
      const status = await runCli(['migrate', 'status'], { DATABASE_URL: db.url });
      expect(status.stdout).toContain(`${N} applied, 0 pending`);
    } finally {
      await db.drop();
    }
  });

  it('stops quietly (exit 0, nothing on stderr) when its reader goes away, as in `autopack migrate status | head -1`', async () => {
    const db = await createTestDatabase('sqlite', { migrated: true });
    try {
      const cli = startCli(['migrate', 'status'], { DATABASE_URL: db.url });
      cli.closeStdout(); // before it writes: its first line meets a closed pipe
      expect(await cli.done).toEqual({ code: 0, stdout: '', stderr: '' });
    } finally {
      await db.drop();
    }
  });

  it('refuses a bad variable with one line naming it (exit 2), and never prints a password', async () => {
    const flag = await runCli(['migrate', 'status'], { AUTOPACK_ENABLE_CONSOLIDATED_METRICS: 'true' });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe('autopack: AUTOPACK_ENABLE_CONSOLIDATED_METRICS: invalid value "true" (accepted: "0" = off, "1" = on, or unset)\n');
    const url = await runCli(['migrate', 'status'], { DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(url.code).toBe(2);
    expect(url.stderr).toMatch(/^autopack: DATABASE_URL: unsupported URL "mysql:\/\/root:\*\*\*@db\/x"/);
    expect(url.stderr).not.toContain('hunter2');
    const unreachable = await runCli(['migrate', 'status'], { DATABASE_URL: 'postgresql://autopack:hunter2@127.0.0.1:1/autopack' });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim().split('\n')).toHaveLength(1);
    expect(unreachable.stderr).toMatch(/^autopack: .*ECONNREFUSED/);
    expect(unreachable.stderr).not.toContain('hunter2');
  });
});

describe('runCli, the in-process runner of the CLI tests', () => {
  it('shows what a real `autopack` process shows: same exit code, stdout and stderr', async () => {
    const db = await createTestDatabase('sqlite', { migrated: true });
    try {
      for (const args of [['--help'], ['migrate', 'status'], ['runs', 'show', 'nope'], ['nope'], ['retention', '--days', 'abc']]) {
        const [inProcess, child] = [await runCli(args, { DATABASE_URL: db.url }), await runCliProcess(args, { DATABASE_URL: db.url })];
        expect([args.join(' '), inProcess]).toEqual([args.join(' '), child]);
      }
    } finally {
      await db.drop();
    }
  });
});

describe('autopack serve', () => {
  it('in development migrates a fresh database by itself and serves', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const server = await startServe({ DATABASE_URL: db.url });
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      const result = await server.stop();
      expect(result.stderr).toContain(`applied ${N} migration(s)`);
      expect(result.stderr).toMatch(/AUTOPACK_API_KEY is not set/);
    } finally {
      await db.drop();
    }
  });

  it('in production refuses to start without a key, or with migrations pending', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      const noKey = await runCliProcess(['serve'], { DATABASE_URL: db.url, AUTOPACK_ENV: 'production', PORT: '0' });
      expect(noKey.code).toBe(1);
      expect(noKey.stderr).toBe('autopack: AUTOPACK_API_KEY: required when AUTOPACK_ENV=production (or set AUTOPACK_API_KEY_FILE)\n');
      const pending = await runCliProcess(['serve'], { DATABASE_URL: db.url, AUTOPACK_ENV: 'production', AUTOPACK_API_KEY: 'k', PORT: '0' });
      expect(pending.code).toBe(1);
      expect(pending.stderr).toMatch(new RegExp(`^autopack: ${N} database migration\\(s\\) pending .*: run \`autopack migrate up\` first\\n$`));
      // and it did not migrate anything by itself
      expect((await runCli(['migrate', 'status'], { DATABASE_URL: db.url })).stdout).toContain(`0 applied, ${N} pending`);
    } finally {
      await db.drop();
    }
  });
});
