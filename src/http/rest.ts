// REST compatibility routes: each one is a named GraphQL operation executed on the same schema, so auth,
// kill switches, validation and errors are identical to /graphql. Only the body shape differs
// (snake_case keys, as in the rollout guide).
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { GraphQLContext } from '../graphql/context';
import { graphql } from '../graphql/documents';
import type { TypedDocumentString } from '../graphql/documents/graphql';
import { toSnake } from '../shared/snake-case';

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  // The operation a route's parameters make costs too much (e.g. a large `limit`): the client's request, not a bug.
  COST_LIMIT_EXCEEDED: 400,
  RESPONSE_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 429,
  NOT_IMPLEMENTED: 501,
  FEATURE_DISABLED: 503,
  SERVICE_UNAVAILABLE: 503,
};

/** A REST route: a response for its own paths, null for any other. */
export type RestRoute = (apollo: ApolloServer<GraphQLContext>, context: GraphQLContext, method: string, path: string, url: URL) => Promise<RestResponse | null>;

export interface RestResponse {
  status: number;
  body: unknown;
}

/** GraphQL argument name -> the REST query parameter that carries it (e.g. testId -> test_id). */
export type ParamNames = Record<string, string>;

function errorResponse(error: GraphQLFormattedError, params: ParamNames = {}): RestResponse {
  const code = String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  // A service refusal names the GraphQL argument (extensions.field, first word of the message): say the
  // parameter the REST client actually sent.
  const field = error.extensions?.field;
  const param = typeof field === 'string' ? params[field] : undefined;
  const detail = param && error.message.startsWith(field as string) ? param + error.message.slice((field as string).length) : error.message;
  // The guide's (FastAPI) error shape, exactly {"detail": "..."}; the status carries the code.
  return { status: STATUS_BY_CODE[code] ?? 500, body: { detail } };
}

/**
 * Runs a typed document (a `graphql(...)` call, see codegen.yml) and maps the result: the first error decides
 * the status, data (typed from the document) goes through `shape`.
 */
export async function executeRest<TResult, TVariables extends Record<string, unknown>>(
  apollo: ApolloServer<GraphQLContext>,
  context: GraphQLContext,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  shape: (data: TResult) => RestResponse,
  params?: ParamNames,
): Promise<RestResponse> {
  const res = await apollo.executeOperation<TResult, TVariables>({ query: document.toString(), variables }, { contextValue: context });
  if (res.body.kind !== 'single') throw new Error('incremental delivery is not used by REST routes');
  const { data, errors } = res.body.singleResult;
  if (errors?.length) return errorResponse(errors[0], params);
  return shape(data as TResult);
}

// What /health shows to everyone; with a key, the audit details of each override are added (who set it and why:
// not for an anonymous prober).
graphql(`
  fragment HealthFields on Health {
    status
    database
    qdrant
    killSwitches {
      phase6Metrics
      consolidatedMetrics
    }
    version
    timestamp
    flags {
      flag
      enabled
      source
      envEnabled
      changedAt
    }
  }
`);
const HEALTH_QUERY = graphql(`
  query Health {
    health {
      ...HealthFields
    }
  }
`);
const HEALTH_QUERY_AUDIT = graphql(`
  query HealthAudit {
    health {
      ...HealthFields
      flags {
        reason
        changedBy
      }
    }
  }
`);

/** GET /health: 200 while the database answers, 503 when it does not. Open (no key). */
export function healthRoute(apollo: ApolloServer<GraphQLContext>, context: GraphQLContext, audit: boolean): Promise<RestResponse> {
  const shape = (data: { health: { status: string } }): RestResponse => ({
    status: data.health.status === 'healthy' ? 200 : 503,
    body: toSnake(data.health),
  });
  return audit ? executeRest(apollo, context, HEALTH_QUERY_AUDIT, {}, shape) : executeRest(apollo, context, HEALTH_QUERY, {}, shape);
}

// REST integers become GraphQL Int arguments (32-bit): a larger one is a 400 here, naming the parameter,
// rather than a GraphQL coercion message.
const INT32_MAX = 2 ** 31 - 1;

/** An optional integer query parameter; anything else than a 32-bit integer is a 400 naming the parameter. */
export function intParam(url: URL, name: string, fallback: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw new RestError(400, `${name} must be an integer, got "${raw.slice(0, 40)}"`);
  const value = Number(raw);
  if (Math.abs(value) > INT32_MAX) throw new RestError(400, `${name} is out of range, got ${value}`);
  return value;
}

/** An optional query parameter that must be one of `values` (an enum argument, e.g. a run state). */
export function enumParam<T extends string>(url: URL, name: string, values: readonly T[]): T | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  if (!(values as readonly string[]).includes(raw)) throw new RestError(400, `${name} must be one of: ${values.join(', ')}`);
  return raw as T;
}

/** A percent-encoded path segment (a run id); a malformed escape is the client's error, a 400. */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new RestError(400, 'Malformed run id in the URL');
  }
}

/** A REST-level refusal (bad query string, wrong method) answered as {"detail": message}. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
