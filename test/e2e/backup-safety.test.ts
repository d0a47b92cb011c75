// Issue 14 item 6: backups are data, not programs. A pg_dump file with psql meta-commands slipped in is
// refused before psql starts (nothing runs, nothing changes), while real backups, with backslashes in their
// data, still restore. `db backup --out` never writes over the live SQLite database or its -wal/-shm.
import { existsSync, linkSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { migrateUp } from '../../src/modules/ops/migrations';
import { runCli } from '../helpers/cli';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { allRows, withOrm } from '../helpers/tables';

/** Text that looks like psql meta-commands but is data: COPY escapes every backslash in it. */
const HOSTILE_DATA = "goal \\! id > /tmp/x\n\\.\n\\o |sh \\copy x to program 'id' C:\\dir\\n";

describe('db restore refuses psql meta-commands pg_dump does not write (postgresql)', () => {
  let db: TestDatabase;
  let dir: string;
  let env: Record<string, string>;
  let dump: string;
  let marker: string;

  beforeAll(async () => {
    db = await createTestDatabase('postgresql');
    dir = mkdtempSync(join(tmpdir(), 'autopack-meta-'));
    env = { DATABASE_URL: db.url };
    marker = join(dir, 'pwned');
    await withOrm(db, async (orm) => {
      await migrateUp(orm);
      const em = forkEm(orm);
      em.create(Run, { id: 'r1', goal: HOSTILE_DATA, failureReason: 'back\\slash' });
      em.create(Run, { id: 'r2', goal: 'plain' });
      await em.flush();
    });
    const file = join(dir, 'good.sql');
    expect((await runCli(['db', 'backup', '--out', file], env)).code).toBe(0);
    dump = readFileSync(file, 'utf8');
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("pg_dump 15's own file restores: its \\restrict/\\unrestrict lines and backslashes in COPY data are fine", async () => {
    expect(dump).toMatch(/^\\restrict [A-Za-z0-9]+$/m);
    expect(dump).toMatch(/^\\unrestrict [A-Za-z0-9]+$/m);
    const before = await withOrm(db, allRows);
    const res = await runCli(['db', 'restore', join(dir, 'good.sql'), '--yes'], env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(await withOrm(db, allRows)).toEqual(before);
    expect((await withOrm(db, (orm) => forkEm(orm).findOneOrFail(Run, { id: 'r1' }))).goal).toBe(HOSTILE_DATA);
  });

  // An attacker edits the file at will: without pg_dump's \restrict line psql runs every meta-command.
  const unrestricted = () => dump.replace(/^\\(un)?restrict .*\n/gm, '');
  const atTop = (lines: string) => `${lines}\n${unrestricted()}`;
  const attacks: [string, () => string][] = [
    ['\\! (shell)', () => atTop(`\\! id > ${marker}`)],
    ['\\o | (output to a pipe)', () => atTop(`\\o |id > ${marker}\nselect 1;\n\\o`)],
    ['\\copy ... program', () => atTop(`\\copy (select 1) to program 'id > ${marker}'`)],
    [
      '\\i (include a file)',
      () => {
        writeFileSync(join(dir, 'inc.sql'), `\\! id > ${marker}\n`);
        return atTop(`\\i ${join(dir, 'inc.sql')}`);
      },
    ],
    ['\\connect', () => atTop('\\connect postgres')],
    ['\\gexec', () => atTop(`select 'create table pwned (id int)' \\gexec`)],
    ['\\unrestrict before \\!', () => dump.replace(/^(\\restrict (\S+))$/m, `$1\n\\unrestrict $2\n\\! id > ${marker}`)],
    [
      'a meta-command after a statement on the same line',
      () => unrestricted().replace(/^SET client_encoding = 'UTF8';$/m, `SET client_encoding = 'UTF8'; \\! id > ${marker}`),
    ],
    ['a meta-command after an early end of COPY data', () => unrestricted().replace(/^(COPY public\.runs .* FROM stdin;\n)/m, `$1\\.\n\\! id > ${marker}\n`)],
    ['server-side COPY ... PROGRAM', () => atTop(`COPY (select 1) TO PROGRAM 'id > ${marker}';`)],
  ];

  it.each(attacks)('refuses %s before anything runs: exit 2 (bad input), one line, no file written, no row changed', async (_name, make) => {
    const file = join(dir, 'evil.sql');
    writeFileSync(file, make());
    const before = await withOrm(db, allRows);
    const res = await runCli(['db', 'restore', file, '--yes'], env);
    expect(res.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^autopack: .*evil\.sql is not a usable backup: it is not plain pg_dump data: line \d+ /),
    ]);
    expect(res.code).toBe(2);
    expect(existsSync(marker)).toBe(false);
    expect(await withOrm(db, allRows)).toEqual(before);
    // a dry run (no --yes) refuses the same way
    expect((await runCli(['db', 'restore', file], env)).stderr).toMatch(/not plain pg_dump data/);
  });
});

describe('db backup --out never names the live SQLite database (sqlite)', () => {
  let db: TestDatabase;
  let live: string;
  let env: Record<string, string>;
  const linkedFolder = join(tmpdir(), `autopack-link-${process.pid}`);

  beforeAll(async () => {
    db = await createTestDatabase('sqlite');
    live = db.url.replace(/^sqlite:\/\//, '');
    env = { DATABASE_URL: db.url };
    await withOrm(db, async (orm) => {
      await migrateUp(orm);
      const em = forkEm(orm);
      em.create(Run, { id: 'keep-me' });
      await em.flush();
    });
  });
  afterAll(async () => {
    rmSync(linkedFolder, { force: true });
    await db.drop();
  });

  it.each([
    ['the database file itself', () => ({ out: live })],
    ['a relative path to it', () => ({ out: basename(live), cwd: dirname(live) })],
    [
      'a symlink to it',
      () => {
        const link = join(dirname(live), 'link.db');
        if (!existsSync(link)) symlinkSync(live, link);
        return { out: link };
      },
    ],
    [
      'a hard link to it',
      () => {
        const hard = join(dirname(live), 'hard.db');
        if (!existsSync(hard)) linkSync(live, hard);
        return { out: hard };
      },
    ],
    ['its -wal file', () => ({ out: `${live}-wal` })],
    [
      'its -shm file, through a symlinked folder',
      () => {
        if (!existsSync(linkedFolder)) symlinkSync(dirname(live), linkedFolder);
        return { out: join(linkedFolder, `${basename(live)}-shm`) };
      },
    ],
  ])('refuses %s, even with --force: exit 2 (bad input), one line, the database untouched', async (_name, where) => {
    const { out, cwd } = where() as { out: string; cwd?: string };
    const inode = statSync(live).ino;
    const res = await runCli(['db', 'backup', '--out', out, '--force'], env, 60_000, cwd);
    expect(res.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^autopack: .* is the live database .*: choose another --out; nothing was written$/)]);
    expect(res.code).toBe(2);
    expect(statSync(live).ino).toBe(inode);
    const rows = await withOrm(db, (orm) => forkEm(orm).find(Run, {}));
    expect(rows.map((r) => r.id)).toEqual(['keep-me']);
  });
});
