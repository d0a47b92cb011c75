// The doors that skip the admission gate stay cheap and bounded and tell an anonymous caller nothing extra:
// /health shares one database check among concurrent callers, keyless probes are paced, /health shows who
// set an override and why only to a key holder, the actor of an override comes from the key (never from a
// header), and /metrics needs a key in production.
import { BACKENDS, createTestDatabase, type Backend } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const KEY = 'quiet-admin-key';
const READ = 'quiet-read-key';
const N = 50;
const json = (res: Response): Promise<any> => res.json();
const isHealthCheck = (sql: string) => /^select 1$/i.test(sql.trim());

describe.each(BACKENDS)('quiet doors on %s', (backend: Backend) => {
  let t: TestApp;
  const statements: string[] = [];
  beforeAll(async () => {
    // A long reuse period: the burst below must share one check however slowly this machine runs it.
    t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY, AUTOPACK_READ_API_KEY: READ, AUTOPACK_HEALTH_CACHE_MS: '60000' }, undefined, {
      onQuery: (sql) => statements.push(sql),
    });
  });
  afterAll(() => t.close());

  const gql = async (query: string, headers: Record<string, string> = { 'x-api-key': KEY }) =>
    json(await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) }));

  it(`${N} concurrent /health requests and a query of aliased health fields cause one database check`, async () => {
    statements.length = 0;
    const answers = await Promise.all(Array.from({ length: N }, () => fetch(`${t.url}/health`)));
    expect(answers.map((r) => r.status)).toEqual(Array(N).fill(200));
    const bodies = await Promise.all(answers.map(json));
    expect(new Set(bodies.map((b) => b.database))).toEqual(new Set(['connected']));
    const aliased = await gql(`{ ${Array.from({ length: 10 }, (_, i) => `h${i}: health { database }`).join(' ')} }`);
    expect(aliased.errors).toBeUndefined();
    expect(statements.filter(isHealthCheck)).toHaveLength(1);
  });

  it('shows the reason and actor of an override only to a key holder; the actor is the key, not the X-Autopack-Actor header', async () => {
    const reason = 'incident 4711: pager says so';
    const set = await gql(`mutation { setFeatureFlag(flag: PHASE6_METRICS, enabled: true, reason: "${reason}") { changedBy reason } }`, {
      'x-api-key': KEY,
      'x-autopack-actor': 'mallory',
    });
    expect(set.data.setFeatureFlag).toEqual({ changedBy: 'admin', reason });
    const flags = await gql('{ featureFlags { flag changedBy } }', { 'x-api-key': READ });
    expect(flags.data.featureFlags.find((f: any) => f.flag === 'PHASE6_METRICS').changedBy).toBe('admin');

    const anonymousHeaders: Record<string, string>[] = [{}, { 'x-api-key': 'wrong-key' }];
    for (const headers of anonymousHeaders) {
      const anonymous = await fetch(`${t.url}/health`, { headers });
      expect(anonymous.status).toBe(200);
      const text = await anonymous.text();
      expect(text).not.toMatch(/incident|mallory|admin|reason|changed_by/);
      expect(JSON.parse(text).flags.find((f: any) => f.flag === 'PHASE6_METRICS')).toMatchObject({ enabled: true, source: 'OVERRIDE' });
    }
    for (const key of [KEY, READ]) {
      const audited = await json(await fetch(`${t.url}/health`, { headers: { 'x-api-key': key } }));
      expect(audited.flags.find((f: any) => f.flag === 'PHASE6_METRICS')).toMatchObject({ enabled: true, source: 'OVERRIDE', reason, changed_by: 'admin' });
    }
    await gql('mutation { clearFeatureFlag(flag: PHASE6_METRICS) { enabled } }');
  });

  it('/metrics is open in development (the default there)', async () => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/autopack_http_requests_total/);
  });
});

describe('keyless probes are paced', () => {
  it('a burst beyond AUTOPACK_PROBE_RATE waits in line and past the line gets 503 at once; probes with a key are not paced', async () => {
    const t = await startTestApp('sqlite', { AUTOPACK_API_KEY: KEY, AUTOPACK_READ_API_KEY: READ, AUTOPACK_PROBE_RATE: '1', AUTOPACK_MAX_QUEUED_REQUESTS: '2' });
    try {
      const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => fetch(`${t.url}/${i % 2 ? 'health' : 'metrics'}`)));
      const statuses = burst.map((r) => r.status);
      // One answered at once, two after waiting their turn (one more per second the burst took), the rest refused.
      expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(5);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(3);
      const refused = burst.find((r) => r.status === 503)!;
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(await refused.json()).toEqual({ detail: expect.stringMatching(/busy/) });
      const keyed = await Promise.all(Array.from({ length: 10 }, () => fetch(`${t.url}/health`, { headers: { 'x-api-key': READ } })));
      expect(keyed.map((r) => r.status)).toEqual(Array(10).fill(200));
    } finally {
      await t.close();
    }
  });
});

describe('/metrics in production', () => {
  it('needs the admin or the read key; AUTOPACK_METRICS_REQUIRE_KEY=0 opens it', async () => {
    const db = await createTestDatabase('sqlite', { migrated: true }); // production never migrates by itself
    const env = { AUTOPACK_ENV: 'production', AUTOPACK_API_KEY: KEY, AUTOPACK_READ_API_KEY: READ };
    let t = await startTestApp('sqlite', env, { ...db, drop: async () => undefined });
    try {
      const scrape = (headers: Record<string, string> = {}) => fetch(`${t.url}/metrics`, { headers });
      const none = await scrape();
      expect(none.status).toBe(401);
      expect(await none.text()).not.toMatch(/autopack_/);
      expect((await scrape({ 'x-api-key': 'guess' })).status).toBe(403);
      const keyed: Record<string, string>[] = [{ 'x-api-key': KEY }, { authorization: `Bearer ${READ}` }];
      for (const headers of keyed) {
        const res = await scrape(headers);
        expect(res.status).toBe(200);
        expect(await res.text()).toMatch(/autopack_http_requests_total/);
      }
      expect((await fetch(`${t.url}/health`)).status).toBe(200); // health stays open
      await t.close();
      t = await startTestApp('sqlite', { ...env, AUTOPACK_METRICS_REQUIRE_KEY: '0' }, db);
      expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
