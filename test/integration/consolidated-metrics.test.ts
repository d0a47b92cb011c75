// The consolidated metrics dashboard: exact sums over the newest samples (limit/offset applied), the
// guide's order of checks, one statement per run or per page of runs, and the index that serves it.
import { explain } from '../../src/modules/ops/verify';
import { consolidatedStatement } from '../../src/modules/telemetry/batch';
import { dialectOf, literalSql } from '../../src/db/reads';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const ON = { PHASE6_METRICS: true, CONSOLIDATED_METRICS: true };
const FIELDS = 'runId retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens totalPhases phasesWithMetrics';
const TOP = `query($runId: ID!, $limit: Int, $offset: Int) { consolidatedMetrics(runId: $runId, limit: $limit, offset: $offset) { ${FIELDS} } }`;
const NESTED = `query($id: ID!, $limit: Int, $offset: Int) { run(id: $id) { id consolidatedMetrics(limit: $limit, offset: $offset) { ${FIELDS} } } }`;

// cm-run's samples, oldest first: [phase, hour, retrieval, second opinion, evidence request, base]
const SAMPLES: [string, number, number, number, number, number][] = [
  ['p1', 1, 10, 1, 0, 100], // total 111
  ['p2', 2, 20, 2, 5, 200], // 227
  ['p1', 3, 30, 0, 0, 300], // 330
  ['p3', 4, 40, 4, 10, 400], // 454
  ['p2', 5, 50, 5, 0, 500], // 555
  ['p1', 6, 60, 6, 15, 600], // 681
];
const at = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour)).toISOString();

const expected = (r: number, s: number, e: number, b: number, phasesWithMetrics: number, runId = 'cm-run', totalPhases = 4) => ({
  runId,
  retrievalTokens: r,
  secondOpinionTokens: s,
  evidenceRequestTokens: e,
  baseTokens: b,
  totalTokens: r + s + e + b,
  totalPhases,
  phasesWithMetrics,
});

describe.each(BACKENDS)('consolidatedMetrics on %s', (backend) => {
  let h: Harness;
  const run = (id: string, phases: string[]) =>
    h.exec(`mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`, { input: { id, phases: phases.map((p) => ({ phaseId: p, name: p })) } });
  const record = async (input: unknown[]) => {
    const res = await h.exec(`mutation($input: [PhaseMetricsInput!]!) { recordPhaseMetrics(input: $input) { id } }`, { input }, ON);
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    h = await createHarness(backend);
    await run('cm-run', ['p1', 'p2', 'p3', 'p4']);
    await run('cm-other', ['p1']);
    await run('cm-empty', ['a', 'b']);
    await run('cm-no-phases', []);
    await run('cm-tie', ['p1']);
    await record(
      SAMPLES.map(([phaseId, hour, r, s, e, b]) => ({
        runId: 'cm-run',
        phaseId,
        retrievalTokens: r,
        secondOpinionTokens: s,
        evidenceRequestTokens: e,
        baseTokens: b,
        createdAt: at(hour),
      })),
    );
    // Another run's samples, newer than all of cm-run's: they must never leak into cm-run's sums.
    await record([{ runId: 'cm-other', phaseId: 'p1', retrievalTokens: 9000, baseTokens: 9000, createdAt: at(10) }]);
    // Two samples with the same timestamp: the later-stored one (higher id) counts as newer.
    await record([
      { runId: 'cm-tie', phaseId: 'p1', retrievalTokens: 1, createdAt: at(1) },
      { runId: 'cm-tie', phaseId: 'p1', retrievalTokens: 2, createdAt: at(1) },
    ]);
  });
  afterAll(() => h.close());

  const top = async (runId: string, limit?: number, offset?: number) => {
    const res = await h.exec(TOP, { runId, limit, offset }, ON);
    expect(res.errors).toBeUndefined();
    return res.data!.consolidatedMetrics;
  };

  it('sums every sample of a run by default (hand-computed): total is the sum of the four category sums', async () => {
    expect(await top('cm-run')).toEqual(expected(210, 18, 30, 2100, 3));
    expect((await top('cm-run')).totalTokens).toBe(111 + 227 + 330 + 454 + 555 + 681);
  });

  it.each([
    [2, 0, expected(110, 11, 15, 1100, 2)], // hours 6, 5
    [2, 2, expected(70, 4, 10, 700, 2)], // hours 4, 3
    [3, 3, expected(60, 3, 5, 600, 2)], // hours 3, 2, 1
    [10, 5, expected(10, 1, 0, 100, 1)], // hour 1
    [1, 6, expected(0, 0, 0, 0, 0)], // past the end
    [10000, 0, expected(210, 18, 30, 2100, 3)],
  ])('applies limit %i offset %i to the newest-first samples', async (limit, offset, want) => {
    expect(await top('cm-run', limit, offset)).toEqual(want);
    const nested = await h.exec(NESTED, { id: 'cm-run', limit, offset }, ON);
    expect(nested.data!.run.consolidatedMetrics).toEqual(want);
  });

  it('runs without samples or without phases answer zeros, never null', async () => {
    expect(await top('cm-empty')).toEqual(expected(0, 0, 0, 0, 0, 'cm-empty', 2));
    expect(await top('cm-no-phases')).toEqual(expected(0, 0, 0, 0, 0, 'cm-no-phases', 0));
    expect(await top('cm-other')).toEqual(expected(9000, 0, 0, 9000, 1, 'cm-other', 1));
  });

  it('breaks timestamp ties by storage order, so pages never overlap', async () => {
    expect((await top('cm-tie', 1, 0)).retrievalTokens).toBe(2);
    expect((await top('cm-tie', 1, 1)).retrievalTokens).toBe(1);
  });

  it('checks the kill switch, then the arguments, then the run', async () => {
    const call = (vars: Record<string, unknown>, flags = ON) => h.exec(TOP, vars, flags).then((r) => r.errors?.[0]);
    // kill switch first, whatever the arguments and the run
    expect(await call({ runId: 'nope', limit: 20000 }, { ...ON, CONSOLIDATED_METRICS: false })).toMatchObject({
      message: 'Consolidated metrics disabled',
      extensions: { code: 'FEATURE_DISABLED', flag: 'AUTOPACK_ENABLE_CONSOLIDATED_METRICS' },
    });
    // then the arguments, even for an unknown run
    expect(await call({ runId: 'nope', limit: 10001 })).toMatchObject({
      message: 'Limit cannot exceed 10000',
      extensions: { code: 'BAD_USER_INPUT', field: 'limit' },
    });
    expect(await call({ runId: 'cm-run', limit: 0 })).toMatchObject({ message: 'Limit must be at least 1', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await call({ runId: 'cm-run', offset: -1 })).toMatchObject({
      message: 'Offset cannot be negative',
      extensions: { code: 'BAD_USER_INPUT', field: 'offset' },
    });
    // then the run
    expect(await call({ runId: 'nope' })).toMatchObject({ message: 'Run not found: nope', extensions: { code: 'NOT_FOUND' } });
    // the nested field checks its arguments too
    const nested = await h.exec(NESTED, { id: 'cm-run', limit: 10001 }, ON);
    expect(nested.errors![0]).toMatchObject({ message: 'Limit cannot exceed 10000', path: ['run', 'consolidatedMetrics'] });
  });

  it('costs one SQL statement for a run, and one per page for a whole list of runs', async () => {
    h.statements.length = 0;
    await top('cm-run');
    expect(h.statements).toHaveLength(1);

    h.statements.length = 0;
    const list = await h.exec(
      `{ runs(first: 100) { nodes { id a: consolidatedMetrics(limit: 2) { totalTokens } b: consolidatedMetrics(limit: 2, offset: 2) { totalTokens } } } }`,
      {},
      ON,
    );
    expect(list.errors).toBeUndefined();
    const byId = Object.fromEntries(list.data!.runs.nodes.map((n: any) => [n.id, [n.a.totalTokens, n.b.totalTokens]]));
    expect(byId).toEqual({ 'cm-run': [1236, 784], 'cm-other': [18000, 0], 'cm-empty': [0, 0], 'cm-no-phases': [0, 0], 'cm-tie': [3, 0] });
    // runs page (no count: totalCount is not selected) + one statement per (limit, offset) page: 3, whatever
    // the number of runs
    expect(h.statements).toHaveLength(3);
  });

  it('is served by idx_phase_metrics_run_created_id, one index search per run of the batch', async () => {
    const em = h.em();
    for (const ids of [['cm-run'], ['cm-run', 'cm-other', 'cm-empty']]) {
      const { sql, params } = consolidatedStatement(dialectOf(em), ids, { limit: 1000, offset: 0 });
      const plan = await explain(em, literalSql(em, sql, params));
      if (backend === 'sqlite') {
        // one UNION ALL branch per run, each searching the index
        expect(plan.match(/SEARCH phase_metrics USING INDEX idx_phase_metrics_run_created(?:_id)? \(run_id=\?\)/g)).toHaveLength(ids.length);
      } else {
        // one statement text for any number of runs: the run ids drive a nested loop whose inner side
        // (the LATERAL page of one run) searches the index once per run
        expect(plan.match(/Index Scan using idx_phase_metrics_run_created(?:_id)? on phase_metrics/g)).toHaveLength(1);
        expect(plan).toMatch(/Nested Loop Left Join[\s\S]*Index Cond: \(\(run_id\)::text = \(r\.id\)::text\)/);
      }
      expect(plan).not.toMatch(/SCAN phase_metrics|Seq Scan on phase_metrics/);
    }
  });
});
