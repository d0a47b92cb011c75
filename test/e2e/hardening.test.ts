// Exposing the service without fear: operation limits, read-only keys, masked errors, introspection.
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const KEY = 'admin-key-1';
const READ = 'read-key-1';
const json = (res: Response): Promise<any> => res.json();

describe.each(BACKENDS)('hardening on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY, AUTOPACK_READ_API_KEY: READ, AUTOPACK_MAX_QUERY_DEPTH: '6', AUTOPACK_MAX_ALIASES: '3' });
  });
  afterAll(() => t.close());

  const post = (query: string, key = KEY, variables: Record<string, unknown> = {}) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query, variables }),
    });

  it('refuses operations deeper than the limit, also when named or aliased __schema or hidden in a fragment', async () => {
    const deep = '{ runs { nodes { phases { run { phases { run { phases { phaseId } } } } } } } }';
    const cases = [
      deep,
      `query __schema ${deep}`,
      `query Q { __schema: runs { nodes { phases { run { phases { run { phaseId } } } } } } }`,
      `fragment __schema on Run { phases { run { phases { run { phases { phaseId } } } } } } query Q { runs { nodes { ...__schema } } }`,
    ];
    for (const query of cases) {
      const res = await post(query);
      const body = await json(res);
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0].message).toMatch(/depth/i);
      expect(body.data).toBeUndefined();
    }
    // a real introspection query (GraphiQL's) is not refused
    const intro = await json(await post('{ __schema { queryType { name } types { name fields { name type { name ofType { name ofType { name } } } } } } }'));
    expect(intro.errors).toBeUndefined();
    expect(intro.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses too many aliases, and counts every rejection', async () => {
    const res = await json(await post('{ a: health { status } b: health { status } c: health { status } d: health { status } }'));
    expect(res.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors[0].message).toMatch(/aliases/i);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/autopack_graphql_rejections_total\{rule="max_aliases"\} [1-9]/);
    expect(metrics).toMatch(/autopack_graphql_rejections_total\{rule="max_depth"\} [1-9]/);
  });

  it('the read-only key runs queries but no mutation (GraphQL and REST), and writes nothing', async () => {
    const q = await post('{ runs { totalCount } }', READ);
    expect(q.status).toBe(200);
    expect((await json(q)).data.runs.totalCount).toBe(0);
    const m = await post('mutation { createRun(input: { id: "by-reader" }) { id } }', READ);
    expect(m.status).toBe(403);
    expect((await json(m)).errors[0]).toMatchObject({ message: 'Read-only API key: mutations need AUTOPACK_API_KEY', extensions: { code: 'FORBIDDEN' } });
    for (const admin of [
      'mutation { setFeatureFlag(flag: PHASE6_METRICS, enabled: true) { enabled } }',
      'mutation { replayCampaign(input: { dryRun: true }) { dryRun } }',
    ]) {
      expect((await json(await post(admin, READ))).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    await post('mutation { createRun(input: { id: "by-admin" }) { id } }');
    const exec = await fetch(`${t.url}/api/runs/by-admin/execute`, { method: 'POST', headers: { 'x-api-key': READ } });
    expect(exec.status).toBe(403);
    expect((await json(await fetch(`${t.url}/api/runs/by-admin/status`, { headers: { 'x-api-key': READ } }))).state).toBe('RUN_CREATED');
    expect((await json(await post('{ run(id: "by-reader") { id } }', READ))).data.run).toBeNull();
    expect((await json(await fetch(`${t.url}/health`))).kill_switches.phase6_metrics).toBe(false);
  });

  it('never shows a stack trace, SQL or a file path, in any error', async () => {
    const bodies = [
      await (await post('{ nope }')).text(),
      await (await post('{ runs(first: "x") { totalCount } }')).text(),
      await (await post('mutation { createRun(input: { id: "' + 'y'.repeat(300) + '" }) { id } }')).text(),
      await (await post('{', KEY)).text(),
      await (await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body: '{"query": ' })).text(),
    ];
    for (const b of bodies) {
      expect(b).not.toMatch(/\bat \S+ \(|\/work\/|node_modules|select |insert into|stacktrace/i);
    }
  });
});

describe('introspection in production', () => {
  it('answers only requests with a valid key (GraphiQL works once the key is entered)', async () => {
    const { createTestDatabase } = await import('../helpers/db');
    const db = await createTestDatabase('sqlite', { migrated: true }); // production never migrates by itself
    const t = await startTestApp('sqlite', { AUTOPACK_ENV: 'production', AUTOPACK_API_KEY: KEY, AUTOPACK_READ_API_KEY: READ }, db);
    try {
      const intro = (key?: string) =>
        fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { 'x-api-key': key } : {}) },
          body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
        });
      expect((await intro()).status).toBe(401);
      expect((await intro('guess')).status).toBe(403);
      expect((await json(await intro(KEY))).data.__schema.queryType.name).toBe('Query');
      expect((await json(await intro(READ))).data.__schema.queryType.name).toBe('Query');
      // no field suggestions in production: a probe learns nothing about the schema
      const probe = await json(
        await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': KEY },
          body: JSON.stringify({ query: '{ run { id } rnus { id } }' }),
        }),
      );
      expect(JSON.stringify(probe)).not.toMatch(/Did you mean/);
    } finally {
      await t.close();
    }
  });
});
