// integrityReport: the guide's data validation finds double counting and inconsistent run totals, including
// rows that bypassed the service and the database's CHECK constraints.
import { Phase } from '../../src/db/entities';
import { BACKENDS } from '../helpers/db';
import { insertUnguarded, setRunTokensUsed } from '../helpers/bypass';
import { createHarness, type Harness } from '../helpers/harness';

const REPORT = `query($runId: ID) {
  integrityReport(runId: $runId) {
    ok runId metricsRowsChecked runsChecked metricsViolationCount runViolationCount checkedAt
    metricsViolations { metricsId runId phaseId kind retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens categorySum createdAt }
    runViolations { runId tokensUsed phasesTokensUsed }
  }
}`;

describe.each(BACKENDS)('integrityReport on %s', (backend) => {
  let h: Harness;
  const report = async (runId?: string) => {
    const res = await h.exec(REPORT, { runId });
    expect(res.errors).toBeUndefined();
    return res.data!.integrityReport;
  };

  beforeAll(async () => {
    h = await createHarness(backend);
    for (const id of ['int-good', 'int-bad']) {
      await h.exec(`mutation { createRun(input: { id: "${id}", phases: [{ phaseId: "plan", name: "Plan" }, { phaseId: "build", name: "Build" }] }) { id } }`);
      const res = await h.exec(
        `mutation { recordPhaseMetrics(input: [
          { runId: "${id}", phaseId: "plan", retrievalTokens: 1, secondOpinionTokens: 2, evidenceRequestTokens: 3, baseTokens: 4 },
          { runId: "${id}", phaseId: "build", baseTokens: 50 }
        ]) { id } }`,
        {},
        { PHASE6_METRICS: true },
      );
      expect(res.errors).toBeUndefined();
    }
  });
  afterAll(() => h.close());

  it('a database written only through the service is clean', async () => {
    expect(await report()).toMatchObject({
      ok: true,
      runId: null,
      metricsRowsChecked: 4,
      runsChecked: 2,
      metricsViolations: [],
      metricsViolationCount: 0,
      runViolations: [],
      runViolationCount: 0,
    });
  });

  it('the database itself refuses a double-counted row (the CHECK constraint)', async () => {
    const em = h.em();
    const phase = await em.findOneOrFail(Phase, { run: 'int-bad', phaseId: 'build' });
    await expect(
      em.execute(
        'insert into phase_metrics (run_id, phase_id, retrieval_tokens, second_opinion_tokens, evidence_request_tokens, base_tokens, total_tokens, created_at) values (?, ?, 10, 0, 0, 90, 130, ?)',
        ['int-bad', phase.id, new Date()],
      ),
    ).rejects.toThrow(/ck_phase_metrics_total|CHECK constraint failed/i);
  });

  it("finds rows written behind the service's back and runs whose total disagrees with their phases", async () => {
    const em = h.em();
    const build = await em.findOneOrFail(Phase, { run: 'int-bad', phaseId: 'build' });
    const plan = await em.findOneOrFail(Phase, { run: 'int-bad', phaseId: 'plan' });
    await insertUnguarded(em, [
      {
        runId: 'int-bad',
        phasePk: build.id,
        retrieval: 10,
        secondOpinion: 0,
        evidenceRequest: 20,
        base: 70,
        total: 130,
        createdAt: new Date('2026-03-01T00:00:00Z'),
      },
      { runId: 'int-bad', phasePk: plan.id, retrieval: -5, secondOpinion: 0, evidenceRequest: 0, base: 10, total: 5 },
    ]);
    await setRunTokensUsed(em, 'int-bad', 999);

    const all = await report();
    expect(all).toMatchObject({ ok: false, metricsRowsChecked: 6, runsChecked: 2, metricsViolationCount: 2, runViolationCount: 1 });
    expect(all.metricsViolations).toEqual([
      {
        metricsId: expect.any(String),
        runId: 'int-bad',
        phaseId: 'build',
        kind: 'TOTAL_MISMATCH',
        retrievalTokens: 10,
        secondOpinionTokens: 0,
        evidenceRequestTokens: 20,
        baseTokens: 70,
        totalTokens: 130,
        categorySum: 100,
        createdAt: '2026-03-01T00:00:00.000Z',
      },
      expect.objectContaining({ runId: 'int-bad', phaseId: 'plan', kind: 'NEGATIVE_CATEGORY', retrievalTokens: -5, totalTokens: 5, categorySum: 5 }),
    ]);
    expect(all.runViolations).toEqual([{ runId: 'int-bad', tokensUsed: 999, phasesTokensUsed: 0 }]);

    // scoped to one run
    expect(await report('int-good')).toMatchObject({ ok: true, runId: 'int-good', metricsRowsChecked: 2, runsChecked: 1 });
    expect(await report('int-bad')).toMatchObject({ ok: false, runId: 'int-bad', metricsRowsChecked: 4, metricsViolationCount: 2, runViolationCount: 1 });
  });

  it('answers NOT_FOUND for an unknown run and BAD_USER_INPUT for a malformed id', async () => {
    const missing = await h.exec(REPORT, { runId: 'nope' });
    expect(missing.errors![0]).toMatchObject({ message: 'Run not found: nope', extensions: { code: 'NOT_FOUND' } });
    const bad = await h.exec(REPORT, { runId: 'no spaces' });
    expect(bad.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
