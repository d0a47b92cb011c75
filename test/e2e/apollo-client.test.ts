// The README's client setup (examples/apollo-client.ts) drives the README's queries and mutation through
// @apollo/client against the real server on both backends: no cache warning, and every query still reads
// back whole from the cache after the mutation. The default cache, for contrast, loses data.
import { ApolloClient, gql, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client/core';
import { loadDevMessages, loadErrorMessages } from '@apollo/client/dev';
import { readFileSync } from 'node:fs';
import { isObjectType, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { createAutopackClient, typePolicies } from '../../examples/apollo-client';
import { buildSchema } from '../../src/graphql/schema';
import { fromRoot } from '../../src/paths';
import { BACKENDS } from '../helpers/db';
import { startTestApp, type TestApp } from '../helpers/harness';

const README = readFileSync(fromRoot('README.md'), 'utf8');
const KEY = 'apollo-client-key';

/** The operations of the ```graphql blocks of the README's "GraphQL API" section, in order. */
function readmeOperations(): DocumentNode[] {
  const section = README.split(/^## /m).find((s) => s.startsWith('GraphQL API'))!;
  const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => parse(b).definitions.map((d) => ({ kind: 'Document', definitions: [d] }) as DocumentNode));
}

const kind = (doc: DocumentNode) => (doc.definitions[0] as OperationDefinitionNode).operation;

/** console.warn / console.error calls (Apollo's invariant warnings end up there) while `fn` runs. */
async function warningsDuring(fn: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const spies = (['warn', 'error'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void seen.push(args.map(String).join(' '))),
  );
  try {
    await fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return seen;
}

/** Each operation over HTTP in README order; then every query must read back from the cache alone. */
async function drive(client: ApolloClient<NormalizedCacheObject>, ops: DocumentNode[]): Promise<unknown[]> {
  const fromCache: unknown[] = [];
  for (const op of ops) {
    const doc = gql(print(op));
    if (kind(op) === 'mutation') {
      const res = await client.mutate({ mutation: doc });
      expect(res.errors).toBeUndefined();
    } else {
      const res = await client.query({ query: doc, fetchPolicy: 'network-only' });
      expect(res.data).toBeTruthy();
    }
  }
  for (const op of ops.filter((o) => kind(o) === 'query')) fromCache.push(client.readQuery({ query: gql(print(op)) }));
  return fromCache;
}

beforeAll(() => {
  loadDevMessages();
  loadErrorMessages();
});

describe('the README client setup', () => {
  it('covers every object type without an id (a new one must be added to the documented policies)', () => {
    const schema = buildSchema();
    const roots = new Set(['Query', 'Mutation', 'Subscription']);
    const idless = Object.values(schema.getTypeMap())
      .filter((t) => isObjectType(t) && !t.name.startsWith('__') && !roots.has(t.name) && !('id' in t.getFields()))
      .map((t) => t.name)
      .sort();
    expect(idless.filter((name) => !typePolicies[name])).toEqual([]);
  });

  it('is in the README verbatim', () => {
    expect(README).toContain(readFileSync(fromRoot('examples/apollo-client.ts'), 'utf8'));
    expect(readmeOperations().map(kind)).toEqual(['mutation', 'query', 'mutation']);
  });
});

describe.each(BACKENDS)('@apollo/client on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(backend, { AUTOPACK_API_KEY: KEY });
  });
  afterAll(() => t.close());

  it('runs the README operations with no cache warning; every query reads back whole after the mutation', async () => {
    const client = createAutopackClient(t.url, KEY);
    let fromCache: unknown[] = [];
    const warnings = await warningsDuring(async () => {
      fromCache = await drive(client, readmeOperations());
    });
    expect(warnings).toEqual([]);
    const [dashboard] = fromCache as {
      runs: { nodes: { id: string; status: Record<string, unknown>; consolidatedMetrics: null }[] };
      featureFlags: unknown[];
    }[];
    expect(dashboard.runs.nodes).toEqual([
      expect.objectContaining({
        id: 'telemetry-v6',
        status: { __typename: 'RunStatus', totalPhases: 2, completedPhases: 0, failedPhases: 0, percentComplete: 0 },
        consolidatedMetrics: null,
      }),
    ]);
    expect(dashboard.featureFlags).toHaveLength(2);
    client.stop();
  });
});

// Last: Apollo prints each cache warning once per process, so this must not run before the checks above.
describe('for contrast, the default InMemoryCache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { AUTOPACK_API_KEY: KEY });
  });
  afterAll(() => t.close());

  it('warns and loses the query (what the policies prevent)', async () => {
    // The README's client with the cache left at its defaults.
    const client = new ApolloClient({
      link: new HttpLink({ uri: `${t.url}/graphql`, headers: { 'x-api-key': KEY } }),
      cache: new InMemoryCache(),
      defaultOptions: { query: { errorPolicy: 'all' }, mutate: { errorPolicy: 'all' } },
    });
    let fromCache: unknown[] = [];
    const warnings = await warningsDuring(async () => {
      fromCache = await drive(client, readmeOperations());
    });
    expect(warnings.join('\n')).toMatch(/Cache data may be lost when replacing the %s field of a %s object[\s\S]* status Run /);
    expect(fromCache).toEqual([null]);
    client.stop();
  });
});
