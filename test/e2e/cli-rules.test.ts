// Rules every command follows: a SQLite database is only created by `serve` and `migrate up` (in an existing
// directory), files are not overwritten without --force, and bad input exits 2 while a failure exits 1.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliProcess } from '../helpers/cli';
import { BACKENDS, createTestDatabase } from '../helpers/db';

/** Many CLI processes: more than jest's default on a loaded 2-core machine. */
const CLI_TEST_MS = 180_000;
const EVERY_DATABASE_COMMAND = [
  ['migrate', 'status'],
  ['migrate', 'verify'],
  ['db', 'backup', '--out', 'b.db'],
  ['integrity'],
  ['retention', '--dry-run'],
  ['patterns'],
  ['runs', 'list'],
  ['flags'],
];

describe('where a SQLite database may be created', () => {
  it(
    'commands other than serve and migrate up say there is no database (exit 1, one line) and create nothing',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'autopack-nodb-'));
      const noDir = join(dir, 'missing-dir', 'autopack.db');
      const noFile = join(dir, 'autopack.db');
      // Every command on a missing file; the guide's first three on a missing directory.
      for (const [file, commands] of [
        [noFile, EVERY_DATABASE_COMMAND],
        [noDir, EVERY_DATABASE_COMMAND.slice(0, 3)],
      ] as const) {
        const env = { DATABASE_URL: `sqlite:///${file}` };
        for (const args of commands) {
          const r = await runCli([...args], env, 60_000, dir);
          expect([args.join(' '), r.code]).toEqual([args.join(' '), 1]);
          expect(r.stderr).toMatch(
            /^autopack: no database at sqlite:\/\/\/\S+( \(.*does not exist\): create it with `autopack migrate up` or `autopack serve`|: the directory \S+ does not exist \(create it first; nothing was created\))\n$/,
          );
        }
      }
      expect(readdirSync(dir)).toEqual([]);

      // migrate up and serve create one only where its directory exists.
      const up = await runCli(['migrate', 'up'], { DATABASE_URL: `sqlite:///${noDir}` });
      expect(up.code).toBe(1);
      expect(up.stderr).toMatch(/^autopack: no database at .*: the directory .*missing-dir does not exist/);
      const serve = await runCliProcess(['serve'], { DATABASE_URL: `sqlite:///${noDir}`, HOST: '127.0.0.1', PORT: '0' });
      expect(serve.code).toBe(1);
      expect(serve.stderr).toMatch(/^autopack: no database at .*: the directory .*missing-dir does not exist.*\n$/);
      expect(readdirSync(dir)).toEqual([]);
      expect((await runCli(['migrate', 'up'], { DATABASE_URL: `sqlite:///${noFile}` })).code).toBe(0);
      expect(existsSync(noFile)).toBe(true);
      expect((await runCli(['migrate', 'status'], { DATABASE_URL: `sqlite:///${noFile}` })).code).toBe(0);
    },
    CLI_TEST_MS,
  );
});

describe.each(BACKENDS)('one exit-code rule on %s', (backend) => {
  it(
    'bad input exits 2 with one line, whatever the command; patterns --output keeps an existing file without --force',
    async () => {
      const db = await createTestDatabase(backend, { migrated: true });
      const env = { DATABASE_URL: db.url };
      const dir = mkdtempSync(join(tmpdir(), 'autopack-rules-'));
      try {
        for (const args of [
          ['retention', '--days', '0'],
          ['retention', '--days', 'abc'],
          ['patterns', '--top', '0'],
          ['runs', 'show', 'nope'],
          ['migrate', 'nope'],
          ['integrity', '--bogus'],
        ]) {
          const r = await runCli(args, env);
          expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
        }
        const days = await runCli(['retention', '--days', '0'], env);
        expect(days.stderr).toMatch(/^autopack: .*1 to 36500, got 0\n$/);

        const output = join(dir, 'patterns.json');
        writeFileSync(output, 'keep me\n');
        const refused = await runCli(['patterns', '--output', output], env);
        expect([refused.code, refused.stderr]).toEqual([1, `autopack: ${output} already exists (pass --force to overwrite it)\n`]);
        expect(readFileSync(output, 'utf8')).toBe('keep me\n');
        const forced = await runCli(['patterns', '--output', output, '--force'], env);
        expect(forced.code).toBe(0);
        expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ patterns: [] });
      } finally {
        await db.drop();
      }
    },
    CLI_TEST_MS,
  );
});
