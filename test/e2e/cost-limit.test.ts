// Issue 14, item 1 over HTTP: with the read key, nested list attacks are refused (HTTP 400,
// COST_LIMIT_EXCEEDED with cost and limit) while an admin `{ __typename }` probe sent alongside keeps
// answering; an oversized answer is refused with RESPONSE_TOO_LARGE; /metrics counts both.
import { BACKENDS } from '../helpers/db';
import { ATTACKS } from '../helpers/cost-attacks';
import { startTestApp, type TestApp } from '../helpers/harness';

const KEY = 'admin-key-1';
const READ = 'read-key-1';

describe.each(BACKENDS)('cost limit and response ceiling over HTTP on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY, AUTOPACK_READ_API_KEY: READ, AUTOPACK_MAX_RESPONSE_BYTES: '4096' });
    const phases = Array.from(
      { length: 60 },
      (_, i) => `{ phaseId: "p${i}", name: "Phase number ${i} of the run", description: "a phase described at some length" }`,
    );
    const created = await post(`mutation { createRun(input: { id: "r", phases: [${phases.join(',')}] }) { id } }`);
    expect(created.status).toBe(200);
  });
  afterAll(() => t.close());

  function post(query: string, key = KEY, variables: Record<string, unknown> = {}) {
    return fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query, variables }),
    });
  }

  it('refuses every attack variant with the read key while an admin probe keeps answering', async () => {
    const attacks = Object.values(ATTACKS).map(async (query) => {
      const res = await post(query, READ, { n: 1000 });
      return { status: res.status, body: (await res.json()) as any };
    });
    const probes = Array.from({ length: 5 }, async () => (await post('{ __typename }')).json());
    const [answers, probed] = await Promise.all([Promise.all(attacks), Promise.all(probes)]);
    for (const { status, body } of answers) {
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', cost: expect.any(Number), limit: 50_000 });
      expect(body.errors[0].message).toContain(`Query cost ${body.errors[0].extensions.cost} exceeds the limit of 50000`);
    }
    for (const p of probed) expect(p).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses an answer above AUTOPACK_MAX_RESPONSE_BYTES, and counts both refusals in /metrics', async () => {
    const res = await post('{ run(id: "r") { phases { phaseId name description } } }', READ);
    const body = (await res.json()) as any;
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: 4096, unit: 'bytes' });
    const ok = (await (await post('{ run(id: "r") { phases { phaseId } } }', READ)).json()) as any;
    expect(ok.data.run.phases).toHaveLength(60);

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`autopack_graphql_rejections_total\\{rule="cost_limit"\\} ${Object.keys(ATTACKS).length}\\b`));
    expect(metrics).toMatch(/autopack_graphql_rejections_total\{rule="response_size"\} 1\b/);
  });
});
