// Fuzz: POST and GET /graphql with random bodies, content types, documents (literal injection included),
// batches, huge and deeply nested JSON. Never a 5xx, every GraphQL error coded, a refused request writes nothing.
import fc from 'fast-check';
import { forkEm } from '../../src/db/orm';
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';
import { RUN_IDS, seedRuns } from './fixture';
import { anyJson, hostileString } from './hostile';
import { httpExec, rawRequest } from './http-client';
import { CLIENT_ERROR_CODES, expectUnchanged, rowCounts } from './invariants';
import { NUM_RUNS } from './property';

const KEY = 'fuzz-admin-key';
const raw = hostileString(RUN_IDS);

// Documents: garbage, and real operations with hostile text pasted in unescaped (injection) or escaped.
const document = fc.oneof(
  raw,
  raw.map((s) => `mutation { createRun(input: { id: "${s}" }) { id } }`),
  raw.map((s) => `mutation { executeRun(id: ${JSON.stringify(s)}) { id } }`),
  raw.map((s) => `{ run(id: "${s}") { id phases { phaseId } } }`),
  raw.map((s) => `mutation { recordDashboardEvent(input: { runId: "fz-exec", eventType: "X", payload: ${s} }) { id } }`),
  fc.constantFrom('{ __typename }', '{ __schema { types { name } } }', 'subscription { x }', '{ a: __typename b: __typename }', '#', '', '{'.repeat(5000)),
);
const body = fc.oneof(
  fc
    .record({
      query: fc.oneof(document, anyJson),
      variables: fc.oneof(anyJson, fc.constant(undefined)),
      operationName: fc.oneof(raw, anyJson, fc.constant(undefined)),
    })
    .map((b) => JSON.stringify(b)),
  fc.array(fc.record({ query: document }), { minLength: 1, maxLength: 3 }).map((b) => JSON.stringify(b)), // batched: off
  fc.json(),
  fc.string(),
  fc.constantFrom(
    '['.repeat(100_000) + ']'.repeat(100_000),
    JSON.stringify({ query: '{ __typename }', variables: { x: 'y'.repeat(1_100_000) } }),
    '\u0000',
    '{"query": "{ __typename }"',
  ),
);
const contentType = fc.constantFrom<string | undefined>(
  'application/json',
  'application/json',
  'application/graphql-response+json',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  undefined,
);
const request = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT'),
  contentType,
  body,
  query: fc.oneof(document, raw).map((d) => `?query=${encodeURIComponent(d.replace(/[\ud800-\udfff]/g, ''))}`),
  preflight: fc.boolean(),
  key: fc.constantFrom<string | null>(KEY, KEY, null),
});

describe.each(BACKENDS)('fuzz: GraphQL over HTTP on %s', (backend) => {
  let t: TestApp;
  const em = () => forkEm(t.app.orm);

  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY });
    await t.app.dispatcher.stop(); // no background execution writing rows during the property
    await seedRuns({ exec: httpExec(t.url, { 'x-api-key': KEY }), em });
  });
  afterAll(() => t.close());

  it('answers every request with data or coded errors, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        if (r.contentType) headers['content-type'] = r.contentType;
        if (r.preflight) headers['apollo-require-preflight'] = '1';
        if (r.key) headers['x-api-key'] = r.key;
        const before = await rowCounts(em());
        const res = await rawRequest(t.url, r.method, r.method === 'GET' ? `/graphql${r.query}` : '/graphql', {
          headers,
          body: r.method === 'GET' ? undefined : r.body,
        });
        const after = await rowCounts(em());
        const what = { ...r, body: r.body.slice(0, 300) };
        if (res.status >= 500) throw new Error(`${res.status} ${res.body.slice(0, 300)} for ${JSON.stringify(what)}`);
        const json = /json/.test(res.type) ? (JSON.parse(res.body) as { data?: unknown; errors?: { extensions?: { code?: string } }[] }) : null;
        for (const e of json?.errors ?? []) {
          if (!CLIENT_ERROR_CODES.has(String(e.extensions?.code))) throw new Error(`uncoded error ${JSON.stringify(e)} for ${JSON.stringify(what)}`);
        }
        if (!json) expect(res.status).toBeGreaterThanOrEqual(400); // Apollo's plain-text refusals (CSRF, method)
        if (res.status !== 200 || json?.errors?.length) expectUnchanged(before, after, what);
      }),
      {
        numRuns: NUM_RUNS * 2,
        // A syntax error once came back as a 500 (graphql-armor's max-tokens plugin): always tried first.
        examples: [[{ method: 'POST', contentType: 'application/json', body: '{"query":"#"}', query: '', preflight: false, key: KEY }]],
      },
    );
  });
});
