// Refuses an operation whose cost (cost.ts) is above AUTOPACK_MAX_QUERY_COST once the operation is resolved
// and before it executes: no resolver runs, no SQL is sent. A plugin rather than a validation rule because a
// slicing argument may be a variable, and validation does not see variable values.
import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { buildCostModel, operationCost, type CostModel } from './cost';

const COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED';

export function costLimitExceeded(cost: number, limit: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} exceeds the limit of ${limit} (lists count by their limit/first or declared size)`, {
    extensions: { code: COST_LIMIT_EXCEEDED, cost, limit, http: { status: 400 } },
  });
}

export function costLimit<T extends object>(maxCost: number, onReject: () => void): ApolloServerPlugin<T> {
  const models = new WeakMap<object, CostModel>();
  return {
    async serverWillStart({ schema }) {
      models.set(schema, buildCostModel(schema)); // an undeclared list size fails the start, not a request
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return; // execution refuses the variables itself, before any resolver runs
          let model = models.get(schema);
          if (!model) models.set(schema, (model = buildCostModel(schema)));
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const cost = operationCost(schema, model, operation, fragments, coerced.coerced);
          if (cost > maxCost) {
            onReject();
            throw costLimitExceeded(cost, maxCost);
          }
        },
      };
    },
  };
}
