// Refuses an operation whose cost (cost.ts) is above AUTOPACK_MAX_QUERY_COST once the operation is resolved
// and before it executes: no resolver runs, no SQL is sent. A plugin rather than a validation rule because a
// slicing argument may be a variable, and validation does not see variable values.
import type { BaseContext } from '@apollo/server';
import {
  getVariableValues,
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { buildCostModel, operationCost, type CostModel } from './cost';
import type { RequestHooks } from './request-hooks';

const COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED';

export function costLimitExceeded(cost: number, limit: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the limit of ${limit} (lists count by their limit/first or declared size)`, {
    extensions: { code: COST_LIMIT_EXCEEDED, cost, limit, http: { status: 400 } },
  });
}

export function costLimit<T extends BaseContext>(maxCost: number, onReject: () => void): RequestHooks<T> {
  const models = new WeakMap<object, CostModel>();
  // The cost of an operation without variables depends on its document alone: worked out once per document
  // Apollo keeps parsed (its document cache hands the same DocumentNode to every request with that text).
  const fixedCosts = new WeakMap<DocumentNode, WeakMap<OperationDefinitionNode, number>>();
  return {
    serverWillStart({ schema }) {
      models.set(schema, buildCostModel(schema)); // an undeclared list size fails the start, not a request
    },
    didResolveOperation({ schema, document, operation, request }) {
      if (!operation) return;
      const fixed = !operation.variableDefinitions?.length;
      let cost = fixed ? fixedCosts.get(document)?.get(operation) : undefined;
      if (cost === undefined) cost = costOf(schema, document, operation, request.variables);
      if (cost === undefined) return; // execution refuses the variables itself, before any resolver runs
      if (fixed) {
        let costs = fixedCosts.get(document);
        if (!costs) fixedCosts.set(document, (costs = new WeakMap()));
        costs.set(operation, cost);
      }
      if (cost > maxCost) {
        onReject();
        throw costLimitExceeded(cost, maxCost);
      }
    },
  };

  /** The operation's cost with these variables; undefined when they do not coerce. */
  function costOf(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): number | undefined {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) return undefined;
    let model = models.get(schema);
    if (!model) models.set(schema, (model = buildCostModel(schema)));
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return operationCost(schema, model, operation, fragments, coerced.coerced);
  }
}
