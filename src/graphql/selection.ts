// What a field's selection set asks for, so that resolvers can tell services which work is wanted (services
// take plain options, never GraphQLResolveInfo).
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

function collect(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, out: Set<string>, seen: Set<string>): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.add(s.name.value);
    else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, info, out, seen);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      collect(info.fragments[s.name.value]?.selectionSet, info, out, seen);
    }
  }
}

/**
 * Names of the fields selected under the current field (fragments included, aliases resolved; @skip/@include
 * ignored: asked-for is enough).
 */
export function selectedFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  // graphql-js hands every item of a list the same fieldNodes array: work it out once per document field.
  let out = memo.get(info.fieldNodes);
  if (!out) {
    out = new Set<string>();
    const seen = new Set<string>();
    for (const node of info.fieldNodes) collect(node.selectionSet, info, out, seen);
    memo.set(info.fieldNodes, out);
  }
  return out;
}

const memo = new WeakMap<GraphQLResolveInfo['fieldNodes'], Set<string>>();

export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectedFields(info).has(name);
}
