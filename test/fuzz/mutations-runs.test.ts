// Fuzz: createRun, executeRun, updatePhase and recordDashboardEvent with random and hostile input on both
// backends. Never an internal error, every refusal coded, a refused call writes nothing.
import fc from 'fast-check';
import { PHASE_STATES } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';
import { PHASES, RUN_IDS, seedRuns } from './fixture';
import { anyJson, hostileNumber, hostileString, mostly, oneFieldHostile } from './hostile';
import { delta } from './invariants';
import { fuzzOperation } from './property';

const runId = hostileString(RUN_IDS);
const phaseId = hostileString(PHASES);
const text = hostileString(['a plain text']);
const freshId = fc.stringMatching(/^fz-[a-z0-9]{1,12}$/);

const validPhases = fc.uniqueArray(fc.record({ phaseId: fc.stringMatching(/^[a-z]{1,8}$/), name: fc.string({ minLength: 1, maxLength: 20 }) }), {
  selector: (p) => p.phaseId,
  maxLength: 4,
});
const hostilePhase = fc.record(
  { phaseId: mostly(phaseId), name: mostly(text), description: mostly(text), phaseIndex: mostly(hostileNumber) },
  { requiredKeys: [] },
);
const manyPhases = Array.from({ length: 1001 }, (_, i) => ({ phaseId: `p${i}`, name: `p${i}` }));

const createRunInput = oneFieldHostile(fc.record({ id: freshId, phases: validPhases }), {
  id: mostly(fc.oneof(runId, freshId)),
  safetyProfile: mostly(text),
  runScope: mostly(text),
  tokenCap: mostly(hostileNumber),
  gitCommitSha: mostly(text),
  modelMappingHash: mostly(text),
  goal: mostly(text),
  phases: mostly(fc.oneof({ weight: 9, arbitrary: fc.array(hostilePhase, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.constant(manyPhases) })),
});

const updatePhaseInput = oneFieldHostile(
  fc.record({
    runId: fc.constantFrom('fz-exec', 'fz-exec-2'),
    phaseId: fc.constantFrom(...PHASES),
    state: fc.constantFrom(...PHASE_STATES),
    tokensUsed: fc.nat(),
  }),
  {
    runId: mostly(runId),
    phaseId: mostly(phaseId),
    state: mostly(fc.oneof(fc.constantFrom(...PHASE_STATES), hostileString())),
    tokensUsed: mostly(hostileNumber),
    failureReason: mostly(text),
  },
);

// A payload a JSON column may choke on: NUL and lone surrogates in strings and keys, deep nesting, size.
const payload = fc.oneof(
  anyJson,
  fc.dictionary(hostileString(), hostileString()),
  fc.constantFrom({ a: '\u0000' }, { '\u0000': 1 }, '\ud800', { k: ['\udfff'] }, [1, [2, [3, [4, [5]]]]], { big: 'x'.repeat(70_000) }, 2 ** 60),
);

const eventInput = oneFieldHostile(
  fc.record({ runId: fc.constantFrom(...RUN_IDS), eventType: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,20}$/), payload: anyJson }),
  {
    runId: mostly(runId),
    phaseId: mostly(phaseId),
    eventType: mostly(fc.oneof(fc.stringMatching(/^[A-Z][A-Z0-9_]{0,70}$/), hostileString())),
    message: mostly(text),
    payload,
  },
);

describe.each(BACKENDS)('fuzz: run mutations on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    await seedRuns(h);
  });
  afterAll(() => h.close());

  it('createRun: stores the run and exactly its phases, or nothing', async () => {
    const tally = await fuzzOperation(h, {
      query: `mutation($input: CreateRunInput!) { createRun(input: $input) { id state tokenCap phases { phaseId phaseIndex } } }`,
      variables: fc.record({ input: createRunInput }),
      examples: [{ input: { id: 'fz-nul', gitCommitSha: 'abc\u0000' } }, { input: { id: 'fz-surrogate', goal: '\ud800', phases: [] } }],
      accepted: (before, after, result) => {
        const phases = result.data!.createRun.phases.length;
        expect(delta(before, after)).toEqual(phases ? { runs: 1, phases } : { runs: 1 });
      },
    });
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  });

  it('executeRun: queues a created run (one event) or refuses with a code', async () => {
    await fuzzOperation(h, {
      query: `mutation($id: ID!) { executeRun(id: $id) { id state queuedAt } }`,
      variables: fc.record({ id: mostly(runId) }),
      accepted: (before, after) => expect(delta(before, after)).toEqual({ dashboard_events: 1 }),
    });
  });

  it('updatePhase: moves a phase (and its run total) or refuses with a code', async () => {
    await fuzzOperation(h, {
      query: `mutation($input: UpdatePhaseInput!) { updatePhase(input: $input) { id state tokensUsed run { id tokensUsed } } }`,
      variables: fc.record({ input: updatePhaseInput }),
      // Each phase may hold 2^53 - 1 tokens, but not the run's sum of them.
      examples: [
        { input: { runId: 'fz-exec-2', phaseId: 'plan', tokensUsed: Number.MAX_SAFE_INTEGER } },
        { input: { runId: 'fz-exec-2', phaseId: 'build', tokensUsed: Number.MAX_SAFE_INTEGER } },
      ],
      // A state change adds at most its event (PHASE_STARTED, ...); nothing else gains or loses rows.
      accepted: (before, after) => expect([{}, { dashboard_events: 1 }]).toContainEqual(delta(before, after)),
    });
    // Whatever was accepted left every run readable (a run total past 2^53 - 1 would break listing).
    const list = await h.exec(`{ runs(first: 100) { nodes { id tokensUsed phases { tokensUsed } } } }`);
    expect(list.errors).toBeUndefined();
  });

  it('recordDashboardEvent: stores one event or refuses with a code', async () => {
    const tally = await fuzzOperation(h, {
      query: `mutation($input: DashboardEventInput!) { recordDashboardEvent(input: $input) { id eventType message payload phase { phaseId } } }`,
      variables: fc.record({ input: eventInput }),
      examples: [
        { input: { runId: 'fz-exec', eventType: 'X', payload: { a: 'x\u0000' } } },
        { input: { runId: 'fz-exec', eventType: 'X', payload: { '\ud800': '' } } },
        { input: { runId: 'fz-exec', eventType: 'X', message: 'a\u0000b' } },
        { input: { runId: 'fz-exec', eventType: 'X', payload: JSON.parse('['.repeat(1000) + ']'.repeat(1000)) } },
      ],
      accepted: (before, after) => expect(delta(before, after)).toEqual({ dashboard_events: 1 }),
    });
    expect(tally.accepted).toBeGreaterThan(0);
  });
});
