// Issue 14 item 5: client-chosen operation names must not grow /metrics or the logs without bound. Label
// values are bounded in length and count (the rest are `other`), a log record carries at most a clipped
// name or path, and /metrics answers either complete or 500 with a reason, never an empty 200.
import { Writable } from 'node:stream';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { forkEm } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { OPERATION_LABEL_MAX_VALUES } from '../../src/metrics';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/db';

const KEY = 'obs-key';
const NAMES = 3 * OPERATION_LABEL_MAX_VALUES;

/** Every JSON log line the server wrote, parsed. */
const lines: Record<string, any>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push({ ...JSON.parse(line), bytes: Buffer.byteLength(line) });
    done();
  },
});

/** Distinct values of the `operation` label across the samples of `metric`. */
function operationLabels(text: string, metric: string): Set<string> {
  const values = new Set<string>();
  for (const m of text.matchAll(new RegExp(`^${metric}\\{[^\\n]*?operation="([^"]*)"`, 'gm'))) values.add(m[1]);
  return values;
}

describe.each(BACKENDS)('bounded observability on %s', (backend) => {
  let db: TestDatabase;
  let app: App;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    const config = loadConfig({ DATABASE_URL: db.url, HOST: '127.0.0.1', PORT: '0', AUTOPACK_SHUTDOWN_GRACE_SECONDS: '0', AUTOPACK_API_KEY: KEY });
    app = await startApp(config, { logger: createLogger('info', sink) });
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  const post = (body: Record<string, unknown>) =>
    fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': KEY }, body: JSON.stringify(body) });

  async function scrape(): Promise<{ status: number; text: string }> {
    const res = await fetch(`${app.url}/metrics`);
    return { status: res.status, text: await res.text() };
  }

  /** A complete exposition: the families registered last are there, and it ends with a newline. */
  const complete = (text: string) => text.includes('# TYPE autopack_runs gauge') && text.includes('autopack_http_requests_running ') && text.endsWith('\n');

  // Three times the bound over HTTP (5,000 names go through the Metrics object in metrics-labels.test.ts:
  // over HTTP they take minutes on a shared 2-core machine).
  it(`${NAMES} distinct operation names: at most the bounded number of label values, the rest counted as \`other\``, async () => {
    for (let i = 0; i < NAMES; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, k) => {
          const n = i + k;
          // half answered, half with a coded error (the kill switch is off): request and error metrics see the names
          return post({ query: n % 2 ? `query Op${n} { __typename }` : `query Err${n} { consolidatedMetrics(runId: "r") { totalTokens } }` });
        }).map((p) => p.then((r) => r.arrayBuffer())),
      );
    }
    const { status, text } = await scrape();
    expect(status).toBe(200);
    expect(complete(text)).toBe(true);
    const requests = operationLabels(text, 'autopack_http_requests_total');
    const errors = operationLabels(text, 'autopack_graphql_errors_total');
    // '' (REST and open routes) and `other` besides the kept names
    expect(requests.size).toBeLessThanOrEqual(OPERATION_LABEL_MAX_VALUES + 2);
    expect(errors.size).toBeLessThanOrEqual(OPERATION_LABEL_MAX_VALUES + 2);
    expect(requests.has('other')).toBe(true);
    expect(errors.has('other')).toBe(true);
    // every one of the 5,000 is still counted
    const total = [...text.matchAll(/^autopack_http_requests_total\{method="POST",route="\/graphql",operation="[^"]*",status="\d+"\} (\d+)$/gm)].reduce(
      (s, m) => s + Number(m[1]),
      0,
    );
    expect(total).toBeGreaterThanOrEqual(NAMES);
    expect(Buffer.byteLength(text)).toBeLessThan(2 * 1024 * 1024);
  });

  it('a 100 KB operation name: answered, /metrics stays complete, the log line is capped', async () => {
    const name = `Q${'x'.repeat(100 * 1024)}`;
    const res = await post({ query: `query ${name} { __typename }` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    const bad = await post({ query: `query ${name} { nope }`, operationName: name });
    expect(bad.status).toBe(400);
    const { status, text } = await scrape();
    expect(status).toBe(200);
    expect(complete(text)).toBe(true);
    expect(text).not.toContain('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');

    const logged = lines.filter((l) => l.msg === 'request' && typeof l.operation === 'string' && l.operation.startsWith('Qxxx'));
    expect(logged.length).toBeGreaterThanOrEqual(1);
    for (const line of logged) {
      expect(line.operation).toMatch(/^Qx{255}\.\.\. \[\d+ more chars\]$/);
      expect(line.operation).toContain(`[${name.length - 256} more chars]`);
      expect(line.bytes).toBeLessThan(2048);
    }
  });

  it('a long path is clipped in the log line too', async () => {
    const id = 'r'.repeat(8000); // within Node's 16 KB head limit
    const res = await fetch(`${app.url}/api/runs/${id}/status`, { headers: { 'x-api-key': KEY } });
    expect(res.status).toBe(404);
    const line = lines.find((l) => l.msg === 'request' && typeof l.path === 'string' && l.path.startsWith('/api/runs/rrrr'));
    expect(line).toBeDefined();
    expect(line!.path).toMatch(/\.\.\. \[\d+ more chars\]$/);
    expect(line!.bytes).toBeLessThan(2048);
  });

  it("a client's invalid operations are counted under their code and not logged as unexpected errors", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ query: 'query Typo { nope }' }, 'GRAPHQL_VALIDATION_FAILED'],
      [{ query: 'query BadVar($x: Int!) { runs(first: $x) { totalCount } }', variables: { x: 'str' } }, 'BAD_USER_INPUT'],
    ];
    for (const [body, code] of cases) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).errors[0].extensions.code).toBe(code);
    }
    const { text } = await scrape();
    // (the operation label is `other` once earlier tests have used up the distinct names)
    expect(text).toMatch(/^autopack_graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED",operation="(unknown|other)"\} [1-9]/m);
    expect(text).toMatch(/^autopack_graphql_errors_total\{code="BAD_USER_INPUT",operation="(BadVar|other)"\} [1-9]/m);
    expect(text).not.toMatch(/^autopack_graphql_errors_total\{code="INTERNAL_SERVER_ERROR"/m);
    expect(lines.filter((l) => l.msg === 'unexpected error')).toEqual([]);
  });

  it('when collecting fails, /metrics answers 500 with the reason and logs it (never an empty 200)', async () => {
    const em = forkEm(app.orm);
    await em.execute('alter table runs rename to runs_moved_away');
    try {
      const { status, text } = await scrape();
      expect(status).toBe(500);
      expect(text).toMatch(/^metrics collection failed: .*runs/);
      expect(lines.some((l) => l.msg === 'metrics collection failed' && l.level === 'error' && /runs/.test(l.error))).toBe(true);
    } finally {
      await em.execute('alter table runs_moved_away rename to runs');
    }
    const again = await scrape();
    expect(again.status).toBe(200);
    expect(complete(again.text)).toBe(true);
  });
});
