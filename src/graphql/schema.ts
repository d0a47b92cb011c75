// The executable schema: SDL from schema/*.graphql (the contract), resolvers, scalars, directives.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { readdirSync, readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { fromRoot } from '../paths';
import { applyKillSwitches } from './directives/killSwitch';
import { applyListItemCount } from './response-limit';
import type { Resolvers } from './generated/types';
import { experimentResolvers } from './resolvers/experiments';
import { opsResolvers } from './resolvers/ops';
import { opsStatusResolvers } from './resolvers/ops-status';
import { patternResolvers } from './resolvers/patterns';
import { replayResolvers } from './resolvers/replay';
import { runResolvers } from './resolvers/runs';
import { telemetryResolvers } from './resolvers/telemetry';
import { DateTimeScalar, JSONScalar, SafeIntScalar } from './scalars';

export function loadTypeDefs(): string[] {
  const dir = fromRoot('schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
}

export function buildSchema(): GraphQLSchema {
  const resolvers: Resolvers[] = [
    { DateTime: DateTimeScalar, JSON: JSONScalar, SafeInt: SafeIntScalar },
    opsResolvers,
    opsStatusResolvers,
    runResolvers,
    telemetryResolvers,
    experimentResolvers,
    replayResolvers,
    patternResolvers,
  ];
  return applyListItemCount(applyKillSwitches(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers })));
}
