// Issue 17: every log line a request causes carries its requestId, service code included (the context's
// logger is a child of the server's, bound to the request).
import { Writable } from 'node:stream';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/db';

const lines: Record<string, any>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line));
    done();
  },
});

describe.each(BACKENDS)('request logs on %s', (backend) => {
  let db: TestDatabase;
  let app: App;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    // TELEMETRY_DB_ENABLED=0: the events service logs each event instead of storing it.
    const config = loadConfig({ DATABASE_URL: db.url, HOST: '127.0.0.1', PORT: '0', AUTOPACK_SHUTDOWN_GRACE_SECONDS: '0', TELEMETRY_DB_ENABLED: '0' });
    app = await startApp(config, { logger: createLogger('info', sink) });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const post = (query: string) =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });

  it("a service's log line carries the requestId of the request that caused it", async () => {
    const created: any = await (await post(`mutation { createRun(input: { id: "logged-${backend}" }) { id } }`)).json();
    expect(created.data.createRun.id).toBe(`logged-${backend}`);
    const res = await post(`mutation { recordDashboardEvent(input: { runId: "logged-${backend}", eventType: "NOTE_${backend.toUpperCase()}" }) { id } }`);
    expect(await res.json()).toEqual({ data: { recordDashboardEvent: null } });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const event = lines.find((l) => l.msg === `event NOTE_${backend.toUpperCase()}`);
    expect(event).toMatchObject({ requestId, runId: `logged-${backend}` });
    expect(lines.find((l) => l.msg === 'request' && l.requestId === requestId)).toBeDefined();
  });
});
