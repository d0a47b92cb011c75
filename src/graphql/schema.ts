// The executable schema: SDL from schema/*.graphql (the contract), resolvers, scalars, directives.
import { makeExecutableSchema } from '@graphql-tools/schema';
import { readdirSync, readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { fromRoot } from '../paths';
import { applyKillSwitches } from '../modules/flags/kill-switch.directive';
import { applyListItemCount } from './response-limit';
import type { Resolvers } from './generated/types';
import { eventResolvers } from '../modules/events/events.resolvers';
import { flagResolvers } from '../modules/flags/flags.resolvers';
import { experimentResolvers } from '../modules/experiments/experiments.resolvers';
import { opsResolvers } from '../modules/ops/ops.resolvers';
import { opsStatusResolvers } from '../modules/ops/ops-status.resolvers';
import { patternResolvers } from '../modules/patterns/patterns.resolvers';
import { replayResolvers } from '../modules/replay/replay.resolvers';
import { runResolvers } from '../modules/runs/runs.resolvers';
import { telemetryResolvers } from '../modules/telemetry/telemetry.resolvers';
import { DateTimeScalar, JSONScalar, SafeIntScalar } from './scalars';

export function loadTypeDefs(): string[] {
  const dir = fromRoot('schema');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
}

// Functions only (see scalars.ts): the descriptions stay the SDL's.
const scalars = { DateTime: DateTimeScalar, JSON: JSONScalar, SafeInt: SafeIntScalar };

let built: GraphQLSchema | undefined;

/**
 * The schema, built once per process: it depends only on the code and schema/, and holds no per-server
 * state (flags and limits are read from each request's context), so several servers in one process (tests,
 * the benches) share it instead of spending 25-60 ms of CPU each on building it again.
 */
export function buildSchema(): GraphQLSchema {
  return (built ??= build());
}

function build(): GraphQLSchema {
  const resolvers: Resolvers[] = [
    opsResolvers,
    opsStatusResolvers,
    flagResolvers,
    runResolvers,
    telemetryResolvers,
    eventResolvers,
    experimentResolvers,
    replayResolvers,
    patternResolvers,
  ];
  return applyListItemCount(applyKillSwitches(makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: [scalars, ...resolvers] })));
}
