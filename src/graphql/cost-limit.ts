// Refuses an operation whose cost (cost.ts) is above AUTOPACK_MAX_QUERY_COST once the operation is resolved
// and before it executes: no resolver runs, no SQL is sent. A plugin rather than a validation rule because a
// slicing argument may be a variable, and validation does not see variable values.
import type { BaseContext } from '@apollo/server';
import {
  getNullableType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  Kind,
  typeFromAST,
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
  const passedAsSent = new WeakMap<OperationDefinitionNode, { coerce: OperationDefinitionNode['variableDefinitions']; raw: string[] }>();
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

  /**
   * Only scalar and enum variables can change a price (slicing arguments are Int, @skip/@include take a
   * Boolean). Lists and input objects are priced as sent: coercing the 100 input objects of an ingestion call
   * here cost as much as executing it, and execution coerces (and refuses) them anyway.
   */
  function splitVariables(schema: GraphQLSchema, operation: OperationDefinitionNode) {
    let split = passedAsSent.get(operation);
    if (!split) {
      const defs = operation.variableDefinitions ?? [];
      const composite = (d: (typeof defs)[number]) => {
        const type = typeFromAST(schema, d.type as Parameters<typeof typeFromAST>[1]);
        const nullable = type && getNullableType(type);
        return !!nullable && (isListType(nullable) || isInputObjectType(nullable));
      };
      split = { coerce: defs.filter((d) => !composite(d)), raw: defs.filter(composite).map((d) => d.variable.name.value) };
      passedAsSent.set(operation, split);
    }
    return split;
  }

  /** The operation's cost with these variables; undefined when they do not coerce. */
  function costOf(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): number | undefined {
    const { coerce, raw } = splitVariables(schema, operation);
    const values = variables ?? {};
    // A missing or null list/input object: coerce everything, so that its error is execution's as before.
    const asSent = raw.every((name) => values[name] !== undefined && values[name] !== null);
    const coerced = getVariableValues(schema, (asSent ? coerce : operation.variableDefinitions) ?? [], values);
    if (coerced.errors) return undefined;
    if (asSent) for (const name of raw) coerced.coerced[name] = values[name];
    let model = models.get(schema);
    if (!model) models.set(schema, (model = buildCostModel(schema)));
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    return operationCost(schema, model, operation, fragments, coerced.coerced);
  }
}
