// recordPhaseMetrics: the server computes totals, refuses double counting and bad values with coded errors,
// and stores all rows of a call or none of them.
import { PhaseMetrics } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const RECORD = `mutation Record($input: [PhaseMetricsInput!]!) {
  recordPhaseMetrics(input: $input) {
    id retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens createdAt
    phase { phaseId } run { id }
  }
}`;
const ON = { PHASE6_METRICS: true };

const sample = (runId: string, phaseId: string, r: number, s: number, e: number, b: number, extra: Record<string, unknown> = {}) => ({
  runId,
  phaseId,
  retrievalTokens: r,
  secondOpinionTokens: s,
  evidenceRequestTokens: e,
  baseTokens: b,
  ...extra,
});

describe.each(BACKENDS)('recordPhaseMetrics on %s', (backend) => {
  let h: Harness;
  const stored = () => h.em().count(PhaseMetrics, {});
  const record = (input: unknown[]) => h.exec(RECORD, { input }, ON);

  beforeAll(async () => {
    h = await createHarness(backend);
    for (const [id, phases] of [
      ['ingest-a', ['plan', 'build', 'test']],
      ['ingest-b', ['plan']],
    ] as const) {
      const res = await h.exec(`mutation($input: CreateRunInput!) { createRun(input: $input) { id } }`, {
        input: { id, phases: phases.map((p) => ({ phaseId: p, name: p })) },
      });
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => h.close());

  it('stores a batch over several runs and returns the stored rows in input order, totals computed by the server', async () => {
    const before = await stored();
    const res = await record([
      sample('ingest-a', 'plan', 100, 20, 3, 1000, { createdAt: '2026-03-01T10:00:00.000Z' }),
      sample('ingest-b', 'plan', 0, 0, 0, 7),
      sample('ingest-a', 'build', 1, 2, 3, 4, { totalTokens: 10 }),
    ]);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.recordPhaseMetrics;
    expect(rows.map((r: any) => [r.run.id, r.phase.phaseId, r.totalTokens])).toEqual([
      ['ingest-a', 'plan', 1123],
      ['ingest-b', 'plan', 7],
      ['ingest-a', 'build', 10],
    ]);
    expect(rows[0]).toMatchObject({
      retrievalTokens: 100,
      secondOpinionTokens: 20,
      evidenceRequestTokens: 3,
      baseTokens: 1000,
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    expect(Number(rows[1].id)).toBeGreaterThan(Number(rows[0].id));
    expect(Date.now() - Date.parse(rows[1].createdAt)).toBeLessThan(60_000);
    expect(await stored()).toBe(before + 3);
    // What was returned is what the database holds.
    const again = await h.em().findOneOrFail(PhaseMetrics, { id: Number(rows[0].id) });
    expect(again.totalTokens).toBe(1123);
    expect(again.createdAt.toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });

  it('accepts 2^53 - 1 and the 1000-row maximum, with the same statement count as for one row', async () => {
    const big = Number.MAX_SAFE_INTEGER;
    h.statements.length = 0;
    const one = await record([sample('ingest-b', 'plan', big, 0, 0, 0)]);
    expect(one.errors).toBeUndefined();
    expect(one.data!.recordPhaseMetrics[0].totalTokens).toBe(big);
    // The write, then one batched read each for the nested phase and run. PostgreSQL: ONE statement resolves the
    // phases, inserts, bumps the run versions and sends the NOTIFY (no BEGIN/COMMIT: a statement is its own
    // transaction). SQLite: the INSERT (phases resolved by a join) and the version bump at commit.
    const write = h.backend === 'postgresql' ? ['with'] : ['begin', 'insert', 'update', 'commit'];
    const expected = [...write, 'select', 'select'];
    const verbs = () => h.statements.map((s) => s.trim().split(/\s/)[0].toLowerCase());
    expect(verbs()).toEqual(expected);
    const writeText = h.statements.find((s) => /phase_metrics/.test(s));
    expect(writeText).toMatch(h.backend === 'postgresql' ? /insert into "phase_metrics"[^]*pg_notify/ : /^insert into "phase_metrics"/);

    const before = await stored();
    h.statements.length = 0;
    const input = Array.from({ length: 1000 }, (_, i) =>
      sample(i % 2 ? 'ingest-a' : 'ingest-b', i % 2 ? ['plan', 'build', 'test'][i % 3] : 'plan', i, 1, 0, 0),
    );
    const many = await record(input);
    expect(many.errors).toBeUndefined();
    expect(many.data!.recordPhaseMetrics).toHaveLength(1000);
    expect(many.data!.recordPhaseMetrics[999].totalTokens).toBe(1000);
    expect(verbs()).toEqual(expected);
    // One statement text for 1 row and for 1000 (rows travel as one document): PostgreSQL plans it once.
    expect(h.statements.find((s) => /phase_metrics/.test(s))).toBe(writeText);
    expect(await stored()).toBe(before + 1000);
  });

  const refusals: [string, unknown[], string, RegExp][] = [
    [
      'a client total that differs from the sum (names the row and both numbers)',
      [sample('ingest-a', 'plan', 1, 1, 1, 1), sample('ingest-a', 'plan', 1, 1, 1, 1), sample('ingest-a', 'build', 10, 20, 30, 40, { totalTokens: 200 })],
      'BAD_USER_INPUT',
      /^Row 2: totalTokens 200 differs from the sum of the four categories 100/,
    ],
    [
      'a negative category',
      [sample('ingest-a', 'plan', 1, 1, 1, 1), sample('ingest-a', 'plan', 0, -5, 0, 0)],
      'BAD_USER_INPUT',
      /^Row 1: secondOpinionTokens must be an integer from 0 to 2\^53 - 1, got -5$/,
    ],
    ['a non-integer', [sample('ingest-a', 'plan', 1.5, 0, 0, 0)], 'BAD_USER_INPUT', /SafeInt must be an integer/],
    ['a value above 2^53', [sample('ingest-a', 'plan', 2 ** 53 + 2, 0, 0, 0)], 'BAD_USER_INPUT', /SafeInt must be an integer/],
    [
      'categories adding up beyond 2^53',
      [sample('ingest-a', 'plan', 2 ** 52, 2 ** 52, 0, 0)],
      'BAD_USER_INPUT',
      /^Row 0: the four categories add up to more than 2\^53 - 1$/,
    ],
    ['an unknown run', [sample('ingest-a', 'plan', 1, 0, 0, 0), sample('no-such-run', 'plan', 1, 0, 0, 0)], 'NOT_FOUND', /^Row 1: run not found: no-such-run$/],
    [
      'an unknown phase',
      [sample('ingest-a', 'plan', 1, 0, 0, 0), sample('ingest-b', 'build', 1, 0, 0, 0)],
      'NOT_FOUND',
      /^Row 1: phase not found: run ingest-b has no phase build$/,
    ],
    ['a malformed run id', [sample('bad id!', 'plan', 1, 0, 0, 0)], 'BAD_USER_INPUT', /^Invalid runId at row 0/],
    [
      'more than 1000 rows',
      Array.from({ length: 1001 }, () => sample('ingest-a', 'plan', 1, 0, 0, 0)),
      'BAD_USER_INPUT',
      /^At most 1000 rows per call, got 1001$/,
    ],
  ];

  it.each(refusals)('refuses %s with a coded error and stores nothing from the call', async (_, input, code, message) => {
    const before = await stored();
    const res = await record(input);
    expect(res.data?.recordPhaseMetrics ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe(code);
    expect(res.errors![0].message).toMatch(message);
    expect(await stored()).toBe(before);
  });

  it('reports the row index and both numbers in the error extensions too', async () => {
    const res = await record([sample('ingest-a', 'plan', 5, 0, 0, 0, { totalTokens: 6 })]);
    expect(res.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', row: 0, field: 'totalTokens', totalTokens: 6, sum: 5 });
  });

  it('an empty batch stores nothing and answers an empty list', async () => {
    const res = await record([]);
    expect(res).toEqual({ data: { recordPhaseMetrics: [] } });
  });

  it('with the kill switch off answers FEATURE_DISABLED "Phase 6 metrics disabled" and stores nothing', async () => {
    const before = await stored();
    const res = await h.exec(RECORD, { input: [sample('ingest-a', 'plan', 1, 0, 0, 0)] }, { PHASE6_METRICS: false });
    expect(res.errors![0]).toMatchObject({ message: 'Phase 6 metrics disabled', extensions: { code: 'FEATURE_DISABLED' } });
    expect(await stored()).toBe(before);
  });
});
