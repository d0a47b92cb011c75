// failurePatterns: recurring PHASE_FAILED / RUN_FAILED messages grouped by normalised signature, ranked,
// validated, read with one statement, on every backend.
import { Phase, Run } from '../../src/db/entities';
import { analyzeFailures } from '../../src/modules/patterns/analyze';
import { buildDetector } from '../../src/modules/patterns/detector';
import { normalizeMessage, signatureOf } from '../../src/modules/patterns/normalize';
import { BACKENDS } from '../helpers/db';
import { DISTINCT_SIGNATURES, EXPECTED_TOP, FAILURE_EVENTS, FAILURE_SEEDS, QUIET, seedFailures, T0, V7, V8 } from '../helpers/failures';
import { createHarness, type Harness } from '../helpers/harness';

const PATTERNS = `query($runId: ID, $min: Int) {
  failurePatterns(runId: $runId, minOccurrences: $min) {
    patternId signature errorType occurrences runIds phaseIds firstSeenAt lastSeenAt sampleMessage keywords confidence normalizedMessage detector
  }
}`;

interface Pattern {
  patternId: string;
  signature: string;
  errorType: string;
  occurrences: number;
  runIds: string[];
  phaseIds: string[];
  firstSeenAt: string;
  lastSeenAt: string;
  sampleMessage: string;
  keywords: string[];
  confidence: string;
  normalizedMessage: string;
  detector: string;
}

describe.each(BACKENDS)('failurePatterns on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
    await seedFailures(h.em());
  });
  afterAll(() => h.close());

  const patterns = async (vars: Record<string, unknown> = {}) => {
    const res = await h.exec(PATTERNS, vars);
    expect(res.errors).toBeUndefined();
    return res.data!.failurePatterns as Pattern[];
  };
  const minute = (i: number) => new Date(T0 + i * 60_000).toISOString();

  it('collapses varied paths, line numbers, names, times and numbers into the expected ranked groups', async () => {
    const found = await patterns();
    expect(found.map((p) => ({ errorType: p.errorType, occurrences: p.occurrences, normalized: p.normalizedMessage }))).toEqual(EXPECTED_TOP);
    const [imports, enoent, cannotImport, timeout] = found;
    expect(imports).toEqual({
      patternId: `import_error_${imports.signature.slice(0, 8)}`,
      signature: signatureOf(EXPECTED_TOP[0].normalized),
      errorType: 'IMPORT_ERROR',
      occurrences: 6,
      runIds: [V7, V8],
      phaseIds: ['build', 'lint', 'test'],
      firstSeenAt: minute(0),
      lastSeenAt: minute(22),
      sampleMessage: FAILURE_SEEDS[0][3],
      // Words of every message first, then quoted names by frequency ('requests' twice, the others once).
      keywords: ['file', 'main', 'module', 'modulenotfounderror', 'named', 'requests', 'adapters', 'numpy'],
      confidence: 'HIGH',
      normalizedMessage: EXPECTED_TOP[0].normalized,
      detector: expect.stringMatching(/^\^\\s\*Traceback/),
    });
    expect(imports.signature).toMatch(/^[0-9a-f]{16}$/);
    expect(enoent).toMatchObject({
      errorType: 'FILE_NOT_FOUND',
      confidence: 'MEDIUM',
      runIds: [V7, V8],
      phaseIds: ['test'],
      firstSeenAt: minute(1),
      lastSeenAt: minute(21),
    });
    expect(cannotImport).toMatchObject({ patternId: expect.stringMatching(/^import_error_[0-9a-f]{8}$/), confidence: 'MEDIUM', firstSeenAt: minute(2) });
    expect(timeout).toMatchObject({ errorType: 'TIMEOUT', runIds: [V7, V8], phaseIds: [], firstSeenAt: minute(3), lastSeenAt: minute(20) });
    expect(new Set(found.map((p) => p.patternId)).size).toBe(4);
  });

  it("each pattern's detector matches every message of its group and none of the other groups", async () => {
    const found = await patterns({ min: 1 });
    expect(found).toHaveLength(DISTINCT_SIGNATURES);
    const failures = FAILURE_SEEDS.filter(([, , type, message]) => /_FAILED$/.test(type) && message?.trim()).map((s) => s[3]!);
    expect(failures).toHaveLength(FAILURE_EVENTS);
    for (const p of found) {
      const detector = new RegExp(p.detector);
      expect(buildDetector(p.normalizedMessage).source).toBe(detector.source);
      const own = failures.filter((m) => normalizeMessage(m) === p.normalizedMessage);
      expect(own).toHaveLength(p.occurrences);
      for (const m of failures) expect([p.patternId, detector.test(m)]).toEqual([p.patternId, own.includes(m)]);
    }
  });

  it('keeps genuinely different failures apart and ignores other events and blank messages', async () => {
    const all = await patterns({ min: 1 });
    const byText = new Map(all.map((p) => [p.normalizedMessage, p]));
    expect(byText.get("KeyError: '<ID>'")).toMatchObject({ errorType: 'KEY_ERROR', occurrences: 2, confidence: 'LOW' });
    expect(byText.get('Executor failed with exit code 1')).toMatchObject({ errorType: 'UNKNOWN', occurrences: 2, phaseIds: [] });
    expect(byText.get('Executor failed with exit code 2')).toMatchObject({ occurrences: 1 });
    // The PHASE_STARTED event repeats an import failure's message: it is not counted.
    expect(all.reduce((n, p) => n + p.occurrences, 0)).toBe(FAILURE_EVENTS);
    expect((await patterns({ min: 2 })).map((p) => p.occurrences)).toEqual([6, 4, 3, 3, 2, 2]);
  });

  it('analyses one run, and answers an empty list for a run without failures', async () => {
    const v8 = await patterns({ runId: V8, min: 1 });
    expect(v8.map((p) => [p.errorType, p.occurrences])).toEqual([
      ['IMPORT_ERROR', 2],
      ['FILE_NOT_FOUND', 2],
      ['TIMEOUT', 1], // first seen at minute 9
      ['IMPORT_ERROR', 1], // minute 11
      ['KEY_ERROR', 1],
      ['UNKNOWN', 1],
      ['UNKNOWN', 1],
    ]);
    expect(v8.every((p) => p.runIds.length === 1 && p.runIds[0] === V8)).toBe(true);
    expect(await patterns({ runId: V8 })).toEqual([]);
    expect(await patterns({ runId: QUIET, min: 1 })).toEqual([]);
  });

  it('reads the failure events with one SQL statement', async () => {
    h.statements.length = 0;
    const analysis = await analyzeFailures(h.em(), { minOccurrences: 3 });
    expect(h.statements).toHaveLength(1);
    expect(h.statements[0]).toMatch(/dashboard_events/);
    expect(analysis).toMatchObject({ runId: null, minOccurrences: 3, failureEvents: FAILURE_EVENTS, distinctSignatures: DISTINCT_SIGNATURES, largestGroup: 6 });
    h.statements.length = 0;
    await analyzeFailures(h.em(), { runId: V7 });
    expect(h.statements).toHaveLength(1);
  });

  it('counts failures recorded through the service (updatePhase and recordDashboardEvent)', async () => {
    const em = h.em();
    const run = em.create(Run, { id: 'live-run', state: 'PHASE_EXECUTION' });
    em.create(Phase, { run, phaseId: 'compile', name: 'Compile' });
    await em.flush();
    const update = `mutation($input: UpdatePhaseInput!) { updatePhase(input: $input) { state } }`;
    for (const [i, path] of ['/srv/a/index.ts', '/srv/b/main.ts', 'src/c/app.ts'].entries()) {
      expect((await h.exec(update, { input: { runId: 'live-run', phaseId: 'compile', state: 'EXECUTING' } })).errors).toBeUndefined();
      const failed = await h.exec(update, {
        input: { runId: 'live-run', phaseId: 'compile', state: 'FAILED', failureReason: `${path}:${i + 3}:7 - error TS2304: Cannot find name 'foo${i}'.` },
      });
      expect(failed.errors).toBeUndefined();
    }
    const event = `mutation($input: DashboardEventInput!) { recordDashboardEvent(input: $input) { id } }`;
    expect(
      (await h.exec(event, { input: { runId: 'live-run', eventType: 'RUN_FAILED', message: 'connect ECONNREFUSED 10.0.0.7:6333' } })).errors,
    ).toBeUndefined();
    const found = await patterns({ runId: 'live-run', min: 1 });
    expect(found.map((p) => [p.normalizedMessage, p.occurrences, p.phaseIds])).toEqual([
      ["<PATH>:<LINE>:<COL> - error TS2304: Cannot find name '<ID>'.", 3, ['compile']],
      ['connect ECONNREFUSED <ADDR>', 1, []],
    ]);
    expect(found[1].errorType).toBe('NETWORK_ERROR');
  });

  it.each([
    [{ min: 0 }, 'BAD_USER_INPUT', 'minOccurrences must be between 1 and 1000, got 0'],
    [{ min: 1001 }, 'BAD_USER_INPUT', 'minOccurrences must be between 1 and 1000, got 1001'],
    [{ runId: 'bad id!' }, 'BAD_USER_INPUT', 'Invalid runId "bad id!": use 1-128 characters from A-Z a-z 0-9 . _ -'],
    [{ runId: 'no-such-run' }, 'NOT_FOUND', 'Run not found: no-such-run'],
  ])('refuses %j with %s', async (vars, code, message) => {
    const res = await h.exec(PATTERNS, vars);
    expect(res.data).toEqual({ failurePatterns: null }); // nullable: a refusal costs only this field
    expect(res.errors).toEqual([expect.objectContaining({ message, extensions: expect.objectContaining({ code }) })]);
  });
});
