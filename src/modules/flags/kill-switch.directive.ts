// @killSwitch(flag: FeatureFlag!): wraps each annotated field's resolver at schema build time. The flag's
// state comes from the request context, so a disabled field fails before any of its work starts.
import { getDirective, MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema, isNonNullType, isObjectType } from 'graphql';
import type { FeatureFlagName } from '../../config';
import { featureDisabled } from './flags';
import type { GraphQLContext } from '../../graphql/context';

const DIRECTIVE = 'killSwitch';

export function applyKillSwitches(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const flag = getDirective(schema, field, DIRECTIVE)?.[0]?.flag as FeatureFlagName | undefined;
      if (!flag) return field;
      // A non-null gated field would carry its FEATURE_DISABLED error up to the nearest nullable parent,
      // erasing the rest of the answer (a whole list of runs, or all of data).
      if (isNonNullType(field.type)) throw new Error(`@killSwitch field ${typeName}.${fieldName} must be nullable`);
      const resolve = field.resolve ?? defaultFieldResolver;
      const subscribe = field.subscribe;
      return {
        ...field,
        resolve(source, args, ctx: GraphQLContext, info) {
          if (!ctx.flags[flag]) throw featureDisabled(flag);
          return resolve(source, args, ctx, info);
        },
        // A subscription field is refused when it would start, and each value checks the switch again.
        ...(subscribe
          ? {
              subscribe(source: unknown, args: Record<string, unknown>, ctx: GraphQLContext, info: Parameters<typeof subscribe>[3]) {
                if (!ctx.flags[flag]) throw featureDisabled(flag);
                return subscribe(source, args, ctx, info);
              },
            }
          : {}),
      };
    },
  });
}

/** flag -> schema coordinates of the fields it gates ("Type.field"), read from the schema itself. */
export function gatedFields(schema: GraphQLSchema): Map<FeatureFlagName, string[]> {
  const out = new Map<FeatureFlagName, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const flag = getDirective(schema, field, DIRECTIVE)?.[0]?.flag as FeatureFlagName | undefined;
      if (flag) out.set(flag, [...(out.get(flag) ?? []), `${type.name}.${field.name}`]);
    }
  }
  for (const fields of out.values()) fields.sort();
  return out;
}
