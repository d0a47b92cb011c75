// Standard clients that send queries with GET (urql's default) against the real server: a request carrying
// the API key cannot be a cross-site simple request, so CSRF prevention lets it through; GET without a key
// header or a preflight header is still refused.
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const KEY = 'get-client-key';
const RUNS = 'query Runs { runs(first: 5) { totalCount nodes { id } } }';

/** urql with its defaults (GET for queries within the URL limit); `methods` records what it sent. */
function urql(url: string, headers: Record<string, string>, methods: string[]): Client {
  return new Client({
    url: `${url}/graphql`,
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: { headers },
    fetch: (input, init) => {
      methods.push(init?.method ?? 'GET');
      return fetch(input, init);
    },
  });
}

describe.each(BACKENDS)('queries sent with GET on %s', (backend) => {
  describe('with an API key', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY });
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': KEY },
        body: JSON.stringify({ query: 'mutation { createRun(input: { id: "get-run" }) { id } }' }),
      });
      expect(res.status).toBe(200);
    });
    afterAll(() => t.close());

    it.each([
      ['X-API-Key', { 'x-api-key': KEY }],
      ['Authorization: Bearer', { authorization: `Bearer ${KEY}` }],
    ])('urql with its defaults and the key in %s gets its data', async (_name, headers) => {
      const methods: string[] = [];
      const result = await urql(t.url, headers, methods).query(RUNS, {}).toPromise();
      expect(methods).toEqual(['GET']);
      expect(result.error).toBeUndefined();
      expect(result.data).toMatchObject({ runs: { totalCount: 1, nodes: [{ id: 'get-run' }] } });
    });

    it('a GET mutation is still refused, and writes nothing', async () => {
      const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('mutation { createRun(input: { id: "via-get" }) { id } }')}`, {
        headers: { 'x-api-key': KEY },
      });
      expect(res.status).toBe(405);
      const methods: string[] = [];
      const after = await urql(t.url, { 'x-api-key': KEY }, methods).query('{ run(id: "via-get") { id } }', {}).toPromise();
      expect(after.data).toMatchObject({ run: null });
    });
  });

  describe('open development mode (no key configured)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend);
    });
    afterAll(() => t.close());

    it('refuses a GET query without a key or preflight header (a cross-site simple request could send it)', async () => {
      const methods: string[] = [];
      const result = await urql(t.url, {}, methods).query(RUNS, {}).toPromise();
      expect(methods).toEqual(['GET']);
      expect(result.data).toBeUndefined();
      expect(result.error?.response?.status).toBe(400);
      expect(result.error?.message).toMatch(/CSRF/);
    });

    it('serves the same GET with a preflight header', async () => {
      const methods: string[] = [];
      const result = await urql(t.url, { 'apollo-require-preflight': 'true' }, methods).query(RUNS, {}).toPromise();
      expect(methods).toEqual(['GET']);
      expect(result.error).toBeUndefined();
      expect(result.data).toMatchObject({ runs: { totalCount: 0, nodes: [] } });
    });
  });
});
