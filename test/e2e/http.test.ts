// The real server on a free loopback port: health, auth, GraphiQL page, errors.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { pgUrl } from '../helpers/db';
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const json = (res: Response): Promise<any> => res.json();

const gql = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe.each(BACKENDS)('HTTP on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: 'secret-key' });
  });
  afterAll(() => t.close());

  it('GET /health answers 200 with the documented body, without a key', async () => {
    const res = await fetch(`${t.url}/health`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toEqual({
      status: 'healthy',
      database: 'connected',
      qdrant: 'disabled',
      kill_switches: { phase6_metrics: false, consolidated_metrics: false },
      version: expect.any(String),
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      flags: [
        { flag: 'PHASE6_METRICS', enabled: false, source: 'ENV', env_enabled: false, changed_at: null },
        { flag: 'CONSOLIDATED_METRICS', enabled: false, source: 'ENV', env_enabled: false, changed_at: null },
      ],
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('requires the API key on /graphql: missing 401, wrong 403, right 200 (header or bearer)', async () => {
    const q = '{ runs { totalCount } }';
    const missing = await gql(t.url, q);
    expect(missing.status).toBe(401);
    expect((await json(missing)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const wrong = await gql(t.url, q, { 'x-api-key': 'nope' });
    expect(wrong.status).toBe(403);
    expect((await json(wrong)).errors[0]).toEqual({ message: 'Invalid API key', extensions: { code: 'FORBIDDEN' } });
    const right = await gql(t.url, q, { 'x-api-key': 'secret-key' });
    expect(right.status).toBe(200);
    expect(await json(right)).toEqual({ data: { runs: { totalCount: 0 } } });
    const bearer = await gql(t.url, q, { authorization: 'Bearer secret-key' });
    expect(bearer.status).toBe(200);
  });

  it('rejected requests write nothing', async () => {
    const res = await gql(t.url, 'mutation { createRun(input: { id: "sneaky" }) { id } }', { 'x-api-key': 'wrong' });
    expect(res.status).toBe(403);
    const check = await gql(t.url, '{ run(id: "sneaky") { id } }', { 'x-api-key': 'secret-key' });
    expect((await json(check)).data.run).toBeNull();
  });

  it('serves the GraphiQL page and its assets openly, from the npm packages', async () => {
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="graphiql">');
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(srcs.every((s) => s.startsWith('/graphiql/'))).toBe(true);
    for (const src of srcs) {
      const asset = await fetch(`${t.url}${src}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('answers coded errors, never stack traces', async () => {
    const res = await gql(t.url, '{ runs(first: 1000) { totalCount } }', { 'x-api-key': 'secret-key' });
    const body = await json(res);
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const invalid = await gql(t.url, '{ nope }', { 'x-api-key': 'secret-key' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await json(invalid))).not.toMatch(/stacktrace|at \w+ \(/);
    const notFound = await fetch(`${t.url}/api/unknown`, { headers: { 'x-api-key': 'secret-key' } });
    expect(notFound.status).toBe(404);
    expect(await json(notFound)).toEqual({ detail: 'Not Found' });
  });

  it('refuses a simple cross-site form POST (CSRF prevention)', async () => {
    // What a browser form can send cross-site without a preflight: a POST with a "simple" content type.
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-api-key': 'secret-key' },
        body: JSON.stringify({ query: 'mutation { createRun(input: { id: "csrf" }) { id } }' }),
      });
      expect(res.status).toBe(400);
    }
    // A GET carrying the key cannot come from a cross-site simple request: served (urql's default; see
    // get-clients.test.ts for the refusals).
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ runs { totalCount } }')}`, { headers: { 'x-api-key': 'secret-key' } });
    expect(get.status).toBe(200);
    const check = await gql(t.url, '{ run(id: "csrf") { id } }', { 'x-api-key': 'secret-key' });
    expect((await json(check)).data.run).toBeNull();
  });
});

describe('health reports the database and Qdrant truthfully', () => {
  it('503 while the PostgreSQL database is gone, 200 again once it is back, without a restart', async () => {
    // No reuse of a check: each /health must see the database as it is now.
    const t = await startTestApp('postgresql', { AUTOPACK_HEALTH_CACHE_MS: '0' });
    const dbName = new URL(t.db.url).pathname.slice(1);
    const admin = new Client({ connectionString: pgUrl('postgres') });
    await admin.connect();
    try {
      expect((await fetch(`${t.url}/health`)).status).toBe(200);
      await admin.query(`alter database "${dbName}" allow_connections false`);
      await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [dbName]);
      const down = await fetch(`${t.url}/health`);
      expect(down.status).toBe(503);
      const body = await json(down);
      expect(body.status).toBe('unhealthy');
      expect(body.database).toMatch(/^error: /);
      expect(body.database).not.toContain('autopack:autopack');
      await admin.query(`alter database "${dbName}" allow_connections true`);
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await fetch(`${t.url}/health`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
    } finally {
      await admin.query(`alter database "${dbName}" allow_connections true`).catch(() => undefined);
      await admin.end();
      await t.close();
    }
  });

  it('checks QDRANT_HOST/healthz: connected, unhealthy (status N), error', async () => {
    let statusCode = 200;
    const qdrant: Server = createServer((req, res) => {
      res.statusCode = req.url === '/healthz' ? statusCode : 404;
      res.end('ok');
    });
    await new Promise<void>((r) => qdrant.listen(0, '127.0.0.1', r));
    const port = (qdrant.address() as AddressInfo).port;
    const t = await startTestApp('sqlite', { QDRANT_HOST: `http://127.0.0.1:${port}`, AUTOPACK_HEALTH_CACHE_MS: '0' });
    try {
      expect((await json(await fetch(`${t.url}/health`))).qdrant).toBe('connected');
      statusCode = 500;
      const res = await fetch(`${t.url}/health`);
      expect(res.status).toBe(200); // Qdrant is optional: it does not make the service unhealthy
      expect((await json(res)).qdrant).toBe('unhealthy (status 500)');
      await new Promise<void>((r) => qdrant.close(() => r()));
      qdrant.closeAllConnections();
      expect((await json(await fetch(`${t.url}/health`))).qdrant).toMatch(/^error: /);
    } finally {
      qdrant.close();
      await t.close();
    }
  });
});
