// The live schema (what introspection answers) is the SDL of schema/, descriptions included: scalars
// built in code must not replace what the SDL says. Applied directives are not part of introspection.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { buildClientSchema, getIntrospectionQuery, graphql, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { buildSchema, loadTypeDefs } from '../../src/graphql/schema';

const print = (schema: Parameters<typeof printSchema>[0]) => printSchema(lexicographicSortSchema(schema));

describe('schema contract', () => {
  it('introspection equals the SDL of schema/', async () => {
    const source = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const result = await graphql({ schema: buildSchema(), source });
    expect(result.errors).toBeUndefined();
    const live = print(buildClientSchema(result.data as unknown as IntrospectionQuery));
    const sdl = print(makeExecutableSchema({ typeDefs: loadTypeDefs() }));
    expect(live).toBe(sdl);
  });

  it('the scalars keep the descriptions of the SDL', () => {
    const schema = buildSchema();
    for (const name of ['DateTime', 'JSON', 'SafeInt']) {
      expect(schema.getType(name)?.description).toMatch(/\w+/);
    }
    expect(schema.getType('DateTime')?.toConfig()).toMatchObject({ specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6' });
  });
});
