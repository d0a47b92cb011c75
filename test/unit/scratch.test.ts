// The run's scratch directory (test/helpers/scratch.mjs, made by the global setup): where it goes, and the
// leftovers of runs that ended without their teardown are removed while live runs' ones stay.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HELPER = join(__dirname, '..', 'helpers', 'scratch.mjs');

/** makeScratch(root?) in a process of its own (the helper is an ES module, as the global setup is). */
function makeScratchIn(root: string | null, env: Record<string, string> = {}): { dir: string; pid: number } {
  const script = `import { makeScratch } from ${JSON.stringify(HELPER)}; console.log(JSON.stringify({ dir: makeScratch(${root ? JSON.stringify(root) : ''}), pid: process.pid }))`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' }));
}

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('the scratch directory', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'scratch-test-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is a new directory named after its process, which the postgres user can enter', () => {
    const { dir, pid } = makeScratchIn(root);
    expect(dir.startsWith(join(root, `autopack-test-run-${pid}-`))).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o755);
  });

  it('goes where TEST_TMPDIR says', () => {
    const { dir } = makeScratchIn(null, { TEST_TMPDIR: root });
    expect(readdirSync(root)).toEqual([dir.slice(root.length + 1)]);
  });

  it('removes the directories of runs whose process is gone, and only those', () => {
    const dead = join(root, `autopack-test-run-${deadPid()}-abc`);
    mkdirSync(join(dead, 'pg', 'data'), { recursive: true });
    const live = join(root, `autopack-test-run-${process.pid}-def`);
    const others = [live, join(root, 'autopack-test-run-x'), join(root, 'someone-elses')];
    for (const d of others) mkdirSync(d);

    const { dir } = makeScratchIn(root);

    expect(existsSync(dead)).toBe(false);
    expect(readdirSync(root).sort()).toEqual([...others, dir].map((d) => d.slice(root.length + 1)).sort());
  });
});
