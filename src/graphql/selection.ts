// What a field's selection set asks for, so that resolvers can tell services which work is wanted (services
// take plain options, never GraphQLResolveInfo).
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function selects(set: SelectionSetNode | undefined, name: string, info: GraphQLResolveInfo, seen: Set<string>): boolean {
  if (!set) return false;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value === name) return true;
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (selects(s.selectionSet, name, info, seen)) return true;
    } else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      if (selects(info.fragments[s.name.value]?.selectionSet, name, info, seen)) return true;
    }
  }
  return false;
}

/** Does the current field's selection (fragments included, @skip/@include ignored: asked-for is enough) contain `name`? */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  return info.fieldNodes.some((node) => selects(node.selectionSet, name, info, seen));
}
