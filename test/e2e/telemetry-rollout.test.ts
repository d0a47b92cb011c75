// The rollout guide's progressive enablement on one database, through the real server: Stage 0 (both
// switches off), Stage 1 (telemetry only), Stage 2 (telemetry and dashboard), each a restart with new
// environment variables, as the guide does it.
import { BACKENDS, createTestDatabase } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const KEY = 'rollout-key';
const headers = { 'content-type': 'application/json', 'x-api-key': KEY };

async function gql(t: TestApp, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return res.json();
}

const RECORD = `mutation($input: [PhaseMetricsInput!]!) { recordPhaseMetrics(input: $input) { id totalTokens } }`;
const CONSOLIDATED = `{ consolidatedMetrics(runId: "telemetry-v7") { retrievalTokens secondOpinionTokens evidenceRequestTokens baseTokens totalTokens totalPhases phasesWithMetrics } }`;
const STORED = `{ integrityReport(runId: "telemetry-v7") { metricsRowsChecked ok } }`;
const SAMPLES = [
  { runId: 'telemetry-v7', phaseId: 'plan', retrievalTokens: 12000, secondOpinionTokens: 6000, evidenceRequestTokens: 3000, baseTokens: 90000 },
  { runId: 'telemetry-v7', phaseId: 'build', retrievalTokens: 345, secondOpinionTokens: 789, evidenceRequestTokens: 456, baseTokens: 8765, totalTokens: 10355 },
];

/** The guide's curl. */
async function curlDashboard(t: TestApp, key: string | null = KEY): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${t.url}/api/dashboard/runs/telemetry-v7/consolidated-metrics`, { headers: key ? { 'x-api-key': key } : {} });
  return { status: res.status, body: await res.json() };
}

describe.each(BACKENDS)('Phase 6 rollout stages over HTTP on %s', (backend) => {
  it('Stage 0 says disabled and stores nothing; Stage 1 stores; Stage 2 serves exact sums', async () => {
    const db = await createTestDatabase(backend);
    let t: TestApp | null = null;
    const restart = async (env: Record<string, string>) => {
      await t?.app.close();
      t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY, ...env }, db);
      return t;
    };
    try {
      // Stage 0: kill switches default OFF
      let s = await restart({});
      expect(
        (
          await gql(
            s,
            `mutation { createRun(input: { id: "telemetry-v7", phases: [{ phaseId: "plan", name: "Plan" }, { phaseId: "build", name: "Build" }] }) { id } }`,
          )
        ).errors,
      ).toBeUndefined();
      const refused = await gql(s, RECORD, { input: SAMPLES });
      expect(refused.errors[0]).toMatchObject({
        message: 'Phase 6 metrics disabled',
        extensions: { code: 'FEATURE_DISABLED', flag: 'AUTOPACK_ENABLE_PHASE6_METRICS' },
      });
      expect((await gql(s, CONSOLIDATED)).errors[0]).toMatchObject({ message: 'Consolidated metrics disabled', extensions: { code: 'FEATURE_DISABLED' } });
      expect(await curlDashboard(s)).toEqual({ status: 503, body: { detail: 'Consolidated metrics disabled' } });
      expect((await gql(s, STORED)).data.integrityReport).toEqual({ metricsRowsChecked: 0, ok: true });

      // Stage 1: telemetry collection only
      s = await restart({ AUTOPACK_ENABLE_PHASE6_METRICS: '1' });
      const stored = await gql(s, RECORD, { input: SAMPLES });
      expect(stored.errors).toBeUndefined();
      expect(stored.data.recordPhaseMetrics.map((r: any) => r.totalTokens)).toEqual([111000, 10355]);
      expect((await gql(s, CONSOLIDATED)).errors[0].extensions.code).toBe('FEATURE_DISABLED');
      expect(await curlDashboard(s)).toEqual({ status: 503, body: { detail: 'Consolidated metrics disabled' } });
      expect((await gql(s, STORED)).data.integrityReport).toEqual({ metricsRowsChecked: 2, ok: true });

      // Stage 2: the dashboard, with exact sums (the guide's example response)
      s = await restart({ AUTOPACK_ENABLE_PHASE6_METRICS: '1', AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1' });
      const on = await gql(s, CONSOLIDATED);
      expect(on).toEqual({
        data: {
          consolidatedMetrics: {
            retrievalTokens: 12345,
            secondOpinionTokens: 6789,
            evidenceRequestTokens: 3456,
            baseTokens: 98765,
            totalTokens: 121355,
            totalPhases: 2,
            phasesWithMetrics: 2,
          },
        },
      });
      expect(await curlDashboard(s)).toEqual({
        status: 200,
        body: {
          run_id: 'telemetry-v7',
          retrieval_tokens: 12345,
          second_opinion_tokens: 6789,
          evidence_request_tokens: 3456,
          base_tokens: 98765,
          total_tokens: 121355,
          total_phases: 2,
          phases_with_metrics: 2,
        },
      });
      expect((await curlDashboard(s, null)).status).toBe(401);
      expect((await curlDashboard(s, 'wrong')).status).toBe(403);
    } finally {
      await (t as TestApp | null)?.app.close();
      await db.drop();
    }
  });
});
