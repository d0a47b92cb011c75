// `autopack db backup|restore` as an operator runs them (the guide's Step 2a and Step 5b): real CLI
// processes on a real database of each backend.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ABTestResult, DashboardEvent, Phase, PhaseMetrics, ReplayCampaign, Run } from '../../src/db/entities';
import { createOrm, forkEm, type Orm } from '../../src/db/orm';
import { silentLogger } from '../../src/logger';
import { migrateDown, migrateUp, migrationState } from '../../src/modules/ops/migrations';
import { checkIntegrity } from '../../src/modules/telemetry/integrity';
import { runCli } from '../helpers/cli';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/db';
import { allRows, withOrm } from '../helpers/tables';

/** A little of everything: runs (one a replay of another, one in a campaign), phases, telemetry, events, an A/B result. */
async function seed(orm: Orm, prefix: string): Promise<void> {
  const em = forkEm(orm);
  const campaign = em.create(ReplayCampaign, { id: `${prefix}-campaign`, batchSize: 2, criteria: { state: 'FAILED', note: 'it\'s "quoted"\nand multi-line' } });
  const control = em.create(Run, {
    id: `${prefix}-control`,
    state: 'DONE_SUCCESS',
    gitCommitSha: 'abc123',
    modelMappingHash: 'm1',
    tokensUsed: 30,
    goal: 'tab\there',
  });
  const treatment = em.create(Run, {
    id: `${prefix}-treatment`,
    state: 'DONE_FAILED_BUDGET_EXHAUSTED',
    gitCommitSha: 'abc123',
    modelMappingHash: 'm1',
    tokensUsed: 15,
    failureReason: 'budget',
  });
  em.create(Run, { id: `${prefix}-replay`, replayOf: treatment, campaign });
  for (const [run, phases] of [
    [control, ['plan', 'build']],
    [treatment, ['plan']],
  ] as const) {
    for (const phaseId of phases) {
      const phase = em.create(Phase, { run, phaseId, name: `Phase ${phaseId}`, state: 'COMPLETE', tokensUsed: 15 });
      em.create(PhaseMetrics, { run, phase, retrievalTokens: 5, baseTokens: 10, totalTokens: 15 });
      em.create(DashboardEvent, { run, phase, eventType: 'PHASE_COMPLETE', message: 'done', payload: { tokens: 15, nested: [1, 'two'] } });
    }
  }
  em.create(ABTestResult, {
    testId: `${prefix}-ab`,
    controlRun: control,
    treatmentRun: treatment,
    isValid: true,
    validityErrors: [],
    tokenDelta: -15,
    successRateDelta: 0,
    controlTotalTokens: 30,
    controlPhasesComplete: 2,
    controlPhasesFailed: 0,
    controlTotalPhases: 2,
    treatmentTotalTokens: 15,
    treatmentPhasesComplete: 1,
    treatmentPhasesFailed: 0,
    treatmentTotalPhases: 1,
  });
  await em.flush();
}

/** Changes every table, so a restore has something to undo. */
async function scribble(orm: Orm, prefix: string): Promise<void> {
  const em = forkEm(orm);
  await em.nativeDelete(ABTestResult, {});
  await em.nativeUpdate(Run, { id: `${prefix}-control` }, { state: 'DONE_FAILED_ENVIRONMENT', failureReason: 'changed after the backup' });
  await em.nativeDelete(Run, { id: `${prefix}-treatment` });
  await seed(orm, `${prefix}-later`);
}

describe.each(BACKENDS)('db backup and restore on %s', (backend) => {
  const ext = backend === 'sqlite' ? 'db' : 'sql';
  let db: TestDatabase;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    dir = mkdtempSync(join(tmpdir(), 'autopack-backup-'));
    env = { DATABASE_URL: db.url };
    await withOrm(db, async (orm) => {
      await migrateUp(orm);
      await seed(orm, 'rt');
    });
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('round trip: a backup restores every row of every table, after the database changed', async () => {
    const before = await withOrm(db, allRows);
    for (const t of ['runs', 'phases', 'phase_metrics', 'dashboard_events', 'ab_test_results', 'replay_campaigns', 'mikro_orm_migrations']) {
      expect(before[t].length).toBeGreaterThan(0);
    }
    const file = join(dir, `round-trip.${ext}`);
    const backup = await runCli(['db', 'backup', '--out', file], env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Wrote ${file}: `);
    expect(backup.stdout).toMatch(/\(\d+ bytes\)\n/);
    for (const [table, rows] of Object.entries(before)) expect(backup.stdout).toMatch(new RegExp(`\\n  ${table} +${rows.length} rows\\n`));
    expect(backup.stdout).not.toContain(':autopack@'); // never the password of the URL

    await withOrm(db, (orm) => scribble(orm, 'rt'));
    const changed = await withOrm(db, allRows);
    expect(changed).not.toEqual(before);

    const restore = await runCli(['db', 'restore', file, '--yes'], env);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`Restored ${db.target.display}:`);
    expect(restore.stdout).toMatch(/\n  runs +3 rows\n/);
    if (db.target.kind === 'sqlite') {
      expect(restore.stdout).toContain('Restart every server that uses this database file');
      expect(readdirSync(join(db.target.path, '..')).filter((f) => f.includes('.restore-'))).toEqual([]);
    }
    expect(await withOrm(db, allRows)).toEqual(before);
  });

  it('restore refuses without --yes and while a server executes runs, changing nothing', async () => {
    const file = join(dir, `refusals.${ext}`);
    expect((await runCli(['db', 'backup', '--out', file], env)).code).toBe(0);
    await withOrm(db, (orm) => scribble(orm, 'refuse'));
    const current = await withOrm(db, allRows);

    const noYes = await runCli(['db', 'restore', file], env);
    expect(noYes.code).toBe(1);
    expect(noYes.stderr).toBe('autopack: nothing was changed: pass --yes to restore\n');
    expect(noYes.stdout).toContain(`Restoring would replace every autopack table of ${db.target.display} with the backup's rows.`);
    expect(noYes.stdout).toMatch(/\n  runs +\d+ rows   \(now \d+\)\n/);
    expect(await withOrm(db, allRows)).toEqual(current);

    // A server executing a run right now (lease in the future); one whose lease expired (its server died) does not count.
    const lease = new Date(Date.now() + 10 * 60_000);
    await withOrm(db, async (orm) => {
      const em = forkEm(orm);
      await em.nativeUpdate(Run, { id: 'refuse-later-control' }, { state: 'PHASE_EXECUTION', ownerId: 'server-a', leaseExpiresAt: lease });
      await em.nativeUpdate(
        Run,
        { id: 'refuse-later-replay' },
        { state: 'PHASE_EXECUTION', ownerId: 'server-dead', leaseExpiresAt: new Date(Date.now() - 60_000) },
      );
    });
    const withRunning = await withOrm(db, allRows);
    const running = await runCli(['db', 'restore', file, '--yes'], env);
    expect(running.code).toBe(1);
    expect(running.stderr).toBe(
      `autopack: refusing to restore: a server is executing 1 run(s) right now: refuse-later-control (server server-a, lease until ${lease.toISOString()}). ` +
        'Wait for them to finish (or stop the servers), then retry; nothing was changed\n',
    );
    expect(await withOrm(db, allRows)).toEqual(withRunning);
    await withOrm(db, (orm) => forkEm(orm).nativeUpdate(Run, { state: 'PHASE_EXECUTION' }, { state: 'DONE_SUCCESS', ownerId: null, leaseExpiresAt: null }));
  });

  it('restore refuses files that are not a complete backup of an autopack database, changing nothing', async () => {
    const file = join(dir, `source.${ext}`);
    expect((await runCli(['db', 'backup', '--out', file], env)).code).toBe(0);
    const settled = await withOrm(db, allRows);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not a backup\n');
    const cut = join(dir, `cut.${ext}`);
    writeFileSync(cut, readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2)));
    const foreign = join(dir, `foreign.${ext}`);
    if (backend === 'sqlite') {
      const other = await createOrm({ kind: 'sqlite', path: foreign, display: foreign }, { logger: silentLogger });
      await other.em.getConnection().execute('create table notes (id integer primary key, body text)');
      await other.close();
    } else {
      writeFileSync(
        foreign,
        '--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.notes (\n    id integer\n);\n\n--\n-- PostgreSQL database dump complete\n--\n',
      );
    }
    const reasons: Record<string, RegExp> = {
      [text]: backend === 'sqlite' ? /not a SQLite database file/ : /not a pg_dump SQL file/,
      [cut]: backend === 'sqlite' ? /SQLite integrity check failed|not a SQLite database file|malformed/ : /the dump is cut off/,
      [foreign]: /it has no runs, phases, dashboard_events, mikro_orm_migrations tables \(not an autopack database\)/,
      [join(dir, 'missing.db')]: /backup file .*missing\.db not found/,
    };
    for (const [bad, reason] of Object.entries(reasons)) {
      const res = await runCli(['db', 'restore', bad, '--yes'], env);
      // A file that is missing or no usable backup is bad input: exit 2, like every usage error.
      expect(res.code).toBe(2);
      expect(res.stderr.trim().split('\n')).toEqual([expect.stringMatching(reason)]);
      expect(res.stderr).toMatch(/^autopack: /);
    }
    expect(await withOrm(db, allRows)).toEqual(settled);
  });

  it('backup never overwrites a file unless --force, and names it autopack_backup_YYYYMMDD_HHMMSS in the current directory', async () => {
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const res = await runCli(['db', 'backup'], env, 60_000, cwd);
    expect(res.code).toBe(0);
    const files = readdirSync(cwd);
    expect(files).toEqual([expect.stringMatching(new RegExp(`^autopack_backup_\\d{8}_\\d{6}\\.${ext}$`))]);
    expect(res.stdout).toContain(`Wrote ${join(cwd, files[0])}: `);

    const existing = join(cwd, `existing.${ext}`);
    writeFileSync(existing, 'keep me');
    const refused = await runCli(['db', 'backup', '--out', existing], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`autopack: ${existing} already exists (pass --force to overwrite it)\n`);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');

    const forced = await runCli(['db', 'backup', '--out', existing, '--force'], env);
    expect(forced.code).toBe(0);
    expect(readFileSync(existing, 'utf8')).not.toBe('keep me');
    expect(readdirSync(cwd).sort()).toEqual([files[0], `existing.${ext}`].sort()); // no temporary files left
  });

  it('a backup taken while runs and events are being written is one moment in time', async () => {
    const file = join(dir, `concurrent.${ext}`);
    await withOrm(db, async (orm) => {
      const em = forkEm(orm);
      const counter = em.create(Run, { id: 'conc-counter' });
      em.create(Phase, { run: counter, phaseId: 'count', name: 'Count' });
      await em.flush();
    });

    // Each transaction adds a run with 3 phases and 3 events and bumps the counter run and its phase by one:
    // a consistent copy has counter = number of conc-N runs, and every run whole.
    const writerOrm = await createOrm(db.target, { logger: silentLogger });
    let committed = 0;
    let stop = false;
    let writerClosed = false;
    const closeWriter = async () => {
      stop = true;
      await writer.catch(() => undefined);
      if (!writerClosed) await writerOrm.close();
      writerClosed = true;
    };
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        await forkEm(writerOrm).transactional(async (tx) => {
          const run = tx.create(Run, { id: `conc-${i}`, tokensUsed: 30 });
          for (const phaseId of ['a', 'b', 'c']) {
            const phase = tx.create(Phase, { run, phaseId, name: phaseId, tokensUsed: 10 });
            tx.create(DashboardEvent, { run, phase, eventType: 'PHASE_COMPLETE' });
          }
          const counter = await tx.findOneOrFail(Run, 'conc-counter');
          const count = await tx.findOneOrFail(Phase, { run: 'conc-counter', phaseId: 'count' });
          counter.tokensUsed += 1;
          count.tokensUsed += 1;
        });
        committed = i + 1;
      }
    })();
    try {
      while (committed < 20) await new Promise((r) => setTimeout(r, 20));
      const atStart = committed;
      const res = await runCli(['db', 'backup', '--out', file], env);
      const atEnd = committed;
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(atEnd).toBeGreaterThan(atStart); // the writer really was writing during the backup
      stop = true;
      await writer;
      await closeWriter();

      const restore = await runCli(['db', 'restore', file, '--yes'], env);
      expect(restore.code).toBe(0);
      await withOrm(db, async (orm) => {
        const em = forkEm(orm);
        const runs = await em.count(Run, { id: { $like: 'conc-%' }, $not: { id: 'conc-counter' } });
        expect(runs).toBeGreaterThanOrEqual(atStart);
        expect(runs).toBeLessThanOrEqual(atEnd);
        expect((await em.findOneOrFail(Run, 'conc-counter')).tokensUsed).toBe(runs);
        expect(await em.count(Phase, { run: { id: { $like: 'conc-%' } }, $not: { phaseId: 'count' } })).toBe(3 * runs);
        expect(await em.count(DashboardEvent, { run: { id: { $like: 'conc-%' } } })).toBe(3 * runs);
        expect((await checkIntegrity(em)).ok).toBe(true);
      });
    } finally {
      await closeWriter();
    }
  });

  it("restores a backup taken before the latest migrations (the guide's rollback), even over tables they added", async () => {
    const old = await createTestDatabase(backend);
    try {
      const reverted: string[] = [];
      await withOrm(old, async (orm) => {
        await migrateUp(orm);
        // Back to before add_replay_campaigns: later tables reference runs and runs reference them.
        while (!reverted.some((n) => n.includes('add_replay_campaigns'))) reverted.unshift((await migrateDown(orm))!);
        // Written as the code of that time did: only the columns that schema has (today's entity has more).
        const em = forkEm(orm);
        const now = em.getPlatform().processDateProperty(new Date());
        await em
          .getConnection()
          .execute(`insert into "runs" ("id", "goal", "created_at", "updated_at") values (?, ?, ?, ?)`, [
            'before-migration',
            'made before the rollout',
            now,
            now,
          ]);
      });
      const before = await withOrm(old, allRows);
      const file = join(dir, `before-migration.${ext}`);
      const oldEnv = { DATABASE_URL: old.url };
      expect((await runCli(['db', 'backup', '--out', file], oldEnv)).code).toBe(0);

      await withOrm(old, async (orm) => {
        await migrateUp(orm);
        await seed(orm, 'after'); // a run in a replay campaign: a foreign key into a table the backup lacks
      });
      const restore = await runCli(['db', 'restore', file, '--yes'], oldEnv);
      expect(restore.stderr).toBe('');
      expect(restore.code).toBe(0);
      expect(restore.stdout).toContain(
        `The backup predates ${reverted.length} migration(s) (${reverted.join(', ')}): run \`autopack migrate up\` to apply them again.`,
      );
      expect(await withOrm(old, allRows)).toEqual(before);
      expect(await withOrm(old, async (orm) => (await migrationState(orm)).pending)).toEqual(reverted);
    } finally {
      await old.drop();
    }
  });

  if (backend === 'postgresql') {
    it('without the PostgreSQL client tools: one line saying how to install them, nothing written or changed', async () => {
      const emptyPath = mkdtempSync(join(dir, 'path-'));
      const file = join(dir, 'no-tools.sql');
      const res = await runCli(['db', 'backup', '--out', file], { ...env, PATH: emptyPath });
      expect(res.code).toBe(1);
      expect(res.stdout).toBe('');
      expect(res.stderr).toBe(
        'autopack: pg_dump is not installed (or not on PATH): install the PostgreSQL client tools, e.g. `apt-get install postgresql-client` (same major version as the server)\n',
      );
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(dir).filter((f) => f.startsWith('no-tools'))).toEqual([]);

      const good = join(dir, 'tools.sql');
      expect((await runCli(['db', 'backup', '--out', good], env)).code).toBe(0);
      const current = await withOrm(db, allRows);
      const restore = await runCli(['db', 'restore', good, '--yes'], { ...env, PATH: emptyPath });
      expect(restore.code).toBe(1);
      expect(restore.stderr).toMatch(/^autopack: psql is not installed \(or not on PATH\): .*apt-get install postgresql-client.*\n$/);
      expect(await withOrm(db, allRows)).toEqual(current);
    });

    it('a failing restore changes nothing (single transaction)', async () => {
      const file = join(dir, 'fails-midway.sql');
      expect((await runCli(['db', 'backup', '--out', file], env)).code).toBe(0);
      // A valid-looking dump whose last statement fails after everything was dropped and reloaded.
      const text = readFileSync(file, 'utf8');
      const end = text.lastIndexOf('-- PostgreSQL database dump complete');
      writeFileSync(file, `${text.slice(0, end)}SELECT 1 / 0;\n\n${text.slice(end)}`);
      await withOrm(db, (orm) => scribble(orm, 'midway'));
      const current = await withOrm(db, allRows);
      const res = await runCli(['db', 'restore', file, '--yes'], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/^autopack: psql failed, nothing was changed \(single transaction\): .*division by zero\n$/);
      expect(await withOrm(db, allRows)).toEqual(current);
    });
  }
});
