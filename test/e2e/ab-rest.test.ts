// The guide's A/B smoke tests: GET /api/dashboard/ab-results?valid_only=true and ?test_id=v5-vs-v6.
import { Phase, Run } from '../../src/db/entities';
import { forkEm } from '../../src/db/orm';
import { runAbAnalysis } from '../../src/modules/experiments/service';
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const json = (res: Response): Promise<any> => res.json();

describe.each(BACKENDS)('A/B results REST on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: 'k' });
    const em = forkEm(t.app.orm);
    for (const [id, sha, tokens] of [
      ['telemetry-v5', 'abc', 100],
      ['telemetry-v6', 'abc', 80],
      ['telemetry-v7', 'zzz', 50],
    ] as const) {
      const run = em.create(Run, { id, state: 'DONE_SUCCESS', gitCommitSha: sha, modelMappingHash: 'm', tokensUsed: tokens });
      em.create(Phase, { run, phaseId: 'p', name: 'P', state: 'COMPLETE' });
    }
    await em.flush();
    await runAbAnalysis(forkEm(t.app.orm), { controlRunId: 'telemetry-v5', treatmentRunId: 'telemetry-v6', testId: 'v5-vs-v6' });
    await runAbAnalysis(forkEm(t.app.orm), { controlRunId: 'telemetry-v5', treatmentRunId: 'telemetry-v7', testId: 'v5-vs-v7' });
  });
  afterAll(() => t.close());

  const get = (q: string) => fetch(`${t.url}/api/dashboard/ab-results${q}`, { headers: { 'x-api-key': 'k' } });

  it('valid_only=true returns valid results only, in snake_case', async () => {
    const res = await get('?valid_only=true');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ count: 1, filters: { test_id: null, valid_only: true } });
    expect(body.results[0]).toMatchObject({
      test_id: 'v5-vs-v6',
      control_run_id: 'telemetry-v5',
      treatment_run_id: 'telemetry-v6',
      is_valid: true,
      validity_errors: [],
      token_delta: -20,
      success_rate_delta: 0,
      control_total_tokens: 100,
      treatment_total_tokens: 80,
    });
  });

  it('test_id filters; valid_only=false includes invalid results; bad values are 400', async () => {
    expect(await json(await get('?test_id=v5-vs-v6'))).toMatchObject({ count: 1, filters: { test_id: 'v5-vs-v6', valid_only: true } });
    const invalid = await json(await get('?test_id=v5-vs-v7&valid_only=false'));
    expect(invalid.results[0]).toMatchObject({ is_valid: false, validity_errors: ['ERROR: Commit SHA mismatch - control=abc, treatment=zzz'] });
    expect(await json(await get('?test_id=v5-vs-v7'))).toMatchObject({ count: 0, results: [] });
    const bad = await get('?valid_only=maybe');
    expect(bad.status).toBe(400);
    expect(await json(bad)).toEqual({ detail: 'valid_only must be true or false, got "maybe"' });
    expect((await get('?limit=5000')).status).toBe(400);
    // A limit whose query costs more than AUTOPACK_MAX_QUERY_COST is the client's request too (found by the fuzz suite: was 500).
    const costly = await get('?limit=16667');
    expect([costly.status, (await json(costly)).detail]).toEqual([400, expect.stringMatching(/^Query cost \d+ exceeds the limit of \d+/)]);
    expect((await fetch(`${t.url}/api/dashboard/ab-results`)).status).toBe(401);
  });
});
