// A field gated by @killSwitch must be nullable: the server refuses to build a schema where it is not.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { applyKillSwitches } from '../../src/modules/flags/kill-switch.directive';
import { buildSchema } from '../../src/graphql/schema';

const sdl = (type: string) => `
  enum FeatureFlag { PHASE6_METRICS }
  directive @killSwitch(flag: FeatureFlag!) on FIELD_DEFINITION
  type Query { gated: ${type} @killSwitch(flag: PHASE6_METRICS) }
`;

describe('@killSwitch fields', () => {
  it('a non-null gated field is refused at schema build, naming it', () => {
    expect(() => applyKillSwitches(makeExecutableSchema({ typeDefs: sdl('Int!') }))).toThrow('@killSwitch field Query.gated must be nullable');
    expect(() => applyKillSwitches(makeExecutableSchema({ typeDefs: sdl('Int') }))).not.toThrow();
  });

  it('the service schema builds (every gated field is nullable)', () => {
    expect(() => buildSchema()).not.toThrow();
  });
});
