// Bad input of any kind is the client's error: a coded 4xx (or a coded GraphQL error), never an
// INTERNAL_SERVER_ERROR, never an error-level log line, never a partial write. REST answers in REST words.
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Logger } from '../../src/logger';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/db';

const KEY = 'client-errors-key';
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe.each(BACKENDS)('client errors on %s', (backend) => {
  let app: App;
  let db: TestDatabase;
  const logs: { level: string; msg: string; fields: string }[] = [];
  const record = (level: string) => (msg: string, fields?: Record<string, unknown>) => void logs.push({ level, msg, fields: JSON.stringify(fields ?? {}) });
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
  };
  const rest = async (path: string) => {
    const res = await fetch(`${app.url}${path}`, { headers: { 'x-api-key': KEY } });
    return { status: res.status, body: (await res.json()) as { detail: string } };
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const config = loadConfig({
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      PORT: '0',
      AUTOPACK_SHUTDOWN_GRACE_SECONDS: '0',
      AUTOPACK_API_KEY: KEY,
      AUTOPACK_ENABLE_PHASE6_METRICS: '1',
      AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1',
    });
    app = await startApp(config, { logger });
    for (const id of ['ce-1', 'ce-2', 'ce-3']) {
      expect((await post(`mutation { createRun(input: { id: "${id}", phases: [{ phaseId: "p1", name: "P1" }] }) { id } }`)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  beforeEach(() => void logs.splice(0));
  afterEach(() => expect(logs.filter((l) => l.level === 'error')).toEqual([]));

  it('a subscription sent over HTTP is a coded 4xx: 400 BAD_REQUEST by POST, 405 by GET', async () => {
    const res = await post('subscription { runsUpdated { id } }');
    expect(res).toEqual({ status: 400, body: { errors: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })] } });
    expect(res.body.errors![0].message).toMatch(/Subscriptions are not served over HTTP/);
    const get = await fetch(`${app.url}/graphql?query=${encodeURIComponent('subscription S { runsUpdated { id } }')}`, {
      headers: { 'x-api-key': KEY, 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(405); // Apollo's own answer to anything but a query over GET
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  const now = Date.UTC(2026, 0, 1);
  it.each([
    ['a number out of any date range', b64([1e308, 'x'])],
    ['a NUL in the id', b64([now, 'ce-1\u0000x'])],
    ['an id no run can have', b64([now, "x' or 1=1 --"])],
    ['a fractional instant', b64([1.5, 'ce-1'])],
    ['wrong types', b64(['2026-01-01', 1])],
    ['a one-element array', b64([now])],
    ['an object', b64({ ms: now, id: 'ce-1' })],
    ['trailing JSON garbage', b64(`[${now},"ce-1"]x`)],
    ['garbage base64', '!!not*base64!!'],
    ['standard base64 padding', `${b64([now, 'ce-1'])}==`],
    ['a NUL in the cursor itself', `${b64([now, 'ce-1'])}\u0000`],
    ['a huge cursor', 'A'.repeat(10_000)],
  ])('runs(after:) with %s is BAD_USER_INPUT on field after', async (_label, after) => {
    const res = await post('query($after: String) { runs(first: 1, after: $after) { nodes { id } } }', { after });
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } })]);
    expect(res.body.errors![0].message).toMatch(/^Invalid cursor ".*": pass a pageInfo.endCursor unchanged$/);
    expect(logs.some((l) => l.fields.includes('ce-1\\u0000') || l.fields.includes('1e+308'))).toBe(false);
  });

  it('a real cursor still pages', async () => {
    const first = await post('{ runs(first: 2) { nodes { id } pageInfo { endCursor } } }');
    const next = await post('query($after: String) { runs(first: 2, after: $after) { nodes { id } } }', { after: first.body.data.runs.pageInfo.endCursor });
    expect([...first.body.data.runs.nodes, ...next.body.data.runs.nodes].map((n: { id: string }) => n.id)).toEqual(['ce-3', 'ce-2', 'ce-1']);
  });

  it('an impossible DateTime is refused (variable and literal), nothing stored', async () => {
    const RECORD = 'mutation($input: [PhaseMetricsInput!]!) { recordPhaseMetrics(input: $input) { id } }';
    const row = { runId: 'ce-1', phaseId: 'p1', baseTokens: 1, createdAt: '2026-02-31T00:00:00Z' };
    const variable = await post(RECORD, { input: [row] });
    expect(variable.status).toBe(400);
    expect(variable.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const literal = await post(
      'mutation { recordPhaseMetrics(input: [{ runId: "ce-1", phaseId: "p1", baseTokens: 1, createdAt: "2026-02-31T00:00:00Z" }]) { id } }',
    );
    expect(literal.status).toBe(400);
    expect(literal.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const metrics = await post('{ run(id: "ce-1") { phases { metrics { id } } } }');
    expect(metrics.body.data.run.phases[0].metrics).toEqual([]);
  });

  it('REST: a bad parameter is a 400 in REST words, logged at info without a stack trace', async () => {
    const res = await rest('/api/runs?state=BOGUS');
    expect(res).toEqual({ status: 400, body: { detail: expect.stringMatching(/^state must be one of: RUN_CREATED, .*DONE_FAILED_ENVIRONMENT$/) } });
    await new Promise((r) => setImmediate(r)); // the request line is written on 'finish'
    expect(logs).toEqual([expect.objectContaining({ level: 'info', msg: 'request' })]);
    expect(logs[0].fields).toContain('"status":400');
    expect(logs[0].fields).not.toMatch(/stack|    at /);
  });

  it.each([
    ['/api/runs?state=done_success', 400, /^state must be one of: /],
    ['/api/runs?limit=abc', 400, /^limit must be an integer/],
    ['/api/runs?limit=0', 400, /^limit must be between 1 and 100/],
    ['/api/runs?offset=-1', 400, /^offset must be >= 0/],
    ['/api/runs?limit=99999999999', 400, /^limit is out of range/],
    ['/api/runs/%E0%A4%A', 400, /^Malformed run id/],
    ['/api/runs/ce-1%00', 404, /^Run not found/],
    ['/api/runs/ce-1%00/status', 404, /^Run not found/],
    ['/api/dashboard/runs/ce-1/consolidated-metrics?limit=0', 400, /^Limit must be at least 1$/],
    ['/api/dashboard/runs/ce-1/consolidated-metrics?offset=x', 400, /^offset must be an integer/],
    ['/api/dashboard/runs/ce-1%00/consolidated-metrics', 404, /^Run not found/],
    ['/api/dashboard/ab-results?valid_only=maybe', 400, /^valid_only must be true or false/],
    ['/api/dashboard/ab-results?limit=0', 400, /^limit must be between 1 and 1000/],
    ['/api/dashboard/ab-results?test_id=a%00b', 400, /^test_id/],
    [`/api/dashboard/ab-results?test_id=${'t'.repeat(300)}`, 400, /^test_id/],
  ])('REST %s answers %i {"detail": ...}', async (path, status, detail) => {
    const res = await rest(path);
    expect(res.status).toBe(status);
    expect(Object.keys(res.body)).toEqual(['detail']);
    expect(res.body.detail).toMatch(detail);
    expect(res.body.detail).not.toMatch(/Variable "\$|GraphQL|got invalid value/);
  });
});
