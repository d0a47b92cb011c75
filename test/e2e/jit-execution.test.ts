// Compiled execution (src/graphql/jit-executor.ts) over real HTTP: a document is compiled by graphql-jit at its
// second execution and answered by it from then on; graphql-js answers its first execution and whatever the
// compiled form does not run (variables it refuses). /metrics counts executions per engine, which is what
// proves which one answered.
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const RUNS = 'query RunsPage($first: Int) { runs(first: $first) { nodes { id state tokensUsed createdAt phases { phaseId state } } } }';

describe.each(BACKENDS)('compiled execution on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    // The server's default (compiled at the second execution), not the suite's compile-at-first.
    t = await startTestApp(backend, { AUTOPACK_COMPILE_AFTER: '2' });
    for (const id of ['jit-a', 'jit-b']) {
      const res = await post({
        query: `mutation { createRun(input: { id: "${id}", phases: [{ phaseId: "p1", name: "P1" }, { phaseId: "p2", name: "P2" }] }) { id } }`,
      });
      expect(res.body.errors).toBeUndefined();
    }
  });
  afterAll(() => t.close());

  async function post(body: Record<string, unknown>): Promise<{ status: number; body: Record<string, any> }> {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  /** autopack_graphql_executions_total by engine. */
  async function executions(): Promise<{ jit: number; js: number }> {
    const text = await (await fetch(`${t.url}/metrics`)).text();
    const count = (engine: string) => Number(new RegExp(`^autopack_graphql_executions_total\\{engine="${engine}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    return { jit: count('jit'), js: count('graphql-js') };
  }

  it('a query seen before is answered by graphql-jit, with the answer graphql-js gave the first time', async () => {
    const before = await executions();
    const first = await post({ query: RUNS, variables: { first: 10 } });
    expect(first.status).toBe(200);
    expect(first.body.data.runs.nodes.map((r: { id: string }) => r.id).sort()).toEqual(['jit-a', 'jit-b']);
    expect(await executions()).toEqual({ jit: before.jit, js: before.js + 1 });

    const second = await post({ query: RUNS, variables: { first: 10 } });
    const third = await post({ query: RUNS, variables: { first: 1 } });
    expect(await executions()).toEqual({ jit: before.jit + 2, js: before.js + 1 });
    expect(second).toEqual(first);
    expect(third.body.data.runs.nodes).toEqual([first.body.data.runs.nodes[0]]);
  });

  it('variables the compiled form refuses are answered by graphql-js: BAD_USER_INPUT, 400, nothing executed', async () => {
    const query = 'query OneRun($id: ID!) { run(id: $id) { id phases { phaseId } } }';
    await post({ query, variables: { id: 'jit-a' } });
    expect((await post({ query, variables: { id: 'jit-b' } })).body.data.run.id).toBe('jit-b'); // compiled now
    const before = await executions();
    const refused = await post({ query, variables: { id: null } });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      errors: [
        { message: 'Variable "$id" of non-null type "ID!" must not be null.', locations: [{ line: 1, column: 14 }], extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });
    expect(await executions()).toEqual({ jit: before.jit, js: before.js + 1 });
  });

  it('a kill switch error under graphql-jit: the same code, path and partial data as under graphql-js', async () => {
    // CONSOLIDATED_METRICS is off by default: the field fails alone, the rest of the run is answered.
    const query = '{ run(id: "jit-a") { id consolidatedMetrics { totalTokens } } }';
    const before = await executions();
    const answers = [await post({ query }), await post({ query }), await post({ query })];
    expect(await executions()).toEqual({ jit: before.jit + 2, js: before.js + 1 });
    expect(answers[0].body).toEqual({
      data: { run: { id: 'jit-a', consolidatedMetrics: null } },
      errors: [
        {
          message: 'Consolidated metrics disabled',
          path: ['run', 'consolidatedMetrics'],
          locations: [{ line: 1, column: 25 }],
          extensions: { code: 'FEATURE_DISABLED', flag: 'AUTOPACK_ENABLE_CONSOLIDATED_METRICS' },
        },
      ],
    });
    for (const a of answers) expect(a).toEqual(answers[0]);
  });

  it('an operationName the document does not have: the same refusal as graphql-js gives, for a compiled document too', async () => {
    const query = '{ run(id: "jit-a") { id } }';
    await post({ query });
    await post({ query }); // compiled now
    const refused = await post({ query, operationName: 'Nope' });
    expect(refused).toEqual({
      status: 400,
      body: { errors: [{ message: 'Unknown operation named "Nope".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] },
    });
  });
});
