// Admission control over real HTTP: with AUTOPACK_MAX_CONCURRENT_REQUESTS=1 and AUTOPACK_MAX_QUEUED_REQUESTS=1,
// one API request runs, one waits, and the next is answered 503 at once. The only slot is held without any
// timing trick: the test locks the ab_test_results table, and a query of it waits inside its slot until the
// lock is released. (A half-sent body no longer holds a slot: bodies are read before admission, see
// slow-clients.test.ts.) PostgreSQL only: on SQLite the only lock is the whole database, which would also
// stop the database gauges of /metrics the test reads; the gate itself does not depend on the backend.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { ApiClient } from '../../src/cli/client';
import { TypedDocumentString } from '../../src/graphql/documents/graphql';
import { forkEm } from '../../src/db/orm';
import { lockTable } from '../helpers/db-lock';
import { startTestApp, type TestApp } from '../helpers/harness';

const KEY = 'admission-key';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A request sent over its own connection, whose answer can be awaited or checked for without waiting. */
interface Pending {
  response: Promise<Answer>;
  answered(): boolean;
  /** Lets a held request go on (releases its lock). */
  finish(): void;
  /** Drops the connection (a client that gave up). */
  abort(): void;
  /** The client side of the connection, once connected. */
  connected: Promise<Socket>;
}

const gqlBody = (query: string) => JSON.stringify({ query });
const HOLDER_QUERY = '{ abTestResults(validOnly: false) { id } }';

/** Polls until `check` passes; each try is a round trip to the server, no fixed sleeps decide the outcome. */
async function until<T>(what: string, probe: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 1000; i++) {
    last = await probe();
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
}

describe.each(['postgresql'] as const)('admission control on %s', (backend) => {
  let t: TestApp;
  let port: number;
  const open: Pending[] = [];
  /** The server side of each connection, by the client's local port (observed, not mocked). */
  const serverSockets = new Map<number, Socket>();

  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY, AUTOPACK_MAX_CONCURRENT_REQUESTS: '1', AUTOPACK_MAX_QUEUED_REQUESTS: '1' });
    port = Number(new URL(t.url).port);
    t.app.server.on('connection', (socket: Socket) => {
      if (socket.remotePort !== undefined) serverSockets.set(socket.remotePort, socket);
    });
  });

  afterEach(async () => {
    // Whatever a failed test left open: drop it so the next test starts with an empty gate.
    for (const p of open.splice(0)) p.abort();
    await until('an empty gate', metrics, (m) => m.running === 0 && m.queued === 0);
  });

  afterAll(async () => {
    await t.close();
  });

  function send(method: string, path: string, opts: { body?: string; key?: string } = {}): Pending {
    const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
    const headers: Record<string, string | number> = { 'x-api-key': opts.key ?? KEY };
    if (body) Object.assign(headers, { 'content-type': 'application/json', 'content-length': body.length });
    // agent: false gives each request its own connection, closed after the answer.
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false });
    let answered = false;
    const response = new Promise<Answer>((resolve, reject) => {
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          answered = true;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
    });
    response.catch(() => undefined); // an aborted request's rejection is expected; awaiting it still throws
    const connected = new Promise<Socket>((resolve) => {
      req.on('socket', (socket: Socket) => {
        if (socket.localPort !== undefined && !socket.connecting) resolve(socket);
        else socket.once('connect', () => resolve(socket));
      });
    });
    req.end(body);
    const pending: Pending = {
      response,
      answered: () => answered,
      finish: () => undefined,
      abort: () => req.destroy(),
      connected,
    };
    open.push(pending);
    return pending;
  }

  async function metricsText(): Promise<string> {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    return res.text();
  }

  function metricValue(text: string, name: string): number {
    const m = new RegExp(`^${name} (\\d+(?:\\.\\d+)?)$`, 'm').exec(text);
    if (!m) throw new Error(`metric ${name} missing`);
    return Number(m[1]);
  }

  async function metrics(): Promise<{ running: number; queued: number; rejected: number }> {
    const text = await metricsText();
    return {
      running: metricValue(text, 'autopack_http_requests_running'),
      queued: metricValue(text, 'autopack_http_requests_queued'),
      rejected: metricValue(text, 'autopack_http_busy_rejections_total'),
    };
  }

  /** Rows of the runs table, read straight from the database (not through the gated API). */
  async function runCount(id?: string): Promise<number> {
    const em = forkEm(t.app.orm);
    const rows: { n: number | string }[] = id
      ? await em.execute('select count(*) as n from runs where id = ?', [id])
      : await em.execute('select count(*) as n from runs');
    return Number(rows[0].n);
  }

  /** Takes the only slot with a query that waits for a table lock; `finish()` releases the lock. */
  async function holdSlot(): Promise<Pending> {
    const lock = await lockTable(t.db, 'ab_test_results');
    const holder = send('POST', '/graphql', { body: gqlBody(HOLDER_QUERY) });
    let released: Promise<void> | undefined;
    holder.finish = () => void (released ??= lock.release());
    const drop = holder.abort;
    // a client that hangs up does not end its query: the lock goes too (also when a failed test cleans up)
    holder.abort = () => (drop(), holder.finish());
    await until('the holder to be admitted', metrics, (m) => m.running === 1);
    return holder;
  }

  it('holds a second request in line while the slot is taken and answers it 200 once the slot frees', async () => {
    const holder = await holdSlot();
    const waiter = send('POST', '/graphql', { body: gqlBody('mutation { createRun(input: { id: "waited-in-line" }) { id state } }') });
    await until('the waiter to be queued', metrics, (m) => m.queued === 1);

    // While the slot is held the waiter is neither answered nor executed, even after further round trips.
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect(await metrics()).toMatchObject({ running: 1, queued: 1 });
    expect(waiter.answered()).toBe(false);
    expect(holder.answered()).toBe(false);
    expect(await runCount('waited-in-line')).toBe(0);

    holder.finish();
    const h = await holder.response;
    expect(h.status).toBe(200);
    expect(h.body).toEqual({ data: { abTestResults: [] } });

    const w = await waiter.response;
    expect(w.status).toBe(200);
    expect(w.body).toEqual({ data: { createRun: { id: 'waited-in-line', state: 'RUN_CREATED' } } });
    expect(await runCount('waited-in-line')).toBe(1);
    await until('an empty gate', metrics, (m) => m.running === 0 && m.queued === 0);
  });

  it('answers 503 with Retry-After at once when the line is full, on /graphql and /api/*; open routes still answer', async () => {
    const start = await metrics();
    expect(start).toMatchObject({ running: 0, queued: 0 });
    const holder = await holdSlot();
    const waiter = send('POST', '/graphql', { body: gqlBody('{ runs { totalCount } }') });
    await until('the waiter to be queued', metrics, (m) => m.queued === 1);

    // GraphQL: coded error body
    const busyGql = await send('POST', '/graphql', { body: gqlBody('{ runs { totalCount } }') }).response;
    expect(busyGql.status).toBe(503);
    expect(busyGql.headers['retry-after']).toBe('1');
    expect(busyGql.headers['content-type']).toMatch(/^application\/json/);
    expect(busyGql.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(busyGql.body.errors[0].message).toMatch(/busy/i);

    // The same through fetch (a different client, keep-alive connection)
    const busyFetch = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY },
      body: gqlBody('{ runs { totalCount } }'),
    });
    expect(busyFetch.status).toBe(503);
    expect(busyFetch.headers.get('retry-after')).toBe('1');
    expect(((await busyFetch.json()) as any).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');

    // REST: {detail}
    const busyRest = await send('GET', '/api/runs').response;
    expect(busyRest.status).toBe(503);
    expect(busyRest.headers['retry-after']).toBe('1');
    expect(busyRest.body).toEqual({ detail: expect.stringMatching(/busy/i) });
    const busyRestRun = await send('GET', '/api/runs/some-run/status').response;
    expect(busyRestRun.status).toBe(503);
    expect(busyRestRun.body.detail).toEqual(busyRest.body.detail);

    // A request with a wrong key is refused by auth, not counted as busy (it never reaches the line)
    const wrongKey = await send('POST', '/graphql', { body: gqlBody('{ runs { totalCount } }'), key: 'wrong' }).response;
    expect(wrongKey.status).toBe(403);

    // Not gated: health, metrics, GraphiQL
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as any).status).toBe('healthy');
    const page = await fetch(`${t.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="graphiql">');

    // Gauges while held, and every refusal counted
    const held = await metrics();
    expect(held).toEqual({ running: 1, queued: 1, rejected: start.rejected + 4 });
    const text = await metricsText();
    expect(text).toMatch(/autopack_http_requests_total\{method="POST",route="\/graphql",operation="",status="503"\} [1-9]/);
    expect(text).toMatch(/autopack_http_requests_total\{method="GET",route="\/api\/runs",operation="",status="503"\} [1-9]/);

    // Nothing of this was answered by the held requests' slots
    expect(holder.answered()).toBe(false);
    expect(waiter.answered()).toBe(false);

    holder.finish();
    expect((await holder.response).status).toBe(200);
    expect((await waiter.response).status).toBe(200);
    await until('an empty gate', metrics, (m) => m.running === 0 && m.queued === 0);

    // The line is free again: the same requests pass
    const again = await send('GET', '/api/runs').response;
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ limit: 20, offset: 0 });
    expect((await metrics()).rejected).toBe(start.rejected + 4);
  });

  it('a refused mutation writes nothing', async () => {
    const before = await runCount();
    const holder = await holdSlot();
    const waiter = send('POST', '/graphql', { body: gqlBody('{ runs { totalCount } }') });
    await until('the waiter to be queued', metrics, (m) => m.queued === 1);

    const refused = await send('POST', '/graphql', { body: gqlBody('mutation { createRun(input: { id: "refused-busy" }) { id } }') }).response;
    expect(refused.status).toBe(503);
    expect(refused.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    const refusedRest = await send('POST', '/api/runs/refused-busy/execute').response;
    expect(refusedRest.status).toBe(503);

    holder.finish();
    await holder.response;
    await waiter.response;
    await until('an empty gate', metrics, (m) => m.running === 0 && m.queued === 0);
    expect(await runCount()).toBe(before);
    expect(await runCount('refused-busy')).toBe(0);

    // refused only because the line was full: the same mutation now succeeds
    const ok = await send('POST', '/graphql', { body: gqlBody('mutation { createRun(input: { id: "refused-busy" }) { id } }') }).response;
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ data: { createRun: { id: 'refused-busy' } } });
    expect(await runCount()).toBe(before + 1);
  });

  /**
   * Queues `request`, hangs it up and waits until the server has seen its connection close (the server's own
   * socket 'close' event), then frees the slot and waits until the quitter's turn has come and gone.
   */
  async function quitWhileQueued(request: () => Pending): Promise<void> {
    const holder = await holdSlot();
    const quitter = request();
    await until('the quitter to be queued', metrics, (m) => m.queued === 1);
    const client = await quitter.connected;
    const serverSide = serverSockets.get(client.localPort!);
    expect(serverSide).toBeDefined();
    const serverClosed = serverSide!.destroyed ? Promise.resolve() : new Promise((resolve) => serverSide!.once('close', resolve));
    quitter.abort();
    await serverClosed;
    await expect(quitter.response).rejects.toThrow();
    // still in line: it leaves only when its turn comes
    expect(await metrics()).toMatchObject({ running: 1, queued: 1 });

    holder.finish();
    expect((await holder.response).status).toBe(200);
    // once the gate is empty, the quitter's handler has returned
    await until('an empty gate', metrics, (m) => m.running === 0 && m.queued === 0);
  }

  it('a waiting GraphQL mutation whose client hung up before admission creates nothing', async () => {
    const before = await runCount();
    await quitWhileQueued(() => send('POST', '/graphql', { body: gqlBody('mutation { createRun(input: { id: "gave-up-waiting" }) { id } }') }));
    expect(await runCount('gave-up-waiting')).toBe(0);
    expect(await runCount()).toBe(before);
    // and the server still works
    const ok = await send('POST', '/graphql', { body: gqlBody('{ runs { totalCount } }') }).response;
    expect(ok.body).toEqual({ data: { runs: { totalCount: before } } });
  });

  it('a waiting REST call (no body to read) whose client hung up before admission changes nothing', async () => {
    const created = await send('POST', '/graphql', { body: gqlBody('mutation { createRun(input: { id: "execute-abandoned" }) { id } }') }).response;
    expect(created.status).toBe(200);
    const stateOf = async () => {
      const rows: { state: string }[] = await forkEm(t.app.orm).execute('select state from runs where id = ?', ['execute-abandoned']);
      return rows[0]?.state;
    };
    expect(await stateOf()).toBe('RUN_CREATED');
    await quitWhileQueued(() => send('POST', '/api/runs/execute-abandoned/execute'));
    // POST .../execute would have queued the run (202, state QUEUED): it never ran
    expect(await stateOf()).toBe('RUN_CREATED');
    const status = await send('GET', '/api/runs/execute-abandoned/status').response;
    expect(status.status).toBe(200);
    expect(status.body.state).toBe('RUN_CREATED');
  });

  it('a request disconnected while holding the slot frees it for the next in line once its query ends', async () => {
    const holder = await holdSlot();
    const waiter = send('POST', '/graphql', { body: gqlBody('{ runs { totalCount } }') });
    await until('the waiter to be queued', metrics, (m) => m.queued === 1);
    holder.abort();
    await expect(holder.response).rejects.toThrow();
    const w = await waiter.response;
    expect(w.status).toBe(200);
    expect(w.body.data.runs.totalCount).toEqual(expect.any(Number));
    await until('an empty gate', metrics, (m) => m.running === 0 && m.queued === 0);
  });

  it('the CLI client comes back after Retry-After when refused as busy, and its call runs once', async () => {
    const holder = await holdSlot();
    const waiter = send('POST', '/graphql', { body: gqlBody('{ runs { totalCount } }') });
    const start = await until('the waiter to be queued', metrics, (m) => m.queued === 1);
    const call = new ApiClient(t.url, KEY).gql(
      new TypedDocumentString<{ createRun: { id: string } }, Record<string, never>>('mutation { createRun(input: { id: "client-retried" }) { id } }'),
    );
    // refused at least once while the line is full, and nothing written
    await until('the client to be refused', metrics, (m) => m.rejected > start.rejected);
    expect(await runCount('client-retried')).toBe(0);
    holder.finish();
    await Promise.all([holder.response, waiter.response]);
    await expect(call).resolves.toEqual({ createRun: { id: 'client-retried' } });
    expect(await runCount('client-retried')).toBe(1);
  });
});
