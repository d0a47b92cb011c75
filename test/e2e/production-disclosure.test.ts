// Production says nothing extra: no "Did you mean ...?" of any kind (fields, enum values in literals and in
// variables, over GraphQL and REST), and introspection is depth-limited like every other operation.
import { getIntrospectionQuery } from 'graphql';
import { BACKENDS, createTestDatabase, type Backend } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const KEY = 'disclosure-key';
const json = (res: Response): Promise<any> => res.json();

/** The app in production mode (its migrations applied first: production never migrates by itself). */
async function startProduction(backend: Backend, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase(backend, { migrated: true });
  return startTestApp(backend, { AUTOPACK_ENV: 'production', AUTOPACK_API_KEY: KEY, ...env }, db);
}

/** `{ __schema { types { fields { type { ofType { ... } } } } } }` with `n` ofType levels. */
const deepIntrospection = (n: number) => `{ __schema { types { fields { type { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } } } } }`;

describe.each(BACKENDS)('production on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startProduction(backend);
  });
  afterAll(() => t.close());

  const post = (query: string, variables: Record<string, unknown> = {}) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: JSON.stringify({ query, variables }),
    });

  it('suggests no enum value, field or argument: literal, variable and REST parameter', async () => {
    const answers = [
      await json(await post('{ runs(state: QUEUD) { totalCount } }')),
      await json(await post('query Q($s: RunState) { runs(state: $s) { totalCount } }', { s: 'QUEUD' })),
      await json(await post('mutation { setFeatureFlag(flag: PHASE6_METRIC, enabled: true) { flag } }')),
      await json(await post('{ rnus { totalCount } }')),
      await json(await post('{ runs(frist: 1) { totalCount } }')),
    ];
    for (const answer of answers) {
      expect(answer.errors?.[0]?.extensions?.code).toMatch(/GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/);
      expect(JSON.stringify(answer)).not.toMatch(/Did you mean|QUEUED|PHASE6_METRICS|"runs"|"first"/);
    }
    expect(answers[0].errors[0].message).toBe('Value "QUEUD" does not exist in "RunState" enum.');
    const rest = await fetch(`${t.url}/api/runs?state=QUEUD`, { headers: { 'x-api-key': KEY } });
    expect(rest.status).toBe(400);
    expect(await rest.text()).not.toMatch(/Did you mean/);
  });

  it('limits the depth of introspection too; the standard introspection query (GraphiQL) passes', async () => {
    for (const query of [
      deepIntrospection(12),
      `query Q { ...Deep } fragment Deep on Query { __schema { types { fields { type { ${'ofType { '.repeat(12)}name${' }'.repeat(12)} } } } } }`,
      `{ __type(name: "Run") { fields { type { ${'ofType { '.repeat(12)}name${' }'.repeat(12)} } } } }`,
    ]) {
      const answer = await json(await post(query));
      expect(answer.data).toBeUndefined();
      expect(answer.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.errors[0].message).toMatch(/depth limit/);
    }
    const standard = await json(await post(getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true })));
    expect(standard.errors).toBeUndefined();
    expect(standard.data.__schema.queryType.name).toBe('Query');
    const metrics = await (await fetch(`${t.url}/metrics`, { headers: { 'x-api-key': KEY } })).text();
    expect(metrics).toMatch(/autopack_graphql_rejections_total\{rule="max_introspection_depth"\} [1-9]/);
  });
});

describe('development mode', () => {
  it('keeps suggestions (they help while building a client)', async () => {
    const t = await startTestApp('sqlite');
    try {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ runs(state: QUEUD) { totalCount } }' }),
      });
      expect((await json(res)).errors[0].message).toMatch(/Did you mean the enum value "QUEUED"\?/);
    } finally {
      await t.close();
    }
  });
});
