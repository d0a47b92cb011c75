// A field that fails on its own (a disabled kill switch, a row gone) is null with one error at its path;
// the rest of the answer stays. Lists included: one run's failure never erases the list.
import { DashboardEvent, Phase, Run } from '../../src/db/entities';
import { isPostgres, type Em } from '../../src/db/orm';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

/** Deletes a run behind the service's back, leaving its phases and events pointing at nothing. */
async function deleteRunUnguarded(em: Em, id: string): Promise<void> {
  if (isPostgres(em)) {
    await em.transactional(async (tx) => {
      await tx.execute('set local session_replication_role = replica'); // no FK triggers in this transaction
      await tx.execute('delete from runs where id = ?', [id]);
    });
  } else {
    // The SQLite pool has exactly one connection.
    await em.execute('pragma foreign_keys = off');
    try {
      await em.execute('delete from runs where id = ?', [id]);
    } finally {
      await em.execute('pragma foreign_keys = on');
    }
  }
}

describe.each(BACKENDS)('partial answers on %s', (backend) => {
  let h: Harness;
  const ids = ['pa-1', 'pa-2', 'pa-3'];
  beforeAll(async () => {
    h = await createHarness(backend);
    const em = h.em();
    for (const id of ids) {
      const run = em.create(Run, { id });
      const phase = em.create(Phase, { run, phaseId: 'p1', name: 'P1' });
      em.create(DashboardEvent, { run, phase, eventType: 'PHASE_STARTED', message: id });
    }
    await em.flush();
  });
  afterAll(() => h.close());

  const flagNames = [{ flag: 'PHASE6_METRICS' }, { flag: 'CONSOLIDATED_METRICS' }];

  it('a disabled field in a list: every run is there, each with one FEATURE_DISABLED error at its path', async () => {
    const res = await h.exec(`{ runs { nodes { id state consolidatedMetrics { totalTokens } } } featureFlags { flag } }`);
    expect(res.data).toEqual({
      runs: { nodes: [...ids].reverse().map((id) => ({ id, state: 'RUN_CREATED', consolidatedMetrics: null })) },
      featureFlags: flagNames,
    });
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual(
      [0, 1, 2].map((i) => [['runs', 'nodes', i, 'consolidatedMetrics'], 'FEATURE_DISABLED']),
    );
  });

  it('a disabled root field or mutation leaves its siblings', async () => {
    const read = await h.exec(`{ consolidatedMetrics(runId: "pa-1") { totalTokens } featureFlags { flag } }`);
    expect(read.data).toEqual({ consolidatedMetrics: null, featureFlags: flagNames });
    expect(read.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['consolidatedMetrics'], 'FEATURE_DISABLED']]);

    const write = await h.exec(`mutation {
      createRun(input: { id: "pa-m" }) { id }
      recordPhaseMetrics(input: [{ runId: "pa-1", phaseId: "p1", baseTokens: 1 }]) { id }
    }`);
    expect(write.data).toEqual({ createRun: { id: 'pa-m' }, recordPhaseMetrics: null });
    expect(write.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['recordPhaseMetrics'], 'FEATURE_DISABLED']]);
  });

  it('root lookups of a run that does not exist are null with NOT_FOUND, next to the rest', async () => {
    const res = await h.exec(
      `{
      integrityReport(runId: "gone") { ok }
      failurePatterns(runId: "gone", minOccurrences: 1) { patternId }
      consolidatedMetrics(runId: "gone") { totalTokens }
      featureFlags { flag }
    }`,
      {},
      { CONSOLIDATED_METRICS: true },
    );
    expect(res.data).toEqual({ integrityReport: null, failurePatterns: null, consolidatedMetrics: null, featureFlags: flagNames });
    expect(res.errors!.map((e) => [e.path![0], e.extensions!.code]).sort()).toEqual([
      ['consolidatedMetrics', 'NOT_FOUND'],
      ['failurePatterns', 'NOT_FOUND'],
      ['integrityReport', 'NOT_FOUND'],
    ]);
  });

  it('relations to a row that is gone are null with NOT_FOUND; the other rows of the list stay whole', async () => {
    await deleteRunUnguarded(h.em(), 'pa-2');
    const res = await h.exec(`{ dashboardEvents { message run { id } phase { phaseId run { id } } } }`);
    expect(res.data!.dashboardEvents).toEqual([
      { message: 'pa-3', run: { id: 'pa-3' }, phase: { phaseId: 'p1', run: { id: 'pa-3' } } },
      { message: 'pa-2', run: null, phase: { phaseId: 'p1', run: null } },
      { message: 'pa-1', run: { id: 'pa-1' }, phase: { phaseId: 'p1', run: { id: 'pa-1' } } },
    ]);
    expect(res.errors!.map((e) => [e.path, e.extensions!.code, e.message])).toEqual([
      [['dashboardEvents', 1, 'run'], 'NOT_FOUND', 'Run not found: pa-2'],
      [['dashboardEvents', 1, 'phase', 'run'], 'NOT_FOUND', 'Run not found: pa-2'],
    ]);
  });
});
