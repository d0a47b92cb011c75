// Query cost after the IBM GraphQL Cost Directive specification, from the sizes the SDL declares
// (@listSize, @cost in schema/base.graphql). graphql-armor's cost limit counts each field once whatever its
// `limit`, so `events(limit: 1000) { run { events(limit: 1000) ... } }` looked cheap; here a list multiplies
// the cost of everything below it by its size. graphql-query-complexity has its own directives
// (@complexity(value, multipliers)) and no assumed sizes, hence this small estimator of the specification.
//
//   cost(field) = weight(field) + size(field) * (weight(type) + cost(selections))
//
// weight(field) is @cost on the field (default 0); weight(type) is @cost on the object type (default 1 for
// objects, 0 for scalars and enums); size is 1 for a non-list field. Fragments are priced once each (a
// fragment can be spread many times); inline fragments and spreads add up (conservative for abstract types).
import { getDirective } from '@graphql-tools/utils';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

interface ListSize {
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

interface FieldPrice {
  weight: number;
  listSize?: ListSize;
}

/** The declared prices of one schema, read once. */
export interface CostModel {
  field(field: GraphQLField<unknown, unknown>): FieldPrice;
  typeWeight(type: GraphQLCompositeType): number;
}

function weightOf(schema: GraphQLSchema, node: Parameters<typeof getDirective>[1], fallback: number, where: string): number {
  const declared = getDirective(schema, node, 'cost')?.[0]?.weight as string | undefined;
  if (declared === undefined) return fallback;
  const weight = Number(declared);
  if (!Number.isFinite(weight) || weight < 0) throw new Error(`@cost(weight: "${declared}") on ${where} is not a non-negative number`);
  return weight;
}

/**
 * Reads @cost and @listSize from the schema. Every list field outside introspection must declare a size
 * (slicing arguments with a default, or an assumed size): an undeclared list would be priced as one item.
 */
export function buildCostModel(schema: GraphQLSchema): CostModel {
  const fields = new Map<GraphQLField<unknown, unknown>, FieldPrice>();
  const types = new Map<GraphQLCompositeType, number>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    types.set(type, weightOf(schema, type, 1, type.name));
    for (const field of Object.values(type.getFields())) {
      const where = `${type.name}.${field.name}`;
      const price: FieldPrice = { weight: weightOf(schema, field, 0, where) };
      const listSize = getDirective(schema, field, 'listSize')?.[0] as ListSize | undefined;
      if (isListType(getNullableType(field.type))) {
        const sliced = listSize?.slicingArguments?.every((a) => field.args.find((arg) => arg.name === a)?.defaultValue !== undefined);
        if (!listSize || (!sliced && listSize.assumedSize === undefined)) {
          throw new Error(`${where} is a list without a declared size: add @listSize(slicingArguments: [...]) with defaults, or @listSize(assumedSize: N)`);
        }
      }
      if (listSize) price.listSize = listSize;
      fields.set(field, price);
    }
  }
  return {
    field: (field) => fields.get(field) ?? { weight: 0 },
    typeWeight: (type) => types.get(type) ?? 1,
  };
}

/** The size a list field is priced at: the largest slicing argument given (or defaulted), else the assumed size. */
function sizeOf(listSize: ListSize | undefined, args: Record<string, unknown>): number {
  const sliced = (listSize?.slicingArguments ?? []).map((a) => args[a]).filter((v): v is number => typeof v === 'number');
  if (sliced.length) return Math.max(0, ...sliced);
  return listSize?.assumedSize ?? 1;
}

/** Cost of one operation with these (coerced) variable values. */
export function operationCost(
  schema: GraphQLSchema,
  model: CostModel,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const fragmentCosts = new Map<string, number>();

  function selectionCost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, sizedByParent: Map<string, number>): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType) : parent;
        total += selectionCost(selection.selectionSet, type, sizedByParent);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        // The same fragment costs the same wherever it is spread, except under a connection (sizedFields).
        const key = `${name}:${[...sizedByParent].join(',')}`;
        let cost = fragmentCosts.get(key);
        if (cost === undefined) {
          const fragment = fragments[name];
          cost = fragment ? selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType, sizedByParent) : 0;
          fragmentCosts.set(key, cost);
        }
        total += cost;
      } else {
        const name = selection.name.value;
        // Introspection is answered from the schema in memory (bounded by the depth limit and the response
        // ceiling); __typename is free.
        if (name.startsWith('__') || !('getFields' in parent)) continue;
        const field = parent.getFields()[name];
        if (!field) continue;
        const price = model.field(field);
        const args = getArgumentValues(field, selection, variables);
        const listed = isListType(getNullableType(field.type));
        const size = sizedByParent.get(name) ?? (listed ? sizeOf(price.listSize, args) : 1);
        const named = getNamedType(field.type);
        const sizedChildren = new Map<string, number>();
        for (const child of price.listSize?.sizedFields ?? []) sizedChildren.set(child, sizeOf(price.listSize, args));
        const below =
          selection.selectionSet && isCompositeType(named) ? model.typeWeight(named) + selectionCost(selection.selectionSet, named, sizedChildren) : 0;
        total += price.weight + size * below;
      }
    }
    return total;
  }

  const root = schema.getRootType(operation.operation);
  return root ? selectionCost(operation.selectionSet, root, new Map()) : 0;
}
