// `autopack patterns` as the rollout guide's section 4 runs it: seeded failure events, a ranked table,
// JSON output, generated code that compiles under `tsc --strict` and whose jest tests pass, deterministic
// regeneration without stale files, and the troubleshooting message when nothing recurs.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli';
import { BACKENDS } from '../helpers/db';
import { EXPECTED_TOP, FAILURE_EVENTS, QUIET, seedFailures, V7 } from '../helpers/failures';
import { createHarness, type Harness } from '../helpers/harness';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number | null;
  output: string;
}

/** Runs a tool from the project's node_modules/.bin in `cwd`, with a clean environment (caches go to `home`). */
function tool(name: 'tsc' | 'jest', args: string[], cwd: string, home: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      join(ROOT, 'node_modules', '.bin', name),
      args,
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: home, CI: 'true' }, timeout: 180_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** Every file under `dir` (relative path -> content), node_modules excluded. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return files;
}

describe.each(BACKENDS)('autopack patterns on %s', (backend) => {
  let h: Harness;
  let tmp: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await createHarness(backend);
    await seedFailures(h.em());
    env = { DATABASE_URL: h.db.url };
    tmp = mkdtempSync(join(tmpdir(), 'autopack-patterns-e2e-'));
    // The generated tsconfig and jest config resolve @types/jest and @swc/jest like a project would.
    symlinkSync(join(ROOT, 'node_modules'), join(tmp, 'node_modules'), 'dir');
  });
  afterAll(async () => {
    await h.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('runs the guide step for one run: ranked table and generated files', async () => {
    const gen = join(tmp, 'guide');
    const res = await runCli(['patterns', '--run-id', V7, '--generate-code', '--min-occurrences', '3', '--out-dir', gen], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toBe(`1 failure pattern(s) with at least 3 occurrence(s) among 12 failure event(s) of run ${V7}, most frequent first:`);
    expect(lines[1]).toMatch(/^#\s+PATTERN\s+TYPE\s+OCCURRENCES\s+RUNS\s+CONFIDENCE\s+LAST SEEN\s+SAMPLE$/);
    expect(lines[2]).toMatch(
      /^1\s+import_error_[0-9a-f]{8}\s+IMPORT_ERROR\s+4\s+1\s+MEDIUM\s+2026-04-01T09:22:00Z\s+Traceback \(most recent call last\): File "\/home\/ci/,
    );
    expect(res.stdout).toMatch(/Generated 1 pattern\(s\) into .*guide\/: 7 file\(s\) written, 0 unchanged, 0 stale removed/);
    const files = Object.keys(snapshot(gen));
    expect(files.filter((f) => /^patterns\/pattern_.*\.ts$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => /^tests\/pattern_.*\.test\.ts$/.test(f))).toHaveLength(1);
    expect(files.filter((f) => /^backlog\/PATTERN_IMPORT_ERROR_[0-9A-F]{8}\.md$/.test(f))).toHaveLength(1);
  });

  it('generates code that compiles with tsc --strict and passes its jest tests, deterministically, without stale files', async () => {
    const gen = join(tmp, 'all');
    const json = join(tmp, 'patterns.json');
    const first = await runCli(['patterns', '--generate-code', '--out-dir', gen, '--output', json], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`4 failure pattern(s) with at least 3 occurrence(s) among ${FAILURE_EVENTS} failure event(s), most frequent first:`);
    expect(first.stdout).toContain('Wrote 4 pattern(s) as JSON to');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report).toMatchObject({ runId: null, minOccurrences: 3, failureEvents: FAILURE_EVENTS });
    expect(report.patterns.map((p: { normalizedMessage: string }) => p.normalizedMessage)).toEqual(EXPECTED_TOP.map((p) => p.normalized));
    const ids: string[] = report.patterns.map((p: { patternId: string }) => p.patternId);

    const files = snapshot(gen);
    for (const id of ids) {
      expect(files[`patterns/pattern_${id}.ts`]).toContain(`export const PATTERN_ID = "${id}";`);
      expect(files['patterns/index.ts']).toContain(`import { pattern as ${id} } from './pattern_${id}';`);
    }

    const tsc = await tool('tsc', ['-p', gen, '--strict', '--noEmit'], tmp, tmp);
    expect(tsc.output).toBe('');
    expect(tsc.code).toBe(0);
    // Jest 30 looks for a config file above its cwd even when given -c: run it from the output directory.
    const jest = await tool('jest', ['-c', 'jest.config.js', '--ci'], gen, tmp);
    // Per pattern: one test per kept sample (5, 4, 3 and 3 distinct messages), the unrelated message, the stub.
    expect(jest.output).toMatch(/Tests:\s+23 passed, 23 total/);
    expect(jest.code).toBe(0);

    // Same data, same bytes.
    const again = await runCli(['patterns', '--generate-code', '--out-dir', gen], env);
    expect(again.stdout).toMatch(/0 file\(s\) written, 16 unchanged, 0 stale removed/);
    expect(snapshot(gen)).toEqual(files);

    // Fewer patterns: the files of the others go, the registry lists only what exists, and it still compiles.
    const top2 = await runCli(['patterns', '--generate-code', '--out-dir', gen, '--top', '2'], env);
    expect(top2.code).toBe(0);
    expect(top2.stdout).toMatch(/6 stale removed/);
    const after = snapshot(gen);
    for (const id of ids.slice(2)) {
      expect(Object.keys(after).filter((f) => f.toLowerCase().includes(id))).toEqual([]);
      expect(after['patterns/index.ts']).not.toContain(id);
    }
    expect((await tool('tsc', ['-p', gen, '--strict', '--noEmit'], tmp, tmp)).code).toBe(0);
  });

  it('explains an empty result and exits 0 (the troubleshooting entry)', async () => {
    const quiet = await runCli(['patterns', '--run-id', QUIET, '--generate-code', '--out-dir', join(tmp, 'none')], env);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe(
      `No failure pattern with at least 3 occurrence(s): 0 failure event(s) of run ${QUIET}, 0 distinct message(s).\n` +
        'Collect more telemetry (failed phases and runs record PHASE_FAILED / RUN_FAILED events) or lower --min-occurrences.\n' +
        'Nothing generated.\n',
    );
    const high = await runCli(['patterns', '--min-occurrences', '7'], env);
    expect(high.code).toBe(0);
    expect(high.stdout).toContain(`No failure pattern with at least 7 occurrence(s): ${FAILURE_EVENTS} failure event(s), 7 distinct message(s).`);
    expect(high.stdout).toContain('or lower --min-occurrences (the most frequent failure occurred 6 time(s): --min-occurrences 6).');
  });

  it.each([
    [['--run-id', 'bad id'], 2, 'autopack: Invalid runId "bad id": use 1-128 characters from A-Z a-z 0-9 . _ -'],
    [['--run-id', 'no-such-run'], 2, 'autopack: Run not found: no-such-run'],
  ])('refuses %j with one line and exit %i', async (args, code, line) => {
    const res = await runCli(['patterns', ...args], env);
    expect([res.code, res.stderr, res.stdout]).toEqual([code, `${line}\n`, '']);
  });
});

describe('autopack patterns arguments', () => {
  // Checked before the database is opened: the URL below is never used.
  it.each([
    [['--min-occurrences', '0'], '--min-occurrences must be an integer between 1 and 1000, got "0"'],
    [['--min-occurrences', 'abc'], '--min-occurrences must be an integer between 1 and 1000, got "abc"'],
    [['--min-occurrences', '1001'], '--min-occurrences must be an integer between 1 and 1000, got "1001"'],
    [['--top', '101'], '--top must be an integer between 1 and 100, got "101"'],
  ])('refuses %j with one line and exit 2', async (args, line) => {
    const res = await runCli(['patterns', ...args], { DATABASE_URL: 'sqlite:///nonexistent-dir/never-opened.db' });
    expect([res.code, res.stderr, res.stdout]).toEqual([2, `autopack: ${line}\n`, '']);
  });
});
