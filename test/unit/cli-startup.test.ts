// Issue 17: a CLI command loads only what it uses. `autopack --help` loads no database driver, ORM, logger or
// server; `autopack migrate status` loads the driver of its URL's backend and nothing else heavy (no ORM, no
// migrator, no other driver, no server).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const HEAVY = ['@apollo/server', '@mikro-orm/core', '@mikro-orm/migrations', 'sqlite3', 'pg', 'pino', 'prom-client', 'graphql', 'src/app.ts'];

/** Runs the CLI from source with `args`; returns its exit code, stderr and which HEAVY modules it loaded. */
function run(args: string[], env: Record<string, string> = {}) {
  const script = `
    const { main } = require('./src/cli/main.ts');
    process.on('exit', () => {
      const files = Object.keys(require.cache);
      const heavy = ${JSON.stringify(HEAVY)}.filter((m) => files.some((f) => f.includes('/node_modules/' + m + '/') || f.endsWith('/' + m)));
      require('node:fs').writeSync(3, JSON.stringify(heavy));
    });
    main(['node', 'autopack', ...${JSON.stringify(args)}]);`;
  const r = spawnSync(process.execPath, ['-r', './test/helpers/swc-register.js', '-e', script], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stderr: r.stderr, loaded: JSON.parse((r.output[3] as string) || 'null') as string[] };
}

describe('CLI start-up', () => {
  it('--help loads none of the server, ORM, drivers or logger', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.loaded).toEqual([]);
  });

  it('migrate status on SQLite loads the sqlite driver only: no ORM, migrator, pg or server', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-startup-'));
    try {
      const env = { DATABASE_URL: `sqlite:///${join(dir, 'cli.db')}` };
      expect(run(['migrate', 'up'], env).status).toBe(0);
      const r = run(['migrate', 'status'], env);
      expect(r.status).toBe(0);
      expect(r.loaded).toEqual(['sqlite3']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('migrate status on PostgreSQL loads pg only, and still fails with one line when it cannot connect', () => {
    const r = run(['migrate', 'status'], { DATABASE_URL: 'postgresql://autopack:hunter2@127.0.0.1:1/autopack' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('autopack: connect ECONNREFUSED 127.0.0.1:1\n');
    expect(r.loaded).toEqual(['pg']);
  });
});
