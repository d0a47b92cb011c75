// The read path's statement budget per query shape, on both backends (issue 18): a page of runs reads what its
// nodes ask of phases, samples, events and consolidated metrics in its own statement (JSON built by the
// database, handed to the loaders); elsewhere one statement per nesting level; no count(*) unless totalCount is
// selected; and statement texts that do not depend on how many rows or keys there are (key lists are one array
// parameter), so PostgreSQL plans each once per connection.
import { DashboardEvent, Phase, PhaseMetrics, Run } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const ON = { CONSOLIDATED_METRICS: true, PHASE6_METRICS: true };

// The peer bench's workloads (bench/peer-workloads.ts), with the page size as a variable.
const DASHBOARD = `query($n: Int!) { runs(first: $n) { nodes { phases { metrics { totalTokens } } status { percentComplete }
  events(limit: 10) { eventType } consolidatedMetrics { totalTokens } } } }`;
const LIST = 'query($n: Int!) { runs(first: $n) { nodes { id state tokensUsed createdAt } } }';
const LIST_COUNTED = 'query($n: Int!) { runs(first: $n) { totalCount nodes { id } } }';
const LIST_COUNTED_IN_FRAGMENT = 'query($n: Int!) { runs(first: $n) { ...Total nodes { id } } } fragment Total on RunConnection { total: totalCount }';
const CONSOLIDATED = '{ consolidatedMetrics(runId: "run-0") { totalTokens totalPhases } }';
const ONE_RUN = '{ run(id: "run-1") { id phases { phaseId } } }';

async function seed(h: Harness, runs: number): Promise<void> {
  const em = h.em();
  const t0 = Date.UTC(2026, 5, 1);
  for (let r = 0; r < runs; r++) {
    const run = em.create(Run, { id: `run-${r}`, createdAt: new Date(t0 + r * 1000), updatedAt: new Date(t0) });
    for (let p = 0; p < 3; p++) {
      const phase = em.create(Phase, { run, phaseId: `p${p}`, name: `Phase ${p}`, phaseIndex: p, state: p < 2 ? 'COMPLETE' : 'QUEUED' });
      em.create(PhaseMetrics, { run, phase, retrievalTokens: 1, secondOpinionTokens: 2, evidenceRequestTokens: 3, baseTokens: p, totalTokens: 6 + p });
      em.create(DashboardEvent, { run, phase, eventType: 'PHASE_STARTED', message: `phase ${p}` });
    }
  }
  await em.flush();
}

describe.each(BACKENDS)('read statements on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    await seed(h, 30);
  });
  afterAll(() => h.close());

  /** The statements one query sends (it must answer without errors). */
  async function statements(query: string, variables: Record<string, unknown> = {}): Promise<string[]> {
    h.statements.length = 0;
    const res = await h.exec(query, variables, ON);
    expect(res.errors).toBeUndefined();
    return [...h.statements];
  }

  it.each([
    ['the dashboard: runs page with phases, samples, events and consolidated metrics in one statement', DASHBOARD, 1, 0],
    ['the dashboard with totalCount: the page and its count', DASHBOARD.replace('nodes {', 'totalCount nodes {'), 2, 1],
    ['a runs page without totalCount: the page only', LIST, 1, 0],
    ['a runs page with totalCount: page and count', LIST_COUNTED, 2, 1],
    ['totalCount asked in a fragment is counted', LIST_COUNTED_IN_FRAGMENT, 2, 1],
  ])('%s', async (_, query, expected, counts) => {
    const few = await statements(query, { n: 3 });
    const many = await statements(query, { n: 30 });
    expect(few).toHaveLength(expected);
    expect(many).toHaveLength(expected);
    expect(few.filter((s) => /count\(\*\) as n from runs/.test(s))).toHaveLength(counts);
    // The same statement texts for 3 runs and for 30: nothing in them grows with the number of keys. (SQLite's
    // consolidated statement is the exception: one UNION ALL branch per run, as SQLite has no LATERAL.)
    // Sorted: statements running side by side on PostgreSQL are logged as they finish.
    const fixed = (list: string[]) => list.filter((s) => backend === 'postgresql' || !/union all/.test(s)).sort();
    expect(fixed(many)).toEqual(fixed(few));
  });

  it('what the page read is what the nested resolvers load: their loaders send nothing more', async () => {
    // Fragments, aliases, variables, @include, phase events, every sample column: each nested field's loader key
    // (limit, column list, page of samples) is foreseen exactly, so one statement answers it all.
    const query = `query($n: Int!, $limit: Int, $yes: Boolean!) { runs(first: $n) { nodes { ...Nested
      again: phases { phaseId } status { totalPhases } } } }
      fragment Nested on Run { id phases { id metrics(limit: 2) { ...Sample } events(limit: $limit) @include(if: $yes) { message phase { phaseId } } run { id } }
        latest: events(limit: 1) { eventType } consolidatedMetrics(limit: 10) { totalTokens phasesWithMetrics } }
      fragment Sample on PhaseMetrics { id totalTokens createdAt phase { phaseId } run { id } }`;
    const sent = await statements(query, { n: 5, limit: 3, yes: true });
    expect(sent).toHaveLength(1);
    // The sample columns behind the selection (their phase_id is the enclosing phase's: not repeated per sample).
    expect(sent[0]).toMatch(/select s\.id, s\.run_id, s\.total_tokens, .{0,60}s\.created_at.{0,30} from phase_metrics s where s\.phase_id = p\.id/);
    const res = await h.exec(query, { n: 5, limit: 3, yes: true }, ON);
    const node = res.data!.runs.nodes[0];
    expect(node).toMatchObject({ id: 'run-29', latest: [{ eventType: 'PHASE_STARTED' }], consolidatedMetrics: { totalTokens: 21, phasesWithMetrics: 3 } });
    expect(node.phases[2]).toMatchObject({ metrics: [{ totalTokens: 8, phase: { phaseId: 'p2' }, run: { id: 'run-29' } }], events: [{ message: 'phase 2' }] });
  });

  it('a field asked with two different arguments, or refused, is left to its loader', async () => {
    // two limits of Run.events: the page reads the rest, the events come from their loaders (one statement per limit)
    const two = await statements('{ runs(first: 5) { nodes { status { totalPhases } a: events(limit: 1) { id } b: events(limit: 2) { id } } } }');
    expect(two).toHaveLength(3);
    // a limit out of range: the nested resolver's own coded error, at its path, the rest answered
    const bad = await h.exec('{ runs(first: 2) { nodes { id consolidatedMetrics(limit: 0) { totalTokens } status { totalPhases } } } }', {}, ON);
    expect(bad.errors).toHaveLength(2);
    expect(bad.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, path: ['runs', 'nodes', 0, 'consolidatedMetrics'] });
    expect(bad.data!.runs.nodes[1]).toEqual({ id: 'run-28', consolidatedMetrics: null, status: { totalPhases: 3 } });
  });

  it('consolidated metrics switched off: not read, and refused at their path', async () => {
    h.statements.length = 0;
    const res = await h.exec(DASHBOARD, { n: 3 }, { CONSOLIDATED_METRICS: false, PHASE6_METRICS: true });
    expect(h.statements).toHaveLength(1);
    expect(h.statements[0]).not.toMatch(/consolidated/);
    expect(res.errors).toHaveLength(3);
    expect(res.errors![0]).toMatchObject({ extensions: { code: 'FEATURE_DISABLED' }, path: ['runs', 'nodes', 0, 'consolidatedMetrics'] });
    expect(res.data!.runs.nodes[0].phases).toHaveLength(3);
  });

  it("a page's nested fields answer from its records: no nested list loader is asked", async () => {
    // A loader asked per phase (200 for the dashboard) cost a call, a key and a promise each.
    const ctx = h.context(ON);
    const asked = new Set<string>();
    const loaders = ctx.loaders;
    ctx.loaders = new Proxy(loaders, {
      get: (target, name) => {
        asked.add(String(name));
        const value = Reflect.get(target, name, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const query = DASHBOARD.replace('events(limit: 10) { eventType }', 'events(limit: 10) { eventType } phases { events(limit: 2) { id } }');
    const res = await h.apollo.executeOperation({ query, variables: { n: 3 } }, { contextValue: ctx });
    expect(res.body.kind === 'single' && res.body.singleResult.errors).toBeFalsy();
    expect([...asked].sort()).toEqual(['phase', 'phasesByRun', 'run']); // primed for other paths (PhaseMetrics.phase, ...)
  });

  it('a document without variables is looked ahead once per consolidated switch state', async () => {
    const plain = DASHBOARD.replace('query($n: Int!)', '').replace('$n', '3');
    for (const consolidated of [false, true, false]) {
      h.statements.length = 0;
      const res = await h.exec(plain, {}, { CONSOLIDATED_METRICS: consolidated, PHASE6_METRICS: true });
      expect(h.statements).toHaveLength(1);
      expect(/total_phases/.test(h.statements[0])).toBe(consolidated);
      expect(res.data!.runs.nodes[0].consolidatedMetrics).toEqual(consolidated ? { totalTokens: 21 } : null);
    }
  });

  it("one run's consolidated metrics: one statement; one run with its phases: two", async () => {
    expect(await statements(CONSOLIDATED)).toHaveLength(1);
    expect(await statements(ONE_RUN)).toHaveLength(2);
  });

  it('telemetry samples: only the columns behind the selected fields (aliases and fragments included)', async () => {
    const sampleReads = (list: string[]) => list.filter((s) => /from phase_metrics where phase_id/.test(s));
    expect(sampleReads(await statements('{ run(id: "run-1") { phases { metrics { totalTokens } } } }'))).toEqual([
      expect.stringMatching(/^select phase_id, total_tokens from \( select phase_id, total_tokens, row_number\(\)/),
    ]);
    const query = '{ run(id: "run-1") { phases { phaseId metrics { t: totalTokens ...When } } } } fragment When on PhaseMetrics { createdAt }';
    expect(sampleReads(await statements(query))).toEqual([
      expect.stringMatching(/^select phase_id, total_tokens, created_at from \( select phase_id, total_tokens, created_at, row_number\(\)/),
    ]);
    const res = await h.exec(query);
    expect(res.data!.run.phases[2]).toEqual({ phaseId: 'p2', metrics: [{ t: 8, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }] });
  });

  it('the counted and the uncounted page are the same page', async () => {
    const counted = await h.exec(LIST_COUNTED, { n: 7 });
    const plain = await h.exec('query($n: Int!) { runs(first: $n) { nodes { id } pageInfo { hasNextPage endCursor } } }', { n: 7 });
    expect(counted.data!.runs).toMatchObject({ totalCount: 30, nodes: plain.data!.runs.nodes });
    const next = await h.exec('query($a: String) { runs(first: 100, after: $a) { nodes { id } } }', { a: plain.data!.runs.pageInfo.endCursor });
    expect(next.data!.runs.nodes).toHaveLength(23);
    expect(next.data!.runs.nodes[0]).toEqual({ id: 'run-22' });
  });

  it('runs pages and loaders fork no EntityManager (they read through the root one); a write still forks', async () => {
    const fork = jest.spyOn(h.orm.em, 'fork');
    try {
      for (const query of [LIST, DASHBOARD, ONE_RUN]) await statements(query, { n: 5 });
      expect(fork).not.toHaveBeenCalled();
      // A request that writes still gets its own.
      const res = await h.exec('mutation { createRun(input: { id: "forks-1" }) { id } }');
      expect(res.errors).toBeUndefined();
      expect(fork).toHaveBeenCalled();
    } finally {
      fork.mockRestore();
    }
  });

  it('the look-ahead of a document without variables follows the consolidated metrics switch on every request', async () => {
    // The same document text each time (its look-ahead is worked out once per switch state).
    const query = '{ runs(first: 4) { nodes { id consolidatedMetrics { totalTokens } status { totalPhases } } } }';
    const run = async (on: boolean) => {
      h.statements.length = 0;
      const res = await h.exec(query, {}, { CONSOLIDATED_METRICS: on });
      return { res, statements: h.statements.length };
    };
    // Switched off first: a look-ahead kept from then would leave the totals to their own statement later.
    const off = await run(false);
    expect(off.res.errors?.[0].extensions?.code).toBe('FEATURE_DISABLED');
    const on = await run(true);
    expect(on.res.errors).toBeUndefined();
    expect(on.statements).toBe(1);
    expect(await run(false)).toEqual(off);
    expect(await run(true)).toEqual(on);
  });
});
