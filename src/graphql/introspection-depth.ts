// graphql-armor's depth limit skips everything under `__schema`, so an introspection query could nest
// `ofType` (or anything else) as deep as the token limit allows. This rule limits the depth of every
// operation that introspects (`__schema` or `__type` anywhere, fragments followed) to its own, higher
// bound: GraphiQL's and graphql-js's standard introspection query needs 15 levels, far more than the API's
// own limit. (graphql-js's MaxIntrospectionDepthRule, on by default, bounds only nested lists of types.)
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Depth (fields nested, fragments flattened) and whether an introspection field occurs. */
function measure(context: ValidationContext, selectionSet: SelectionSetNode, memo: Map<string, { depth: number; introspects: boolean }>, open: Set<string>) {
  let depth = 0;
  let introspects = false;
  for (const selection of selectionSet.selections) {
    let inner = { depth: 0, introspects: false };
    if (selection.kind === Kind.FIELD) {
      const below = selection.selectionSet ? measure(context, selection.selectionSet, memo, open) : inner;
      inner = { depth: below.depth + 1, introspects: below.introspects || INTROSPECTION_FIELDS.has(selection.name.value) };
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(context, selection.selectionSet, memo, open);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // A fragment cycle is refused by graphql-js's own rule; here it only must not loop.
      if (!fragment || open.has(name)) continue;
      if (!memo.has(name)) {
        open.add(name);
        memo.set(name, measure(context, fragment.selectionSet, memo, open));
        open.delete(name);
      }
      inner = memo.get(name)!;
    }
    depth = Math.max(depth, inner.depth);
    introspects ||= inner.introspects;
  }
  return { depth, introspects };
}

/** Refuses an introspecting operation deeper than `max`; `onReject` counts it. */
export function introspectionDepthRule(max: number, onReject: () => void) {
  return (context: ValidationContext): ASTVisitor => {
    const memo = new Map<string, { depth: number; introspects: boolean }>();
    return {
      OperationDefinition(operation) {
        const { depth, introspects } = measure(context, operation.selectionSet, memo, new Set());
        if (!introspects || depth <= max) return;
        onReject();
        context.reportError(new GraphQLError(`Introspection depth limit of ${max} exceeded, found ${depth}.`, { nodes: [operation] }));
      },
    };
  };
}
