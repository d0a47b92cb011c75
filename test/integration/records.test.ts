// Reads serve runs, phases, dashboard events and telemetry samples as plain records (src/modules/runs/records.ts,
// events/records.ts, telemetry/records.ts) rather than ORM entities. Every field must come out exactly as the ORM reads it, on both backends: the
// entities loaded here are the oracle (dates, nulls, 64-bit counters, JSON payloads of every kind).
import { DashboardEvent, Phase, PhaseMetrics, ReplayCampaign, Run } from '../../src/db/entities';
import { getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLNamedType, type GraphQLObjectType } from 'graphql';
import { buildSchema } from '../../src/graphql/schema';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const PHASE_FIELDS = 'id phaseId phaseIndex name description state tokensUsed attempts lastFailureReason createdAt updatedAt startedAt completedAt run { id }';
const EVENT_FIELDS = 'id eventType message payload createdAt run { id } phase { id }';
const METRICS_FIELDS = 'id retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens createdAt run { id } phase { id }';

const NESTED = `query($id: ID!) {
  run(id: $id) {
    phases { ${PHASE_FIELDS} events { ${EVENT_FIELDS} } metrics { ${METRICS_FIELDS} } }
    events(limit: 1000) { ${EVENT_FIELDS} }
  }
}`;

const PAYLOADS: unknown[] = [{ nested: { list: [1, 'two', null], ok: true } }, ['a', 2], 'just text', 42, true, null, { unicode: 'é ✓ 漢字' }];

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

const ON = { CONSOLIDATED_METRICS: true, PHASE6_METRICS: true };

describe.each(BACKENDS)('plain records on %s', (backend) => {
  let h: Harness;
  const t0 = Date.UTC(2026, 5, 1, 12, 0, 0, 123);

  beforeAll(async () => {
    h = await createHarness(backend);
    const em = h.em();
    const run = em.create(Run, { id: 'records-1' });
    const full = em.create(Phase, {
      run,
      phaseId: 'build',
      name: 'Build',
      description: 'compile everything',
      phaseIndex: 1,
      state: 'FAILED',
      tokensUsed: 2 ** 40,
      attempts: 3,
      lastFailureReason: 'exit 2: "quoted" \\ back',
      createdAt: new Date(t0),
      updatedAt: new Date(t0 + 5000),
      startedAt: new Date(t0 + 1000),
      completedAt: new Date(t0 + 4000),
    });
    const bare = em.create(Phase, { run, phaseId: 'plan', name: 'Plan', phaseIndex: 0, createdAt: new Date(t0), updatedAt: new Date(t0) });
    PAYLOADS.forEach((payload, i) =>
      em.create(DashboardEvent, {
        run,
        phase: i % 2 ? full : null,
        eventType: 'PHASE_STARTED',
        message: i === 0 ? null : `event ${i}`,
        payload,
        createdAt: new Date(t0 + i * 1000),
      }),
    );
    em.create(PhaseMetrics, {
      run,
      phase: full,
      retrievalTokens: 2 ** 41,
      secondOpinionTokens: 1,
      evidenceRequestTokens: 0,
      baseTokens: 7,
      totalTokens: 2 ** 41 + 8,
      createdAt: new Date(t0),
    });
    em.create(PhaseMetrics, {
      run,
      phase: bare,
      retrievalTokens: 1,
      secondOpinionTokens: 2,
      evidenceRequestTokens: 3,
      baseTokens: 4,
      totalTokens: 10,
      createdAt: new Date(t0 + 1),
    });
    await em.flush();
  });
  afterAll(() => h.close());

  it('returns every phase, event and sample field as the ORM reads it', async () => {
    const res = await h.exec(NESTED, { id: 'records-1' });
    expect(res.errors).toBeUndefined();
    const em = h.em();
    const phases = await em.find(Phase, { run: 'records-1' }, { orderBy: { phaseIndex: 'asc' } });
    const events = await em.find(DashboardEvent, { run: 'records-1' }, { orderBy: { createdAt: 'desc', id: 'desc' } });
    const metrics = await em.find(PhaseMetrics, { run: 'records-1' });
    const event = (e: DashboardEvent) => ({
      id: String(e.id),
      eventType: e.eventType,
      message: e.message ?? null,
      payload: e.payload ?? null,
      createdAt: iso(e.createdAt),
      run: { id: e.run.id },
      phase: e.phase ? { id: String(e.phase.id) } : null,
    });
    const expected = phases.map((p) => ({
      id: String(p.id),
      phaseId: p.phaseId,
      phaseIndex: p.phaseIndex,
      name: p.name,
      description: p.description ?? null,
      state: p.state,
      tokensUsed: p.tokensUsed,
      attempts: p.attempts,
      lastFailureReason: p.lastFailureReason ?? null,
      createdAt: iso(p.createdAt),
      updatedAt: iso(p.updatedAt),
      startedAt: iso(p.startedAt),
      completedAt: iso(p.completedAt),
      run: { id: 'records-1' },
      events: events.filter((e) => e.phase?.id === p.id).map(event),
      metrics: metrics
        .filter((m) => m.phase.id === p.id)
        .map((m) => ({
          id: String(m.id),
          retrievalTokens: m.retrievalTokens,
          secondOpinionTokens: m.secondOpinionTokens,
          evidenceRequestTokens: m.evidenceRequestTokens,
          baseTokens: m.baseTokens,
          totalTokens: m.totalTokens,
          createdAt: iso(m.createdAt),
          run: { id: 'records-1' },
          phase: { id: String(p.id) },
        })),
    }));
    expect(res.data!.run.phases).toEqual(expected);
    expect(res.data!.run.events).toEqual(events.map(event));
    // The oracle itself holds what was written (so the comparison is not between two equally wrong reads).
    expect(expected[1]).toMatchObject({ tokensUsed: 2 ** 40, startedAt: new Date(t0 + 1000).toISOString(), lastFailureReason: 'exit 2: "quoted" \\ back' });
    expect(expected[1].metrics[0].totalTokens).toBe(2 ** 41 + 8);
    expect(events.map((e) => e.payload ?? null)).toEqual([...PAYLOADS].reverse());
  });

  it('answers the same for the same rows through dashboardEvents (entity path)', async () => {
    const nested = await h.exec(`query { run(id: "records-1") { events(limit: 1000) { ${EVENT_FIELDS} } } }`);
    const listed = await h.exec(`query { dashboardEvents(runId: "records-1", limit: 1000) { ${EVENT_FIELDS} } }`);
    expect(listed.errors).toBeUndefined();
    expect(nested.data!.run.events).toEqual(listed.data!.dashboardEvents);
  });

  it('returns every run field as the ORM reads it (run, runs, replays, replayOf)', async () => {
    const em = h.em();
    const campaign = em.create(ReplayCampaign, { id: 'camp-1', batchSize: 2, criteria: { state: 'FAILED' } });
    const original = em.create(Run, { id: 'records-orig', state: 'DONE_FAILED_ENVIRONMENT', createdAt: new Date(t0 - 10_000), updatedAt: new Date(t0 - 9000) });
    em.create(Run, {
      id: 'records-full',
      state: 'DONE_SUCCESS',
      safetyProfile: 'strict',
      runScope: 'single_tier',
      goal: 'ship "it" \\ now',
      tokenCap: 2 ** 45,
      tokensUsed: 2 ** 44 + 3,
      gitCommitSha: 'abc123',
      modelMappingHash: 'hash-1',
      failureReason: 'none, really',
      replayOf: original,
      campaign,
      createdAt: new Date(t0 + 60_000),
      updatedAt: new Date(t0 + 65_000),
      queuedAt: new Date(t0 + 61_000),
      startedAt: new Date(t0 + 62_000),
      completedAt: new Date(t0 + 64_999),
      ownerId: 'server-1',
      leaseExpiresAt: new Date(t0 + 99_000),
    });
    await em.flush();
    const fields = `id state safetyProfile runScope goal tokenCap tokensUsed gitCommitSha modelMappingHash failureReason
      replayOf { id } campaignId createdAt updatedAt queuedAt startedAt completedAt`;
    const res = await h.exec(`{
      full: run(id: "records-full") { ${fields} }
      list: runs(first: 100) { nodes { ${fields} } }
      orig: run(id: "records-orig") { replays { ${fields} } }
    }`);
    expect(res.errors).toBeUndefined();
    const oracle = h.em();
    const runs = await oracle.find(Run, {}, { orderBy: { createdAt: 'desc', id: 'desc' } });
    const expected = runs.map((r) => ({
      id: r.id,
      state: r.state,
      safetyProfile: r.safetyProfile,
      runScope: r.runScope,
      goal: r.goal ?? null,
      tokenCap: r.tokenCap,
      tokensUsed: r.tokensUsed,
      gitCommitSha: r.gitCommitSha ?? null,
      modelMappingHash: r.modelMappingHash ?? null,
      failureReason: r.failureReason ?? null,
      replayOf: r.replayOf ? { id: r.replayOf.id } : null,
      campaignId: r.campaign?.id ?? null,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      queuedAt: iso(r.queuedAt),
      startedAt: iso(r.startedAt),
      completedAt: iso(r.completedAt),
    }));
    expect(res.data!.list.nodes).toEqual(expected);
    const full = expected.find((r) => r.id === 'records-full')!;
    expect(res.data!.full).toEqual(full);
    expect(res.data!.orig.replays).toEqual([full]);
    // The oracle itself holds what was written.
    expect(full).toMatchObject({
      tokenCap: 2 ** 45,
      tokensUsed: 2 ** 44 + 3,
      queuedAt: new Date(t0 + 61_000).toISOString(),
      replayOf: { id: 'records-orig' },
      campaignId: 'camp-1',
      goal: 'ship "it" \\ now',
    });
  });

  it('a runs page reads only the columns of the Run fields asked for, and each field alone answers as when all are read', async () => {
    // Every Run field of the schema (a field added later is covered too), with all the leaf fields of its type.
    const schema = buildSchema();
    const leaves = (t: GraphQLNamedType): string =>
      isObjectType(t)
        ? `{ ${Object.values(t.getFields())
            // generatedAt: the time of the answer, not data
            .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)) && f.name !== 'generatedAt')
            .map((f) => f.name)
            .join(' ')} }`
        : '';
    const fields = Object.values((schema.getType('Run') as GraphQLObjectType).getFields()).map((f) => `${f.name} ${leaves(getNamedType(f.type))}`);
    const all = await h.exec(`{ runs(first: 100) { nodes { ${fields.join(' ')} } } }`, {}, ON);
    expect(all.errors).toBeUndefined();
    const nodes = all.data!.runs.nodes as Record<string, unknown>[];
    expect(nodes.some((n) => n.replayComparison !== null)).toBe(true); // the data exercises it
    for (const field of fields) {
      const name = field.split(' ')[0];
      const one = await h.exec(`{ runs(first: 100) { nodes { ${field} } } }`, {}, ON);
      expect(one.errors).toBeUndefined();
      expect(one.data!.runs.nodes).toEqual(nodes.map((n) => ({ [name]: n[name] })));
    }
    // The peer bench's list reads four columns (id and created_at always: a cursor is made of them).
    h.statements.length = 0;
    await h.exec('{ runs(first: 5) { nodes { state tokensUsed } pageInfo { endCursor } } }');
    expect(h.statements).toHaveLength(1);
    expect(h.statements[0]).toMatch(/^select id, state, tokens_used, created_at from runs /);
  });

  it('serves a bounded number of narrow column sets: past it a page reads every column (prepared statements stay bounded)', async () => {
    const singles = [
      'state',
      'safetyProfile',
      'runScope',
      'goal',
      'tokenCap',
      'tokensUsed',
      'gitCommitSha',
      'modelMappingHash',
      'failureReason',
      'updatedAt',
      'queuedAt',
      'startedAt',
      'completedAt',
      'version',
    ];
    const texts = new Set<string>();
    for (let i = 0; i < singles.length; i++)
      for (let j = i + 1; j < singles.length; j++) {
        h.statements.length = 0;
        const res = await h.exec(`{ runs(first: 2) { nodes { ${singles[i]} ${singles[j]} } } }`);
        expect(res.errors).toBeUndefined();
        texts.add(h.statements[0]);
      }
    // 91 distinct selections: at most 32 narrow texts (fewer if other tests took some) plus the full one.
    expect(texts.size).toBeLessThanOrEqual(33);
    expect([...texts].some((t) => t.startsWith('select id, state, safety_profile, run_scope, goal, token_cap'))).toBe(true);
  });

  it('a page of runs answers every nested field byte for byte as the loaders of one run do (JSON built by the database)', async () => {
    // Sub-millisecond digits (PostgreSQL keeps microseconds): JSON text and the driver's own parsing must cut them alike.
    if (backend === 'postgresql')
      await h.em().getConnection().execute(`update phases set completed_at = '2026-06-01T12:00:04.123999Z' where phase_id = 'build'`);
    // Totals past 2^53 - 1: that run's consolidatedMetrics fails alone, with the same coded error either way.
    const em = h.em();
    const huge = em.create(Run, { id: 'records-huge', createdAt: new Date(t0 - 60_000), updatedAt: new Date(t0) });
    const phase = em.create(Phase, { run: huge, phaseId: 'big', name: 'Big', phaseIndex: 0 });
    for (let i = 0; i < 3; i++) em.create(PhaseMetrics, { run: huge, phase, retrievalTokens: 2 ** 52, totalTokens: 2 ** 52, createdAt: new Date(t0 + i) });
    await em.flush();

    const fields = `id phases { ${PHASE_FIELDS} events { ${EVENT_FIELDS} } metrics { ${METRICS_FIELDS} } }
      status { totalPhases completedPhases failedPhases executingPhases percentComplete } events(limit: 10) { ${EVENT_FIELDS} }
      consolidatedMetrics { runId retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens totalPhases phasesWithMetrics }`;
    h.statements.length = 0;
    const page = await h.exec(`{ runs(first: 4) { nodes { ${fields} } } }`, {}, ON);
    expect(page.errors?.filter((e) => e.path?.length !== 4)).toEqual([]);
    expect(h.statements).toHaveLength(1); // the page's own statement read it all
    const nodes = page.data!.runs.nodes as { id: string }[];
    const ids = nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['records-1', 'records-huge']));
    for (const [i, node] of nodes.entries()) {
      const alone = await h.exec(`query($id: ID!) { run(id: $id) { ${fields} } }`, { id: node.id }, ON);
      expect(JSON.stringify(node)).toBe(JSON.stringify(alone.data!.run));
      const errors = (page.errors ?? []).filter((e) => e.path![2] === i).map((e) => ({ ...e, path: e.path!.slice(3), locations: undefined }));
      expect(errors).toEqual((alone.errors ?? []).map((e) => ({ ...e, path: e.path!.slice(1), locations: undefined })));
    }
    expect(page.errors).toEqual([
      expect.objectContaining({
        path: ['runs', 'nodes', ids.indexOf('records-huge'), 'consolidatedMetrics'],
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      }),
    ]);
    const one = nodes[ids.indexOf('records-1')] as unknown as { phases: { completedAt: string; metrics: unknown[] }[] };
    expect(one.phases[1].completedAt).toBe(new Date(t0 + 4000).toISOString());
    expect(one.phases[1].metrics).toHaveLength(1);
  });
});
