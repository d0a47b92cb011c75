// Operations kit: runtime kill switches across servers, Prometheus metrics, structured logs.
import { startServe } from '../helpers/cli';
import { createTestDatabase } from '../helpers/db';
import { waitFor } from '../helpers/executor';
import { startTestApp } from '../helpers/harness';

const KEY = 'ops-secret-key-123';
const json = (res: Response): Promise<any> => res.json();
const gql = async (url: string, query: string, headers: Record<string, string> = {}) =>
  json(
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY, ...headers },
      body: JSON.stringify({ query }),
    }),
  );

describe('runtime kill switches', () => {
  it('an override set on one server applies on another within 5 s, and clearing returns to the environment', async () => {
    const db = await createTestDatabase('postgresql');
    const env = { DATABASE_URL: db.url, AUTOPACK_API_KEY: KEY };
    const [a, b] = await Promise.all([startServe(env), startServe(env)]);
    try {
      await gql(a.url, `mutation { createRun(input: { id: "test-run-id" }) { id } }`);
      const consolidated = (url: string) => fetch(`${url}/api/dashboard/runs/test-run-id/consolidated-metrics`, { headers: { 'x-api-key': KEY } });
      expect((await consolidated(b.url)).status).toBe(503);

      // The actor comes from the key, not from a name the client sends.
      const set = await gql(
        a.url,
        `mutation { setFeatureFlag(flag: CONSOLIDATED_METRICS, enabled: true, reason: "Stage 2 rollout") { flag enabled source envEnabled reason changedBy changedAt } }`,
        {
          'x-autopack-actor': 'alice',
        },
      );
      expect(set.data.setFeatureFlag).toEqual({
        flag: 'CONSOLIDATED_METRICS',
        enabled: true,
        source: 'OVERRIDE',
        envEnabled: false,
        reason: 'Stage 2 rollout',
        changedBy: 'admin',
        changedAt: expect.stringMatching(/^\d{4}-/),
      });
      const setAt = Date.now();
      await waitFor(
        'server B to apply the override',
        async () => (await json(await fetch(`${b.url}/health`))).kill_switches.consolidated_metrics === true,
        5000,
      );
      expect(Date.now() - setAt).toBeLessThan(5000);
      expect((await consolidated(b.url)).status).toBe(200);
      const health = await json(await fetch(`${b.url}/health`, { headers: { 'x-api-key': KEY } }));
      expect(health.flags.find((f: any) => f.flag === 'CONSOLIDATED_METRICS')).toMatchObject({
        enabled: true,
        source: 'OVERRIDE',
        changed_by: 'admin',
        reason: 'Stage 2 rollout',
      });

      const cleared = await gql(b.url, `mutation { clearFeatureFlag(flag: CONSOLIDATED_METRICS) { enabled source changedBy } }`);
      expect(cleared.data.clearFeatureFlag).toEqual({ enabled: false, source: 'ENV', changedBy: null });
      await waitFor(
        'server A to drop the override',
        async () => (await json(await fetch(`${a.url}/health`))).kill_switches.consolidated_metrics === false,
        5000,
      );
      expect((await consolidated(a.url)).status).toBe(503);

      const bad = await gql(a.url, `mutation { setFeatureFlag(flag: CONSOLIDATED_METRICS, enabled: true, reason: "${'x'.repeat(1001)}") { flag } }`);
      expect(bad.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const unknown = await gql(a.url, `mutation { setFeatureFlag(flag: NOPE, enabled: true) { flag } }`);
      expect(unknown.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await json(await fetch(`${a.url}/health`))).kill_switches.consolidated_metrics).toBe(false);
      const [ra, rb] = await Promise.all([a.stop(), b.stop()]);
      const logs = ra.stderr + rb.stderr;
      expect(logs).toMatch(/"msg":"kill switch CONSOLIDATED_METRICS is now ON"/);
      expect(logs).toMatch(/"msg":"kill switch CONSOLIDATED_METRICS is now OFF"/);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await db.drop();
    }
  });
});

describe('Prometheus metrics and structured logs', () => {
  it('GET /metrics exposes requests by route and operation, errors by code, switches, runs and executor outcomes', async () => {
    const t = await startTestApp('sqlite', { AUTOPACK_API_KEY: KEY, AUTOPACK_DISPATCH_INTERVAL_MS: '100' });
    try {
      await gql(t.url, `mutation CreateDemo { createRun(input: { id: "m-run", phases: [{ phaseId: "p", name: "P" }] }) { id } }`);
      await gql(t.url, `mutation { setFeatureFlag(flag: PHASE6_METRICS, enabled: true) { enabled } }`);
      await gql(
        t.url,
        `mutation { recordPhaseMetrics(input: [{ runId: "m-run", phaseId: "p", baseTokens: 3 }, { runId: "m-run", phaseId: "p", baseTokens: 4, createdAt: "2020-01-01T00:00:00Z" }]) { totalTokens } }`,
      );
      await gql(t.url, `mutation { purgeExpiredTelemetry(retentionDays: 30) { tables { table rows } } }`);
      await gql(t.url, `query Broken { runs(first: 0) { totalCount } }`);
      await fetch(`${t.url}/api/runs/m-run/status`, { headers: { 'x-api-key': KEY } });
      await fetch(`${t.url}/api/runs/m-run/execute`, { method: 'POST', headers: { 'x-api-key': KEY } });
      await waitFor(
        'the run to fail (no executor)',
        async () => (await gql(t.url, `{ run(id: "m-run") { state } }`)).data.run.state === 'DONE_FAILED_ENVIRONMENT',
      );
      const res = await fetch(`${t.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      const text = await res.text();
      expect(text).toMatch(/autopack_http_requests_total\{method="POST",route="\/graphql",operation="CreateDemo",status="200"\} 1/);
      expect(text).toMatch(/autopack_http_requests_total\{method="GET",route="\/api\/runs\/:id\/status",operation="RunStatus",status="200"\} 1/);
      expect(text).toMatch(/autopack_http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/graphql",operation="CreateDemo"\}/);
      expect(text).toMatch(/autopack_graphql_errors_total\{code="BAD_USER_INPUT",operation="Broken"\} 1/);
      expect(text).toMatch(/autopack_runs\{state="DONE_FAILED_ENVIRONMENT"\} 1/);
      expect(text).toMatch(/autopack_executor_outcomes_total\{state="DONE_FAILED_ENVIRONMENT"\} 1/);
      expect(text).toMatch(/autopack_process_resident_memory_bytes/);
      expect(text).toMatch(/autopack_phase_metrics_ingested_total 2/);
      expect(text).toMatch(/autopack_retention_deleted_rows_total\{table="phase_metrics"\} 1/);
      expect(text).toMatch(/autopack_kill_switch_enabled\{flag="PHASE6_METRICS",source="OVERRIDE"\} 1/);
      // every metric the sample Grafana dashboard queries is one we export
      const dashboard = require('node:fs').readFileSync(require('node:path').join(__dirname, '../../docs/grafana-dashboard.json'), 'utf8');
      const used = new Set<string>(dashboard.match(/autopack_[a-z_]+/g));
      const exported = new Set(text.match(/^# TYPE (\S+)/gm)!.map((l) => l.slice(7)));
      expect([...used].filter((m) => !exported.has(m.replace(/_(bucket|sum|count)$/, '')))).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('logs one JSON line per request with id, operation, duration and status, and never the key or a password', async () => {
    const db = await createTestDatabase('postgresql');
    const server = await startServe({ DATABASE_URL: db.url, AUTOPACK_API_KEY: KEY });
    let stderr: string;
    try {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': KEY },
        body: JSON.stringify({ query: 'query Listing { runs { totalCount } }' }),
      });
      const requestId = res.headers.get('x-request-id');
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' }, body: '{}' });
      stderr = (await server.stop()).stderr;
      const lines = stderr
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const request = lines.find((l) => l.msg === 'request' && l.requestId === requestId);
      expect(request).toMatchObject({ level: 'info', method: 'POST', route: '/graphql', operation: 'Listing', status: 200, durationMs: expect.any(Number) });
      expect(lines.find((l) => l.msg === 'request' && l.status === 403)).toBeDefined();
      const startup = lines.find((l) => l.msg === 'Autopack Control Plane started');
      expect(startup).toMatchObject({ backend: 'postgresql', database: expect.stringContaining(':***@'), auth: 'api-key', migrations: { pending: 0 } });
      expect(stderr).not.toContain(KEY);
      expect(stderr).not.toContain('autopack:autopack@');
    } finally {
      await db.drop();
    }
  });
});
