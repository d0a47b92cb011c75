// Issue 14 item 3: one request cannot exhaust the database pool. Migration status reads take no lock; API
// traffic holding every pooled connection does not stop lease renewal (the server's own work has its own
// pool); a statement over AUTOPACK_DB_STATEMENT_TIMEOUT_MS is cancelled with a coded error, nothing written.
import { Client } from 'pg';
import sqlite3 from 'sqlite3';
import { Phase, Run } from '../../src/db/entities';
import { forkEm, type Em, type Orm } from '../../src/db/orm';
import { BACKENDS, type Backend, type TestDatabase } from '../helpers/db';
import { nodeExecutor, waitFor } from '../helpers/executor';
import { startTestApp, type TestApp } from '../helpers/harness';
import { withOrm } from '../helpers/tables';

const post = async (url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> => {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(20_000), // a stalled pool would hold the answer for 60 s
  });
  return res.json();
};
/**
 * `post`, again while the answer is SERVICE_UNAVAILABLE, as a client told "retry shortly" does: with a 300 ms
 * statement limit, a write of ours can meet the server's own work (the dispatcher's writes) on a busy machine.
 */
async function postRetryingBusy(url: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  for (let attempt = 1; ; attempt++) {
    const res = await post(url, query, variables);
    const busy = res.errors?.some((e: any) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
    if (!busy || attempt === 20) return res;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const HANGING_EXECUTOR = nodeExecutor('setTimeout(() => {}, 120000)');
const runRow = (db: TestDatabase, id: string) => withOrm(db, (orm) => forkEm(orm).findOneOrFail(Run, { id }, { refresh: true }));

async function executingRun(t: TestApp, id: string): Promise<Run> {
  const created = await postRetryingBusy(t.url, `mutation($id: ID!) { createRun(input: { id: $id, phases: [{ phaseId: "work", name: "Work" }] }) { id } }`, {
    id,
  });
  expect(created.errors).toBeUndefined();
  expect((await postRetryingBusy(t.url, `mutation($id: ID!) { executeRun(id: $id) { id } }`, { id })).errors).toBeUndefined();
  return waitFor(`run ${id} executing`, async () => {
    const run = await runRow(t.db, id);
    return run.state === 'PHASE_EXECUTION' && run.leaseExpiresAt ? run : null;
  });
}

/** Holds every connection of `orm`'s PostgreSQL pool, each inside an open transaction, until released. */
async function exhaustPool(orm: Orm): Promise<() => Promise<void>> {
  const client = (orm.em as Em).getKnex().client;
  const max: number = client.pool.max;
  const held: any[] = [];
  for (let i = 0; i < max; i++) {
    const conn = await client.acquireConnection();
    await conn.query('begin; select 1');
    held.push(conn);
  }
  expect(held.length).toBeGreaterThan(0);
  return async () => {
    for (const conn of held) {
      await conn.query('rollback');
      await client.releaseConnection(conn);
    }
  };
}

/** Another client write-locks run `id` (PostgreSQL: its row; SQLite: the database) until released. */
async function lockRun(db: TestDatabase, backend: Backend, id: string): Promise<() => Promise<void>> {
  if (backend === 'postgresql') {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query('begin');
    await pg.query('select id from runs where id = $1 for update', [id]);
    return async () => {
      await pg.query('rollback');
      await pg.end();
    };
  }
  const path = db.url.replace(/^sqlite:\/\//, '');
  const lite = new sqlite3.Database(path);
  await new Promise<void>((resolve, reject) => lite.exec('begin immediate', (e) => (e ? reject(e) : resolve())));
  return () => new Promise<void>((resolve) => lite.exec('rollback', () => lite.close(() => resolve())));
}

describe('migration status takes no lock (postgresql)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgresql');
  });
  afterAll(() => t.close());

  it('15 aliased migrationStatus fields answer while `migrate up` holds the migration lock; /health stays 200; no advisory lock is taken or awaited', async () => {
    const holder = new Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock(7146146012)'); // what a running `autopack migrate up` holds
      const aliases = Array.from({ length: 15 }, (_, i) => `s${i}: migrationStatus { pending upToDate applied { name executedAt } }`).join(' ');
      const answer = post(t.url, `{ ${aliases} }`);
      const health = await fetch(`${t.url}/health`, { signal: AbortSignal.timeout(20_000) });
      expect(health.status).toBe(200);
      const res = await answer;
      expect(res.errors).toBeUndefined();
      expect(Object.values(res.data).map((s: any) => [s.upToDate, s.pending.length, s.applied.length > 0])).toEqual(Array(15).fill([true, 0, true]));
      // This test's database only: the cluster is shared with other test files, whose `migrate up` may hold
      // the same advisory lock in their own database meanwhile.
      const { rows } = await holder.query(
        "select count(*)::int as n from pg_locks where locktype = 'advisory' and pid <> pg_backend_pid() and database = (select oid from pg_database where datname = current_database())",
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await holder.end();
    }
  });
});

// PostgreSQL only: on SQLite the server's work and the API share the one connection on purpose (one writer
// at a time whatever the connection; see src/app.ts).
describe('the server keeps its own work going when API traffic holds the pool (postgresql)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgresql', {
      AUTOPACK_EXECUTOR_COMMAND: HANGING_EXECUTOR,
      AUTOPACK_EXECUTOR_LEASE_SECONDS: '2',
      AUTOPACK_DISPATCH_INTERVAL_MS: '100',
      AUTOPACK_DB_STATEMENT_TIMEOUT_MS: '60000', // the held transactions stay for the whole test
    });
  });
  afterAll(() => t.close());

  it('leases are renewed past their expiry while every API connection sits in an open transaction: the run is not declared lost', async () => {
    const started = await executingRun(t, 'held-pool');
    const release = await exhaustPool(t.app.orm);
    try {
      const firstExpiry = started.leaseExpiresAt!.getTime();
      // a renewal that ends 3 s after the first lease ended was made after that lease had expired
      const renewed = await waitFor(
        'a lease renewal past the first expiry',
        async () => {
          const run = await runRow(t.db, 'held-pool');
          return run.leaseExpiresAt && run.leaseExpiresAt.getTime() > firstExpiry + 3000 ? run : null;
        },
        20_000,
      );
      expect(renewed).toMatchObject({ state: 'PHASE_EXECUTION', failureReason: null });
    } finally {
      await release();
    }
    expect(await runRow(t.db, 'held-pool')).toMatchObject({ state: 'PHASE_EXECUTION', failureReason: null });
  });
});

describe.each(BACKENDS)('statement time limit on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, {
      AUTOPACK_EXECUTOR_COMMAND: HANGING_EXECUTOR,
      AUTOPACK_DB_STATEMENT_TIMEOUT_MS: '300',
      AUTOPACK_ENABLE_PHASE6_METRICS: '1',
    });
  });
  afterAll(() => t.close());

  it('a write that waits past the limit is cancelled: SERVICE_UNAVAILABLE, nothing written; it succeeds once the lock is gone', async () => {
    await executingRun(t, 'slow');
    const UPDATE = `mutation { updatePhase(input: { runId: "slow", phaseId: "work", state: EXECUTING, tokensUsed: 42 }) { tokensUsed run { tokensUsed } } }`;
    const release = await lockRun(t.db, backend, 'slow');
    let res: any;
    try {
      res = await post(t.url, UPDATE);
    } finally {
      await release();
    }
    expect(res.data).toBeNull();
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Database (statement exceeded its time limit and was cancelled: nothing was written|is busy: retry shortly)$/),
        extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
      }),
    ]);
    const phase = await withOrm(t.db, (orm) => forkEm(orm).findOneOrFail(Phase, { run: 'slow', phaseId: 'work' }));
    expect({ state: phase.state, tokensUsed: phase.tokensUsed, run: (await runRow(t.db, 'slow')).tokensUsed }).toEqual({
      state: 'QUEUED',
      tokensUsed: 0,
      run: 0,
    });
    expect((await postRetryingBusy(t.url, UPDATE)).data).toEqual({ updatePhase: { tokensUsed: 42, run: { tokensUsed: 42 } } });
  });

  it('an ingestion that waits past the limit is cancelled: SERVICE_UNAVAILABLE, no sample stored; it succeeds once the lock is gone', async () => {
    // On PostgreSQL the one ingestion statement inserts, then waits for the run row (its version bump).
    const created = await postRetryingBusy(t.url, `mutation { createRun(input: { id: "slow-ingest", phases: [{ phaseId: "work", name: "Work" }] }) { id } }`);
    expect(created.errors).toBeUndefined();
    const RECORD = `mutation { recordPhaseMetrics(input: [{ runId: "slow-ingest", phaseId: "work", baseTokens: 5 }, { runId: "slow-ingest", phaseId: "work", baseTokens: 6 }]) { totalTokens } }`;
    const release = await lockRun(t.db, backend, 'slow-ingest');
    let res: any;
    try {
      res = await post(t.url, RECORD);
    } finally {
      await release();
    }
    expect(res.data?.recordPhaseMetrics ?? null).toBeNull();
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Database (statement exceeded its time limit and was cancelled: nothing was written|is busy: retry shortly)$/),
        extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
      }),
    ]);
    const samples = () => withOrm(t.db, (orm) => forkEm(orm).execute(`select count(*) as n from phase_metrics where run_id = 'slow-ingest'`));
    expect(Number((await samples())[0].n)).toBe(0);
    expect((await postRetryingBusy(t.url, RECORD)).data).toEqual({ recordPhaseMetrics: [{ totalTokens: 5 }, { totalTokens: 6 }] });
    expect(Number((await samples())[0].n)).toBe(2);
  });
});
