/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ExecutorRunPhases($id: ID!) {\n    run(id: $id) {\n      phases {\n        phaseId\n        phaseIndex\n        name\n        description\n        state\n      }\n    }\n  }\n": typeof types.ExecutorRunPhasesDocument,
    "\n  mutation ExecutorUpdatePhase($input: UpdatePhaseInput!) {\n    updatePhase(input: $input) {\n      phaseId\n      state\n    }\n  }\n": typeof types.ExecutorUpdatePhaseDocument,
    "\n  mutation ExecutorRecordMetrics($input: [PhaseMetricsInput!]!) {\n    recordPhaseMetrics(input: $input) {\n      id\n    }\n  }\n": typeof types.ExecutorRecordMetricsDocument,
};
const documents: Documents = {
    "\n  query ExecutorRunPhases($id: ID!) {\n    run(id: $id) {\n      phases {\n        phaseId\n        phaseIndex\n        name\n        description\n        state\n      }\n    }\n  }\n": types.ExecutorRunPhasesDocument,
    "\n  mutation ExecutorUpdatePhase($input: UpdatePhaseInput!) {\n    updatePhase(input: $input) {\n      phaseId\n      state\n    }\n  }\n": types.ExecutorUpdatePhaseDocument,
    "\n  mutation ExecutorRecordMetrics($input: [PhaseMetricsInput!]!) {\n    recordPhaseMetrics(input: $input) {\n      id\n    }\n  }\n": types.ExecutorRecordMetricsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExecutorRunPhases($id: ID!) {\n    run(id: $id) {\n      phases {\n        phaseId\n        phaseIndex\n        name\n        description\n        state\n      }\n    }\n  }\n"): typeof import('./graphql').ExecutorRunPhasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExecutorUpdatePhase($input: UpdatePhaseInput!) {\n    updatePhase(input: $input) {\n      phaseId\n      state\n    }\n  }\n"): typeof import('./graphql').ExecutorUpdatePhaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExecutorRecordMetrics($input: [PhaseMetricsInput!]!) {\n    recordPhaseMetrics(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql').ExecutorRecordMetricsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
