// GET /api/dashboard/runs/{id}/consolidated-metrics as the rollout guide's smoke tests call it: the route
// function over the same GraphQL schema (the HTTP server only adds the API key check in front of it).
import { dashboardRoutes } from '../../src/modules/telemetry/telemetry.routes';
import { RestError, type RestResponse } from '../../src/http/rest';
import type { FlagState } from '../../src/modules/flags/flags';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const STAGE0: FlagState = { PHASE6_METRICS: false, CONSOLIDATED_METRICS: false };
const STAGE2: FlagState = { PHASE6_METRICS: true, CONSOLIDATED_METRICS: true };

describe.each(BACKENDS)('dashboard REST route on %s', (backend) => {
  let h: Harness;
  const get = (target: string, flags: FlagState = STAGE2, method = 'GET'): Promise<RestResponse | null> => {
    const url = new URL(target, 'http://localhost');
    const ctx = h.context(flags);
    return dashboardRoutes(h.apollo, ctx, method, url.pathname, url);
  };

  beforeAll(async () => {
    h = await createHarness(backend);
    await h.exec(`mutation { createRun(input: { id: "test-run-id", phases: [{ phaseId: "a", name: "A" }, { phaseId: "b", name: "B" }] }) { id } }`);
    const res = await h.exec(
      `mutation { recordPhaseMetrics(input: [
        { runId: "test-run-id", phaseId: "a", retrievalTokens: 12000, secondOpinionTokens: 6000, evidenceRequestTokens: 3000, baseTokens: 90000, createdAt: "2026-03-01T01:00:00Z" },
        { runId: "test-run-id", phaseId: "b", retrievalTokens: 345, secondOpinionTokens: 789, evidenceRequestTokens: 456, baseTokens: 8765, createdAt: "2026-03-01T02:00:00Z" }
      ]) { id } }`,
      {},
      STAGE2,
    );
    expect(res.errors).toBeUndefined();
  });
  afterAll(() => h.close());

  it('kill switch OFF: 503 with exactly {"detail": "Consolidated metrics disabled"}, for any run', async () => {
    for (const path of [
      '/api/dashboard/runs/test-run-id/consolidated-metrics',
      '/api/dashboard/runs/unknown/consolidated-metrics?limit=99999',
      '/api/dashboard/runs/unknown/consolidated-metrics?limit=ten',
    ]) {
      expect(await get(path, STAGE0)).toEqual({ status: 503, body: { detail: 'Consolidated metrics disabled' } });
    }
    // Stage 1 (telemetry only) still says disabled
    expect((await get('/api/dashboard/runs/test-run-id/consolidated-metrics', { ...STAGE2, CONSOLIDATED_METRICS: false }))!.status).toBe(503);
  });

  it("kill switch ON: 200 with the guide's snake_case body and exact sums", async () => {
    expect(await get('/api/dashboard/runs/test-run-id/consolidated-metrics')).toEqual({
      status: 200,
      body: {
        run_id: 'test-run-id',
        retrieval_tokens: 12345,
        second_opinion_tokens: 6789,
        evidence_request_tokens: 3456,
        base_tokens: 98765,
        total_tokens: 121355,
        total_phases: 2,
        phases_with_metrics: 2,
      },
    });
  });

  it('applies limit and offset from the query string', async () => {
    const newest = await get('/api/dashboard/runs/test-run-id/consolidated-metrics?limit=1');
    expect(newest!.body).toMatchObject({ retrieval_tokens: 345, total_tokens: 10355, phases_with_metrics: 1 });
    const older = await get('/api/dashboard/runs/test-run-id/consolidated-metrics?limit=1&offset=1');
    expect(older!.body).toMatchObject({ retrieval_tokens: 12000, total_tokens: 111000, phases_with_metrics: 1 });
  });

  it('answers 404 "Run not found: ID" for an unknown run and 400 for bad arguments, body {"detail"} only', async () => {
    expect(await get('/api/dashboard/runs/nope/consolidated-metrics')).toEqual({ status: 404, body: { detail: 'Run not found: nope' } });
    expect(await get('/api/dashboard/runs/nope/consolidated-metrics?limit=10001')).toEqual({ status: 400, body: { detail: 'Limit cannot exceed 10000' } });
    expect(await get('/api/dashboard/runs/test-run-id/consolidated-metrics?offset=-1')).toEqual({ status: 400, body: { detail: 'Offset cannot be negative' } });
    expect(await get('/api/dashboard/runs/test-run-id/consolidated-metrics?limit=0')).toEqual({ status: 400, body: { detail: 'Limit must be at least 1' } });
  });

  it('refuses non-numeric or out-of-range limit/offset and other methods with a REST error', async () => {
    for (const [query, message] of [
      ['limit=ten', 'limit must be an integer, got "ten"'],
      ['offset=1.5', 'offset must be an integer, got "1.5"'],
      ['limit=99999999999', 'limit is out of range, got 99999999999'],
    ]) {
      await expect(get(`/api/dashboard/runs/test-run-id/consolidated-metrics?${query}`)).rejects.toEqual(new RestError(400, message));
    }
    await expect(get('/api/dashboard/runs/test-run-id/consolidated-metrics', STAGE2, 'POST')).rejects.toMatchObject({ status: 405 });
    await expect(get('/api/dashboard/runs/%E0%A4%A/consolidated-metrics')).rejects.toMatchObject({ status: 400 });
  });

  it('leaves other paths to other routes', async () => {
    expect(await get('/api/dashboard/ab-results')).toBeNull();
    expect(await get('/api/runs/test-run-id')).toBeNull();
  });
});
