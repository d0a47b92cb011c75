// Issue 14, item 1: a query is priced by its list sizes and refused before any SQL runs; every nested list
// has a limit applied per parent in one statement per level; the response ceiling stops an answer that the
// estimate let through.
import { DashboardEvent, Phase, PhaseMetrics, Run } from '../../src/db/entities';
import { ATTACKS } from '../helpers/cost-attacks';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const EVENTS = 1000;
const SAMPLES_PER_PHASE = 30;

/** Run "r": phases p0 and p1 with 30 samples each, 1000 events (every other one on p0), 3 replays. */
async function seed(h: Harness): Promise<void> {
  const em = h.em();
  const t0 = Date.UTC(2026, 5, 1);
  const run = em.create(Run, { id: 'r', createdAt: new Date(t0), updatedAt: new Date(t0) });
  const phases = [0, 1].map((p) => em.create(Phase, { run, phaseId: `p${p}`, name: `Phase ${p}`, phaseIndex: p }));
  for (const phase of phases) {
    for (let i = 0; i < SAMPLES_PER_PHASE; i++) {
      em.create(PhaseMetrics, {
        run,
        phase,
        retrievalTokens: 0,
        secondOpinionTokens: 0,
        evidenceRequestTokens: 0,
        baseTokens: i,
        totalTokens: i,
        createdAt: new Date(t0 + i * 1000),
      });
    }
  }
  for (let i = 0; i < EVENTS; i++) {
    em.create(DashboardEvent, {
      run,
      phase: i % 2 ? null : phases[0],
      eventType: 'TICK',
      message: `event ${i} `.padEnd(40, '.'),
      createdAt: new Date(t0 + i * 1000),
    });
  }
  for (let i = 0; i < 3; i++) em.create(Run, { id: `r-replay-${i}`, replayOf: run, createdAt: new Date(t0 + (i + 1) * 60_000), updatedAt: new Date(t0) });
  await em.flush();
}

describe.each(BACKENDS)('query cost and list limits on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    await seed(h);
  });
  afterAll(() => h?.close());

  it.each(Object.entries(ATTACKS))('refuses %s with COST_LIMIT_EXCEEDED, its cost and the limit, before any SQL', async (_name, query) => {
    h.statements.length = 0;
    const res = await h.exec(query, { n: 1000 });
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    const { message, extensions } = res.errors![0];
    expect(extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 50_000 });
    expect(extensions!.cost).toBeGreaterThan(50_000);
    expect(message).toContain(`Query cost ${extensions!.cost} exceeds the limit of 50000`);
    expect(h.statements).toEqual([]);
  });

  it('prices a document without variables once and refuses it every time; with variables, each time by their values', async () => {
    const costly = '{ runs(first: 1000) { nodes { phases { metrics(limit: 1000) { id } } } } }';
    for (let i = 0; i < 3; i++) expect((await h.exec(costly)).errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    const sized = 'query Sized($n: Int) { runs(first: $n) { nodes { phases { metrics(limit: 1000) { id } } } } }';
    expect((await h.exec(sized, { n: 2 })).errors).toBeUndefined();
    expect((await h.exec(sized, { n: 1000 })).errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect((await h.exec(sized, { n: 2 })).errors).toBeUndefined();
  });

  it('answers the dashboard query of the bench', async () => {
    const res = await h.exec('{ runs(first: 20) { nodes { phases { metrics { totalTokens } } status { percentComplete } events(limit: 10) { eventType } } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.runs.nodes).toHaveLength(4);
  });

  it('Phase.metrics and Phase.events take a limit (default 20, at most 1000) applied per phase, one statement per level', async () => {
    h.statements.length = 0;
    const res = await h.exec(`{ run(id: "r") { phases { phaseId
      metrics { baseTokens } m5: metrics(limit: 5) { baseTokens } all: metrics(limit: 1000) { id }
      events { id } e3: events(limit: 3) { message } } } }`);
    expect(res.errors).toBeUndefined();
    const [p0, p1] = res.data!.run.phases;
    for (const p of [p0, p1]) {
      expect(p.metrics).toHaveLength(20);
      expect(p.metrics[0].baseTokens).toBe(SAMPLES_PER_PHASE - 1); // newest first
      expect(p.m5.map((m: { baseTokens: number }) => m.baseTokens)).toEqual([29, 28, 27, 26, 25]);
      expect(p.all).toHaveLength(SAMPLES_PER_PHASE);
    }
    expect(p0.events).toHaveLength(20);
    expect(p0.e3.map((e: { message: string }) => e.message.split(' ')[1])).toEqual(['998', '996', '994']);
    expect(p1.events).toEqual([]);
    // run, phases, then one statement per distinct list and limit for both phases: 3 metrics + 2 events
    expect(h.statements).toHaveLength(7);

    for (const bad of ['metrics(limit: 1001) { id }', 'events(limit: 0) { id }']) {
      const refused = await h.exec(`{ run(id: "r") { phases { ${bad} } } }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].message).toMatch(/limit must be between 1 and 1000/);
    }
  });

  it('Run.replays takes a limit (oldest first), one statement for every run of the page', async () => {
    h.statements.length = 0;
    const res = await h.exec('{ runs(first: 10) { nodes { id replays(limit: 2) { id replayOf { id } } } } }');
    expect(res.errors).toBeUndefined();
    const r = res.data!.runs.nodes.find((n: { id: string }) => n.id === 'r');
    expect(r.replays).toEqual([
      { id: 'r-replay-0', replayOf: { id: 'r' } },
      { id: 'r-replay-1', replayOf: { id: 'r' } },
    ]);
    // runs page (no count: totalCount is not selected), the replays of every run of the page, the runs they replay
    expect(h.statements).toHaveLength(3);
    expect(h.statements.filter((sql) => sql.includes('replay_of_id') && sql.includes('row_number'))).toHaveLength(1);
  });
});

describe.each(BACKENDS)('response ceiling on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    // A cost limit so high that only the ceiling stands between the query and the answer.
    h = await createHarness(backend, { AUTOPACK_MAX_QUERY_COST: '100000000', AUTOPACK_MAX_RESPONSE_ITEMS: '500', AUTOPACK_MAX_RESPONSE_BYTES: '8192' });
    await seed(h);
  });
  afterAll(() => h?.close());

  it('stops at the first list past AUTOPACK_MAX_RESPONSE_ITEMS: nothing below it is loaded, no partial data', async () => {
    h.statements.length = 0;
    const res = await h.exec('{ run(id: "r") { events(limit: 1000) { run { events(limit: 999) { id } } } } }');
    expect(res.data).toBeNull();
    expect(res.errors).toEqual([
      { message: expect.stringContaining('more than 500 list items'), extensions: { code: 'RESPONSE_TOO_LARGE', limit: 500, unit: 'items' } },
    ]);
    expect(h.statements).toHaveLength(2); // the run and its 1000 events; not the 1000 x 999 below
  });

  it('refuses an answer above AUTOPACK_MAX_RESPONSE_BYTES and serves one below it', async () => {
    const res = await h.exec('{ run(id: "r") { events(limit: 400) { message } } }');
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 8192, unit: 'bytes' });
    expect(res.errors![0].extensions!.bytes).toBeGreaterThan(8192);
    expect(res.errors![0].message).toMatch(/^Response too large: at least \d+ bytes, the limit is 8192/);
    const small = await h.exec('{ run(id: "r") { events(limit: 10) { message } } }');
    expect(small.errors).toBeUndefined();
    expect(small.data!.run.events).toHaveLength(10);
  });

  it('serves an answer just below the ceiling (whose quick upper bound, three bytes a character, is above it)', async () => {
    const one = await h.exec('{ run(id: "r") { events(limit: 1) { message } } }');
    const perEvent = JSON.stringify(one.data!.run.events[0]).length + 1;
    const limit = Math.floor(7000 / perEvent);
    const res = await h.exec(`{ run(id: "r") { events(limit: ${limit}) { message } } }`);
    expect(res.errors).toBeUndefined();
    const messages = res.data!.run.events.map((e: { message: string }) => e.message);
    expect(messages).toHaveLength(limit);
    expect(3 * messages.join('').length).toBeGreaterThan(8192); // the quick bound alone would have refused it
    expect(Buffer.byteLength(JSON.stringify(res))).toBeLessThan(8192);
  });
});
