// What a field's selection set asks for, so that resolvers can tell services which work is wanted (services
// take plain options, never GraphQLResolveInfo).
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Calls `field` for every field node of `set`, fragments included (each named fragment once). */
function eachField(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, seen: Set<string>, field: (node: FieldNode) => void): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) field(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) eachField(s.selectionSet, info, seen, field);
    else if (!seen.has(s.name.value)) {
      seen.add(s.name.value);
      eachField(info.fragments[s.name.value]?.selectionSet, info, seen, field);
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
    const names = out;
    for (const node of info.fieldNodes) eachField(node.selectionSet, info, seen, (f) => names.add(f.name.value));
    memo.set(info.fieldNodes, out);
  }
  return out;
}

const memo = new WeakMap<GraphQLResolveInfo['fieldNodes'], Set<string>>();

/**
 * Names of the fields selected under the current field's subfield `child` (every occurrence of it, whatever its
 * alias), e.g. what a connection's `nodes` ask for. Same rules as selectedFields.
 */
export function selectedFieldsOf(info: GraphQLResolveInfo, child: string): ReadonlySet<string> {
  let byChild = childMemo.get(info.fieldNodes);
  if (!byChild) childMemo.set(info.fieldNodes, (byChild = new Map()));
  let out = byChild.get(child);
  if (!out) {
    const names = (out = new Set<string>());
    const outer = new Set<string>();
    const inner = new Set<string>();
    for (const node of info.fieldNodes)
      eachField(node.selectionSet, info, outer, (f) => {
        if (f.name.value === child) eachField(f.selectionSet, info, inner, (g) => names.add(g.name.value));
      });
    byChild.set(child, out);
  }
  return out;
}

const childMemo = new WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, Set<string>>>();

export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return selectedFields(info).has(name);
}
