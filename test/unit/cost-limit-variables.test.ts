// The cost limit coerces only the variables that can change a price (scalars and enums): a list of input
// objects (an ingestion batch) is priced as sent, not coerced once here and again by execution (issue 18).
import { makeExecutableSchema } from '@graphql-tools/schema';
import { GraphQLScalarType, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { costLimit } from '../../src/graphql/cost-limit';
import type { RequestHooks } from '../../src/graphql/request-hooks';

let parsed = 0;
const Counted = new GraphQLScalarType({
  name: 'Counted',
  parseValue: (v) => (parsed++, v),
  parseLiteral: (v) => (v.kind === Kind.INT ? Number(v.value) : null),
});

const schema = makeExecutableSchema({
  typeDefs: `
    directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
    scalar Counted
    input Sample { value: Counted! }
    type Item { id: ID! }
    type Query { items(first: Int = 10): [Item!]! @listSize(slicingArguments: ["first"]) }
    type Mutation { record(input: [Sample!]!, first: Int = 1): [Item!]! @listSize(slicingArguments: ["first"]) }`,
  resolvers: { Counted },
});

/** The plugin's verdict on `query` with `variables`: the thrown error's code, or 'OK'. */
async function verdict(hooks: RequestHooks<object>, query: string, variables: Record<string, unknown>): Promise<string> {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  try {
    hooks.didResolveOperation!({ schema, document, operation, request: { variables } } as never);
    return 'OK';
  } catch (e) {
    return String((e as { extensions?: { code?: string } }).extensions?.code);
  }
}

describe('cost limit and variables', () => {
  const plugin = costLimit<object>(100, () => undefined);
  beforeAll(() => plugin.serverWillStart!({ schema } as never));
  beforeEach(() => (parsed = 0));

  const RECORD = 'mutation R($input: [Sample!]!, $n: Int) { record(input: $input, first: $n) { id } }';
  const batch = Array.from({ length: 100 }, (_, i) => ({ value: i }));

  it('does not coerce a list of input objects, and still prices by the scalar variables', async () => {
    expect(await verdict(plugin, RECORD, { input: batch, n: 50 })).toBe('OK');
    expect(parsed).toBe(0);
    expect(await verdict(plugin, RECORD, { input: batch, n: 500 })).toBe('COST_LIMIT_EXCEEDED');
    expect(await verdict(plugin, 'query Q($n: Int) { items(first: $n) { id } }', { n: 500 })).toBe('COST_LIMIT_EXCEEDED');
  });

  it('leaves a missing or badly typed variable to execution, as before', async () => {
    expect(await verdict(plugin, RECORD, { n: 500 })).toBe('OK'); // $input missing: execution refuses it
    expect(await verdict(plugin, RECORD, { input: null, n: 500 })).toBe('OK');
    expect(await verdict(plugin, RECORD, { input: batch, n: 'many' })).toBe('OK');
  });
});
