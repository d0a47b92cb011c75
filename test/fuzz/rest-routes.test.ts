// Fuzz: every REST route over real HTTP with odd path segments, random query strings, every method and key.
// Never a 500: a 4xx (or 503) with exactly {"detail": "..."}, and a refused call writes nothing.
import fc from 'fast-check';
import { forkEm } from '../../src/db/orm';
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';
import { RUN_IDS, seedRuns } from './fixture';
import { hostileNumber, hostileString } from './hostile';
import { httpExec, rawRequest, type RawResponse } from './http-client';
import { delta, expectUnchanged, rowCounts } from './invariants';
import { NUM_RUNS } from './property';

const ADMIN = 'fuzz-admin-key';
const READ = 'fuzz-read-key';

// A lone surrogate has no UTF-8 form: send the bytes a sloppy client would (CESU-8, invalid UTF-8).
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
};

// Path segments as a client could put them on the wire: encoded hostile text, and malformed escapes as-is.
const segment = fc.oneof(
  hostileString(RUN_IDS).map(encode),
  fc.constantFrom(
    '%',
    '%ZZ',
    '%E0%A4%A',
    '%C0%80',
    '%00',
    '%2F',
    '%2f..%2f',
    '..',
    '.',
    '%2e%2e',
    '%ff',
    '~',
    ';',
    "!$&'()*+,=",
    ':@',
    'a%20b',
    '%F0%9F%9A%80',
  ),
);

const queryValue = fc.oneof(
  hostileNumber.map(String),
  hostileString(['true', 'false', 'QUEUED', 'FAILED', 'DONE_SUCCESS']).map(encode),
  fc.constantFrom('', '%', '%ZZ', '9'.repeat(400), '1e3', '0x10', '-0', '+5', '%205', '%00'),
);
const queryString = fc
  .array(fc.tuple(fc.constantFrom('limit', 'offset', 'state', 'valid_only', 'test_id', 'run_id', '__proto__', ''), queryValue), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

const route = fc.oneof(
  fc.constant('/health'),
  fc.constant('/api/runs'),
  segment.map((s) => `/api/runs/${s}`),
  segment.map((s) => `/api/runs/${s}/execute`),
  segment.map((s) => `/api/runs/${s}/status`),
  segment.map((s) => `/api/dashboard/runs/${s}/consolidated-metrics`),
  fc.constant('/api/dashboard/ab-results'),
  fc.tuple(segment, segment).map(([a, b]) => `/api/${a}/${b}`),
);

const call = fc.record({
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
    { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
  ),
  path: route,
  query: queryString,
  key: fc.constantFrom<string | null>(ADMIN, ADMIN, ADMIN, READ, 'wrong-key', null),
  body: fc.option(fc.oneof(fc.json(), fc.string()), { nil: undefined }),
});

type Call = typeof call extends fc.Arbitrary<infer C> ? C : never;

/** The guide's error shape: a JSON object with exactly one key, detail, a string. */
function expectDetail(res: RawResponse, what: unknown): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    throw new Error(`non-JSON ${res.status} body ${res.body.slice(0, 200)} for ${JSON.stringify(what)}`);
  }
  if (!parsed || typeof parsed !== 'object' || Object.keys(parsed).join() !== 'detail' || typeof (parsed as { detail: unknown }).detail !== 'string') {
    throw new Error(`${res.status} body is not {"detail": "..."}: ${res.body.slice(0, 200)} for ${JSON.stringify(what)}`);
  }
}

const CLIENT_STATUSES = [400, 401, 403, 404, 405, 409, 413, 503];

describe.each(BACKENDS)('fuzz: REST routes over HTTP on %s', (backend) => {
  let t: TestApp;
  const em = () => forkEm(t.app.orm);

  beforeAll(async () => {
    t = await startTestApp(backend, {
      AUTOPACK_API_KEY: ADMIN,
      AUTOPACK_READ_API_KEY: READ,
      AUTOPACK_ENABLE_CONSOLIDATED_METRICS: '1',
      AUTOPACK_ENABLE_PHASE6_METRICS: '1',
    });
    // Runs queued by POST .../execute would be executed in the background, writing rows no request wrote.
    await t.app.dispatcher.stop();
    await seedRuns({ exec: httpExec(t.url, { 'x-api-key': ADMIN }), em });
  });
  afterAll(() => t.close());

  it('answers every request with a success or a coded client error, and refusals write nothing', async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(call, async (c) => {
        const before = await rowCounts(em());
        const headers: Record<string, string> = c.key ? { 'x-api-key': c.key } : {};
        if (c.body !== undefined) headers['content-type'] = 'application/json';
        const res = await rawRequest(t.url, c.method, c.path + c.query, { headers, body: c.body });
        const after = await rowCounts(em());
        seen.add(res.status);
        if (res.status >= 500 && res.status !== 503) throw new Error(`${res.status} ${res.body.slice(0, 300)} for ${JSON.stringify(c)}`);
        if (res.status === 202) return expect(delta(before, after)).toEqual({ dashboard_events: 1 }); // a run was queued
        expectUnchanged(before, after, c);
        // Node's HTTP parser refuses a request line past its 16 KB header limit before any route runs.
        if (res.status === 431) return expect((c.path + c.query).length).toBeGreaterThan(8 * 1024);
        // Dot segments are resolved first (/api/../x is /x): only what lands under /api/ is a REST route.
        if (c.method === 'HEAD' || !new URL(c.path, 'http://localhost').pathname.startsWith('/api/')) return;
        if (res.status >= 400) {
          expect(CLIENT_STATUSES).toContain(res.status);
          expectDetail(res, c);
        } else {
          expect(res.status).toBe(200);
          expect(res.type).toMatch(/^application\/json/);
        }
      }),
      {
        numRuns: NUM_RUNS * 3,
        // Found by this property once (malformed escapes, NUL, lone surrogates in ids): always tried first.
        examples: [
          '/api/runs/%/status',
          '/api/runs/%00',
          '/api/runs/%ED%A0%80',
          '/api/dashboard/runs/%00/consolidated-metrics',
          '/api/dashboard/ab-results?test_id=%00',
        ].map((p): [Call] => [{ method: 'GET', path: p, query: '', key: ADMIN, body: undefined }]),
      },
    );
    // The random calls reached the routes, not only the key check.
    expect([...seen]).toEqual(expect.arrayContaining([200, 401, 403, 404]));
  });
});
