// Issue 14 item 2: slow clients cannot hold the API. A request's body is read (size- and time-limited)
// before it asks for an admission slot, so sockets trickling a body hold nothing but themselves; headers
// and bodies have deadlines (408, disconnected, counted in /metrics); and the read key has only a share of
// the slots, so a flood of reads leaves room for the admin key's writes.
import { BACKENDS } from '../helpers/db';
import { lockTable } from '../helpers/db-lock';
import { startTestApp, type TestApp } from '../helpers/harness';
import { graphqlHead, metricValue, slowSocket, type SlowSocket } from '../helpers/slow-socket';

const KEY = 'slow-admin-key';
const READ = 'slow-read-key';
const KEYS = { AUTOPACK_API_KEY: KEY, AUTOPACK_READ_API_KEY: READ, AUTOPACK_MAX_CONCURRENT_REQUESTS: '4' };
const SLOW_BODY = JSON.stringify({ query: '{ runs { totalCount } }' });

const post = (url: string, key: string, query: string) =>
  fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ query }) });

const metricsText = async (url: string) => (await fetch(`${url}/metrics`)).text();

/** Polls until `check` passes; each try is a round trip to the server. */
async function until<T>(what: string, probe: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 1000; i++) {
    last = await probe();
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

describe.each(BACKENDS)('slow clients on %s', (backend) => {
  describe('bodies trickling in (long deadline)', () => {
    let t: TestApp;
    let requests = 0;
    const sockets: SlowSocket[] = [];
    beforeAll(async () => {
      t = await startTestApp(backend, { ...KEYS, AUTOPACK_BODY_TIMEOUT_MS: '600000', AUTOPACK_MAX_PENDING_BODY_MB: '1' });
      // the server's own 'request' event: a request whose head is in (the handler has started)
      t.app.server.on('request', () => requests++);
    });
    afterAll(async () => {
      sockets.forEach((s) => s.stop());
      await t.close();
    });

    it('six read-key sockets sending one body byte at a time take no slot; reads and admin writes still run', async () => {
      for (let i = 0; i < 6; i++) sockets.push(slowSocket(t.url, graphqlHead(READ, SLOW_BODY), SLOW_BODY, 1000));
      await until(
        'the server to see the six requests',
        async () => requests,
        (n) => n >= 6,
      );

      const text = await metricsText(t.url);
      expect(metricValue(text, 'autopack_http_requests_running')).toBe(0);
      expect(metricValue(text, 'autopack_http_requests_queued')).toBe(0);

      // the read key's own share is free, and so is the admin key's
      const read = await post(t.url, READ, '{ runs { totalCount } }');
      expect(read.status).toBe(200);
      expect(await read.json()).toEqual({ data: { runs: { totalCount: 0 } } });
      const write = await post(t.url, KEY, 'mutation { createRun(input: { id: "written-while-trickled" }) { id state } }');
      expect(write.status).toBe(200);
      expect(await write.json()).toEqual({ data: { createRun: { id: 'written-while-trickled', state: 'RUN_CREATED' } } });

      // the slow sockets are still there, unanswered, and still hold no slot
      expect(sockets.every((s) => s.received() === '')).toBe(true);
      const after = await metricsText(t.url);
      expect(metricValue(after, 'autopack_http_requests_running')).toBe(0);
      expect(metricValue(after, 'autopack_http_slow_client_drops_total', '{stage="body"}')).toBe(0);

      // gone, they leave nothing held (the bytes they sent so far were counted as pending bodies)
      sockets.splice(0).forEach((s) => s.stop());
      await until(
        'their bytes to be given back',
        () => metricsText(t.url),
        (m) => metricValue(m, 'autopack_http_pending_body_bytes') === 0,
      );
    });

    it('bodies held before admission are bounded (AUTOPACK_MAX_PENDING_BODY_MB): beyond, 503 at once, nothing held', async () => {
      // 800 KB of a 900 KB body, then nothing: held by the server while it waits for the rest
      const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'p'.repeat(900 * 1024) } });
      const holder = slowSocket(t.url, graphqlHead(KEY, big) + big.slice(0, 800 * 1024), '', 60_000);
      sockets.push(holder);
      const held = () => metricsText(t.url).then((m) => metricValue(m, 'autopack_http_pending_body_bytes'));
      await until('the server to hold the 800 KB', held, (n) => n >= 800 * 1024);

      const other = JSON.stringify({ query: '{ __typename }', variables: { pad: 'q'.repeat(300 * 1024) } });
      const send = () => fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body: other });
      const refused = await send();
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(((await refused.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      // what the refused request had read was given back: only the holder's bytes are held
      expect(await held()).toBeLessThan(900 * 1024);

      holder.stop();
      await until('the holder to be given back', held, (n) => n === 0);
      const served = await send();
      expect(served.status).toBe(200);
      expect(await served.json()).toEqual({ data: { __typename: 'Query' } });
      expect(await held()).toBe(0);
    });
  });

  describe('deadlines (300 ms for headers and for the body)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(backend, { ...KEYS, AUTOPACK_HEADERS_TIMEOUT_MS: '300', AUTOPACK_BODY_TIMEOUT_MS: '300' });
    });
    afterAll(() => t.close());

    it('a body not complete in time is answered 408 REQUEST_TIMEOUT, disconnected and counted', async () => {
      const before = metricValue(await metricsText(t.url), 'autopack_http_slow_client_drops_total', '{stage="body"}');
      const slow = [1, 2, 3, 4].map(() => slowSocket(t.url, graphqlHead(READ, SLOW_BODY), SLOW_BODY, 100));
      const answers = await Promise.all(slow.map((s) => s.closed));
      for (const answer of answers) {
        expect(answer).toMatch(/^HTTP\/1\.1 408 /);
        expect(answer).toMatch(/\r\nconnection: close\r\n/i);
        const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
        expect(body).toEqual({ errors: [{ message: 'Request body not received within 300 ms', extensions: { code: 'REQUEST_TIMEOUT' } }] });
      }
      const text = await metricsText(t.url);
      expect(metricValue(text, 'autopack_http_slow_client_drops_total', '{stage="body"}')).toBe(before + 4);
      expect(metricValue(text, 'autopack_http_requests_running')).toBe(0);
      // nothing of theirs ran, and the API answers
      expect((await post(t.url, KEY, '{ runs { totalCount } }')).status).toBe(200);
    });

    it('headers not complete in time (sent a byte at a time, or not at all) get 408 and are counted', async () => {
      const before = metricValue(await metricsText(t.url), 'autopack_http_slow_client_drops_total', '{stage="headers"}');
      const head = graphqlHead(KEY, SLOW_BODY);
      const trickled = slowSocket(t.url, 'POST /graphql HTTP/1.1\r\n', head.slice(head.indexOf('\r\n') + 2), 100);
      const silent = slowSocket(t.url, '', '', 100);
      for (const answer of await Promise.all([trickled.closed, silent.closed])) expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      const text = await metricsText(t.url);
      expect(metricValue(text, 'autopack_http_slow_client_drops_total', '{stage="headers"}')).toBe(before + 2);
    });

    it('a complete request within the deadlines is served as usual', async () => {
      const res = await post(t.url, READ, '{ runs { totalCount } }');
      expect(res.status).toBe(200);
    });
  });
});

// Holding reads inside their slots takes a table lock that only PostgreSQL has (SQLite's one lock is the
// whole database, which the admin write needs too); the share itself is the gate's, whatever the backend.
describe('a flood of read-key requests on postgresql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgresql', { ...KEYS, AUTOPACK_MAX_QUEUED_REQUESTS: '8' });
  });
  afterAll(() => t.close());

  it('fills only the read share (3 of 4 slots, 6 of 8 places in line): an admin write still runs at once', async () => {
    const lock = await lockTable(t.db, 'ab_test_results');
    let released = false;
    try {
      // twelve reads that wait for the lock: 3 run (held), 6 wait, 3 are refused 503
      const reads = Array.from({ length: 12 }, () => post(t.url, READ, '{ abTestResults(validOnly: false) { id } }'));
      const text = await until(
        'the read share to fill',
        () => metricsText(t.url),
        (m) => metricValue(m, 'autopack_http_requests_queued') === 6,
      );
      expect(metricValue(text, 'autopack_http_requests_running')).toBe(3);
      expect(metricValue(text, 'autopack_http_requests_running_by_key', '{key="read"}')).toBe(3);
      expect(metricValue(text, 'autopack_http_requests_queued_by_key', '{key="read"}')).toBe(6);

      const write = await post(t.url, KEY, 'mutation { createRun(input: { id: "executor-write" }) { id } }');
      expect(write.status).toBe(200);
      expect(await write.json()).toEqual({ data: { createRun: { id: 'executor-write' } } });
      // and REST with the admin key too, while the reads are still held
      const rest = await fetch(`${t.url}/api/runs/executor-write/status`, { headers: { 'x-api-key': KEY } });
      expect(rest.status).toBe(200);

      await lock.release();
      released = true;
      const statuses = (await Promise.all(reads)).map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(9).fill(200), ...Array(3).fill(503)]);
    } finally {
      if (!released) await lock.release();
    }
  });
});
