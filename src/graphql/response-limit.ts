// The response ceiling, a second line of defence behind the cost limit (whose sizes are estimates: a run
// declared at 20 phases may have 1000). While executing, every list field adds its length to the request's
// count; past AUTOPACK_MAX_RESPONSE_ITEMS the list fails and every later list fails at once without loading
// anything, so the answer stops growing. Before sending, an answer above AUTOPACK_MAX_RESPONSE_BYTES is
// replaced by the error. Either way the client gets RESPONSE_TOO_LARGE and no partial data.
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, getNullableType, GraphQLError, isListType, type GraphQLSchema } from 'graphql';
import type { GraphQLContext } from './context';
import type { RequestHooks } from './request-hooks';

const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

function tooManyItems(limit: number): GraphQLError {
  return new GraphQLError(`Response too large: more than ${limit} list items (AUTOPACK_MAX_RESPONSE_ITEMS); ask for smaller pages`, {
    extensions: { code: RESPONSE_TOO_LARGE, limit, unit: 'items' },
  });
}

function tooManyBytes(bytes: number, limit: number): GraphQLError {
  return new GraphQLError(`Response too large: at least ${bytes} bytes, the limit is ${limit} (AUTOPACK_MAX_RESPONSE_BYTES); ask for smaller pages`, {
    extensions: { code: RESPONSE_TOO_LARGE, bytes, limit, unit: 'bytes' },
  });
}

/** Wraps the resolver of every list field to count its items against the request's ceiling. */
export function applyListItemCount(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      if (!isListType(getNullableType(field.type))) return field;
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve(source, args, ctx: GraphQLContext, info) {
          const max = ctx.config.limits.maxResponseItems;
          if (ctx.listItems.exceeded) throw tooManyItems(max);
          const count = (list: unknown) => {
            if (Array.isArray(list)) ctx.listItems.count += list.length;
            if (ctx.listItems.count > max) {
              ctx.listItems.exceeded = true;
              throw tooManyItems(max);
            }
            return list;
          };
          const result = resolve(source, args, ctx, info);
          return result instanceof Promise ? result.then(count) : count(result);
        },
      };
    },
  });
}

/**
 * Bytes of `value` as JSON (string escapes aside), counting no further than `stopAbove`. `exact` counts each
 * string's UTF-8 bytes; otherwise three per UTF-16 unit, an upper bound that needs no call into the runtime per
 * string: most answers are far below the ceiling, and the bound proves it in a fraction of the exact walk.
 */
function jsonBytes(value: unknown, stopAbove: number, exact: boolean): number {
  const stringBytes = exact ? (v: string) => Buffer.byteLength(v, 'utf8') : (v: string) => v.length * 3;
  let bytes = 0;
  const pending: unknown[] = [value];
  while (pending.length && bytes <= stopAbove) {
    const v = pending.pop();
    if (v === null || v === undefined) bytes += 4;
    else if (typeof v === 'string')
      bytes += stringBytes(v) + 3; // quotes and a separator
    else if (typeof v === 'number' || typeof v === 'boolean')
      bytes += exact ? String(v).length + 1 : 25; // 24: the longest number
    else if (Array.isArray(v)) {
      bytes += 2;
      for (let i = 0; i < v.length; i++) pending.push(v[i]);
    } else if (typeof v === 'object') {
      bytes += 2;
      for (const k in v) {
        bytes += stringBytes(k) + 3;
        pending.push((v as Record<string, unknown>)[k]);
      }
    } else bytes += String(v).length;
  }
  return bytes;
}

/** Bytes of an answer as JSON if above `maxBytes` (counting stops soon after), else 0. */
function bytesAbove(result: unknown, maxBytes: number): number {
  if (jsonBytes(result, maxBytes, false) <= maxBytes) return 0;
  const bytes = jsonBytes(result, maxBytes, true);
  return bytes > maxBytes ? bytes : 0;
}

/** Replaces an answer over the ceiling by one RESPONSE_TOO_LARGE error (no partial data); counts it. */
export function responseCeiling(maxBytes: number, onReject: () => void): RequestHooks<GraphQLContext> {
  return {
    willSendResponse({ response }) {
      if (response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      let refusal = result.errors?.find((e) => e.extensions?.code === RESPONSE_TOO_LARGE);
      if (!refusal) {
        const bytes = bytesAbove(result, maxBytes);
        if (!bytes) return;
        // The exact size would mean walking the rest of an answer we refuse anyway.
        const error = tooManyBytes(bytes, maxBytes);
        refusal = { message: error.message, extensions: error.extensions };
      }
      onReject();
      response.body.singleResult = { data: null, errors: [{ message: refusal.message, extensions: refusal.extensions }] };
    },
  };
}
