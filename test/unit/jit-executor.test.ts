// The compiled-execution executor on its own (no Apollo, no database): when a document is compiled, how many are
// kept, and that graphql-js answers whatever is not compiled.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { getOperationAST, parse } from 'graphql';
import { JitGateway } from '../../src/graphql/jit-executor';

const schema = makeExecutableSchema({
  typeDefs: 'type Query { hello(name: String!): String! n: Int! broken: String! }',
  resolvers: { Query: { hello: (_: unknown, { name }: { name: string }) => `hello ${name}`, n: () => 1, broken: () => null } },
});

async function executorOf(gateway: JitGateway) {
  const { executor } = await gateway.load();
  return (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    const operation = getOperationAST(document)!;
    return executor({ document, operation, operationName: null, queryHash: query, context: {}, request: { variables } } as never);
  };
}

describe('JitGateway', () => {
  it('compiles a document at its AUTOPACK_COMPILE_AFTER-th execution; graphql-js answers the ones before, the same', async () => {
    const gateway = new JitGateway(schema, { maxDocuments: 10, compileAfter: 3 });
    const run = await executorOf(gateway);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await run('{ hello(name: "a") n }'));
    expect(answers).toEqual(Array(4).fill({ data: { hello: 'hello a', n: 1 } }));
    expect(gateway.stats()).toEqual({ compiledDocuments: 1, executions: { 'graphql-js': 2, jit: 2 } });
  });

  it('keeps at most maxDocuments compiled, the least recently used dropped first', async () => {
    const gateway = new JitGateway(schema, { maxDocuments: 2, compileAfter: 1 });
    const run = await executorOf(gateway);
    for (const name of ['a', 'b', 'a', 'c']) await run(`{ hello(name: "${name}") }`);
    expect(gateway.stats().compiledDocuments).toBe(2);
    // "a" was used after "b": "b" went, so "a" is still compiled and "b" is compiled again.
    await run('{ hello(name: "a") }');
    expect(gateway.stats()).toEqual({ compiledDocuments: 2, executions: { 'graphql-js': 0, jit: 5 } });
  });

  it('variables the compiled form refuses are answered by graphql-js (its wording, nothing executed)', async () => {
    const gateway = new JitGateway(schema, { maxDocuments: 10, compileAfter: 1 });
    const run = await executorOf(gateway);
    const query = 'query Q($name: String!) { hello(name: $name) }';
    expect(await run(query, { name: 'b' })).toEqual({ data: { hello: 'hello b' } });
    const refused = await run(query, {});
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.map((e) => e.message)).toEqual(['Variable "$name" of required type "String!" was not provided.']);
    expect(gateway.stats().executions).toEqual({ 'graphql-js': 1, jit: 1 });
  });

  it('an error of execution itself (a null in a non-null field): as graphql-js has it, with an originalError, so Apollo masks it', async () => {
    const jit = await executorOf(new JitGateway(schema, { maxDocuments: 10, compileAfter: 1 }));
    const js = await executorOf(new JitGateway(schema, { maxDocuments: 10, compileAfter: 1000 }));
    const [compiled, interpreted] = [await jit('{ n broken }'), await js('{ n broken }')];
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(JSON.parse(JSON.stringify(interpreted)));
    expect(compiled.errors?.[0].originalError).toBeInstanceOf(Error);
    expect(compiled.errors?.[0].extensions).toEqual({});
  });
});
