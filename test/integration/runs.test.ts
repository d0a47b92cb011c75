import { Phase, Run } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const CREATE = `mutation Create($input: CreateRunInput!) {
  createRun(input: $input) {
    id state safetyProfile runScope tokenCap tokensUsed gitCommitSha modelMappingHash goal createdAt
    phases { phaseId phaseIndex name description state tokensUsed run { id } }
    status { totalPhases completedPhases failedPhases executingPhases percentComplete }
  }
}`;

describe.each(BACKENDS)('runs on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
  });
  afterAll(() => h.close());

  const counts = async () => ({ runs: await h.em().count(Run, {}), phases: await h.em().count(Phase, {}) });

  it('creates a run with its phases and reads it back', async () => {
    const res = await h.exec(CREATE, {
      input: {
        id: 'telemetry-v6',
        tokenCap: 9007199254740991,
        gitCommitSha: 'abc123',
        modelMappingHash: 'm1',
        goal: 'Ship Phase 6',
        phases: [
          { phaseId: 'plan', name: 'Plan' },
          { phaseId: 'build', name: 'Build', description: 'compile', phaseIndex: 5 },
        ],
      },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createRun).toMatchObject({
      id: 'telemetry-v6',
      state: 'RUN_CREATED',
      safetyProfile: 'normal',
      runScope: 'multi_tier',
      tokenCap: 9007199254740991,
      tokensUsed: 0,
      gitCommitSha: 'abc123',
      modelMappingHash: 'm1',
      phases: [
        { phaseId: 'plan', phaseIndex: 0, name: 'Plan', description: null, state: 'QUEUED', tokensUsed: 0, run: { id: 'telemetry-v6' } },
        { phaseId: 'build', phaseIndex: 5, name: 'Build', description: 'compile', state: 'QUEUED' },
      ],
      status: { totalPhases: 2, completedPhases: 0, failedPhases: 0, executingPhases: 0, percentComplete: 0 },
    });
    const again = await h.exec(`{ run(id: "telemetry-v6") { id goal phases { phaseId } events { eventType } } missing: run(id: "nope") { id } }`);
    expect(again.data).toEqual({
      run: { id: 'telemetry-v6', goal: 'Ship Phase 6', phases: [{ phaseId: 'plan' }, { phaseId: 'build' }], events: [] },
      missing: null,
    });
  });

  it('derives status from phase states', async () => {
    await h.exec(CREATE, { input: { id: 'status-run', phases: ['a', 'b', 'c', 'd'].map((p) => ({ phaseId: p, name: p })) } });
    const em = h.em();
    const phases = await em.find(Phase, { run: 'status-run' }, { orderBy: { phaseIndex: 'asc' } });
    phases[0].state = 'COMPLETE';
    phases[1].state = 'FAILED';
    phases[2].state = 'CI_RUNNING';
    await em.flush();
    const res = await h.exec(`{ run(id: "status-run") { status { totalPhases completedPhases failedPhases executingPhases percentComplete } } }`);
    expect(res.data!.run.status).toEqual({ totalPhases: 4, completedPhases: 1, failedPhases: 1, executingPhases: 1, percentComplete: 25 });
  });

  it.each([
    ['a run id with a space', { id: 'bad id!' }, 'BAD_USER_INPUT', /Invalid run id "bad id!"/],
    ['a 129-character run id', { id: 'x'.repeat(129) }, 'BAD_USER_INPUT', /Invalid run id/],
    ['a negative token cap', { id: 'neg-cap', tokenCap: -1 }, 'BAD_USER_INPUT', /tokenCap must be a non-negative integer, got -1/],
    [
      'duplicate phase ids',
      {
        id: 'dup-phase',
        phases: [
          { phaseId: 'p', name: 'A' },
          { phaseId: 'p', name: 'B' },
        ],
      },
      'BAD_USER_INPUT',
      /Duplicate phase id "p" at index 1/,
    ],
    [
      'a phase id with a slash',
      {
        id: 'bad-phase',
        phases: [
          { phaseId: 'ok', name: 'A' },
          { phaseId: 'no/slash', name: 'B' },
        ],
      },
      'BAD_USER_INPUT',
      /Invalid phase id at index 1/,
    ],
    ['an empty phase name', { id: 'empty-name', phases: [{ phaseId: 'p', name: '' }] }, 'BAD_USER_INPUT', /phase name at index 0 is required/],
    ['a negative phase index', { id: 'neg-index', phases: [{ phaseId: 'p', name: 'A', phaseIndex: -2 }] }, 'BAD_USER_INPUT', /phaseIndex at index 0/],
    ['a 65-character commit SHA', { id: 'long-sha', gitCommitSha: 'a'.repeat(65) }, 'BAD_USER_INPUT', /gitCommitSha is too long/],
  ])('refuses %s with %s and writes nothing', async (_label, input, code, message) => {
    const before = await counts();
    const res = await h.exec(CREATE, { input });
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe(code);
    expect(res.errors![0].message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it('refuses a non-integer or oversized token cap at the scalar', async () => {
    for (const tokenCap of [1.5, 2 ** 53, '12']) {
      const res = await h.exec(CREATE, { input: { id: 'scalar-cap', tokenCap } });
      expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/SafeInt/);
    }
    expect(await h.em().count(Run, { id: 'scalar-cap' })).toBe(0);
  });

  it('answers CONFLICT for an existing id, also when two creations race', async () => {
    await h.exec(CREATE, { input: { id: 'taken', phases: [{ phaseId: 'p', name: 'P' }] } });
    const before = await counts();
    const res = await h.exec(CREATE, { input: { id: 'taken', phases: [{ phaseId: 'q', name: 'Q' }] } });
    expect(res.errors![0]).toMatchObject({ message: 'Run taken already exists', extensions: { code: 'CONFLICT' } });
    expect(await counts()).toEqual(before);

    const racers = await Promise.all([1, 2, 3].map((i) => h.exec(CREATE, { input: { id: 'race', phases: [{ phaseId: `p${i}`, name: 'P' }] } })));
    expect(racers.filter((r) => !r.errors)).toHaveLength(1);
    expect(racers.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect(await h.em().count(Phase, { run: 'race' })).toBe(1);
  });
});

describe.each(BACKENDS)('runs pagination on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    const em = h.em();
    const t0 = Date.UTC(2026, 0, 1);
    // 25 runs one second apart, plus two sharing a timestamp (ties are broken by id).
    for (let i = 0; i < 25; i++) {
      em.create(Run, {
        id: `run-${String(i).padStart(2, '0')}`,
        state: i % 5 === 0 ? 'DONE_FAILED_ENVIRONMENT' : 'RUN_CREATED',
        createdAt: new Date(t0 + i * 1000),
        updatedAt: new Date(t0),
      });
    }
    em.create(Run, { id: 'tie-a', createdAt: new Date(t0 + 100_000), updatedAt: new Date(t0) });
    em.create(Run, { id: 'tie-b', createdAt: new Date(t0 + 100_000), updatedAt: new Date(t0) });
    await em.flush();
  });
  afterAll(() => h.close());

  const PAGE = `query($first: Int, $after: String, $state: RunState) {
    runs(first: $first, after: $after, state: $state) { totalCount pageInfo { hasNextPage endCursor } nodes { id } }
  }`;

  it('walks every run newest first with cursors, no gaps and no repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: any = await h.exec(PAGE, { first: 10, after });
      expect(res.errors).toBeUndefined();
      expect(res.data.runs.totalCount).toBe(27);
      seen.push(...res.data.runs.nodes.map((n: { id: string }) => n.id));
      if (!res.data.runs.pageInfo.hasNextPage) break;
      after = res.data.runs.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(27);
    expect(seen.slice(0, 4)).toEqual(['tie-b', 'tie-a', 'run-24', 'run-23']);
    expect(seen[26]).toBe('run-00');
    expect(new Set(seen).size).toBe(27);
  });

  it('filters by state and counts the filtered set', async () => {
    const res = await h.exec(PAGE, { first: 2, state: 'DONE_FAILED_ENVIRONMENT' });
    expect(res.data!.runs).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true }, nodes: [{ id: 'run-20' }, { id: 'run-15' }] });
  });

  it.each([
    [{ first: 0 }, /first must be between 1 and 100, got 0/],
    [{ first: 101 }, /first must be between 1 and 100, got 101/],
    [{ first: 5, after: 'not-a-cursor' }, /Invalid cursor "not-a-cursor"/],
  ])('refuses %j with BAD_USER_INPUT', async (vars, message) => {
    const res = await h.exec(PAGE, vars);
    expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
  });
});
