// The Apollo server object, separate from any transport: tests call it through executeOperation, the HTTP
// layer through executeHTTPGraphQLRequest.
import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { databaseUnavailableReason } from '../shared/db-errors';
import { ServiceError } from '../shared/errors';
import type { GraphQLContext } from './context';
import { introspectionDepthRule } from './introspection-depth';
import { hideSuggestions } from './no-suggestions';
import { buildSchema } from './schema';
import { costLimit } from './cost-limit';
import { responseCeiling } from './response-limit';
import { countTokenLimitRejections } from './token-limit';
import { JitGateway } from './jit-executor';
import { requestHooksPlugin, type RequestHooks } from './request-hooks';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

/**
 * A request carrying one of these headers cannot be a cross-site simple request (a form post or an
 * <img>/<script> GET): the browser would have sent a CORS preflight first. Apollo's own two, plus the API
 * key headers, so that standard clients sending queries with GET and a key (urql's default,
 * graphql-request with method GET) are served. A browser adds Authorization by itself only for HTTP
 * authentication it was challenged for, which this server never asks for; GET without any of them is
 * still refused (open development mode).
 */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight', 'x-api-key', 'authorization'];

/** Is this error expected (coded) rather than a bug? (A database outage counts as expected.) */
function isExpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof ServiceError || databaseUnavailableReason(original)) return true;
  if (!(original instanceof GraphQLError)) return false;
  // Apollo's refusals of a request (validation, variables) carry their code from the start, with graphql-js's
  // error as originalError: the client's mistake, not a bug to log with its stack.
  const code = original.extensions?.code;
  if (typeof code === 'string') return code !== INTERNAL;
  return !original.originalError;
}

/** Coded errors pass through with their code; anything else is masked (details go to the log). */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ServiceError) {
    return { ...formatted, message: original.message, extensions: { code: original.code, ...original.extensions } };
  }
  const unavailable = databaseUnavailableReason(original);
  if (unavailable) return { message: unavailable, locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  if (isExpected(error) || (formatted.extensions?.code && formatted.extensions.code !== INTERNAL)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: INTERNAL } };
}

/** The stable code of an error as the client sees it. */
function errorCode(error: unknown): string {
  const original = unwrapResolverError(error);
  if (original instanceof ServiceError) return original.code;
  if (databaseUnavailableReason(original)) return 'SERVICE_UNAVAILABLE';
  const code = (error as GraphQLError).extensions?.code;
  return isExpected(error) && typeof code === 'string' ? code : INTERNAL;
}

/** Tells the transport the operation name and error codes (logs, metrics); logs unexpected errors. */
function requestReporting(logger: Logger): RequestHooks<GraphQLContext> {
  return {
    didResolveOperation({ operationName, contextValue }) {
      contextValue.request.operation = operationName ?? 'anonymous';
    },
    didEncounterErrors({ errors, contextValue, operationName }) {
      for (const e of errors) {
        const code = errorCode(e);
        contextValue.request.errorCodes.push(code);
        const metrics = contextValue.metrics;
        metrics?.graphqlErrors.inc({ code, operation: metrics.operationLabel(operationName ?? contextValue.request.operation ?? 'unknown') });
        if (isExpected(e)) continue;
        const original = unwrapResolverError(e) as Error;
        logger.error('unexpected error', {
          requestId: contextValue.requestId,
          operationName,
          path: e.path?.join('.'),
          error: original?.stack ?? String(original),
        });
      }
    },
  };
}

/** AUTOPACK_READ_API_KEY runs queries only: any mutation is refused before it starts. */
const readOnlyKeys: RequestHooks<GraphQLContext> = {
  didResolveOperation({ operation, contextValue }) {
    if (operation?.operation === 'mutation' && contextValue.role === 'read') {
      throw new GraphQLError('Read-only API key: mutations need AUTOPACK_API_KEY', {
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    }
  },
};

/**
 * Apollo executes queries and mutations; a subscription sent as an HTTP request (POST or GET) would reach
 * graphql-js's execute and fail as an internal error. It is the client's mistake: a 400 naming the live
 * transports (src/http/live-ws.ts, live-sse.ts).
 */
const noSubscriptionsOverHttp: RequestHooks<GraphQLContext> = {
  didResolveOperation({ operation }) {
    if (operation?.operation !== 'subscription') return;
    throw new GraphQLError(
      'Subscriptions are not served over HTTP requests (POST or GET): use GraphQL over WebSocket on /graphql or Server-Sent Events on /graphql/stream',
      {
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    );
  },
};

/** Masked errors carry the request id the client also gets in X-Request-Id, to find the log line. */
const requestIdOnMaskedErrors: RequestHooks<GraphQLContext> = {
  willSendResponse({ response, contextValue }) {
    if (response.body.kind !== 'single') return;
    const errors = response.body.singleResult.errors;
    if (!errors?.some((e) => e.extensions?.code === INTERNAL)) return;
    response.body.singleResult.errors = errors.map((e) =>
      e.extensions?.code === INTERNAL ? { ...e, extensions: { ...e.extensions, requestId: contextValue.requestId } } : e,
    );
  },
};

/**
 * Depth, alias, directive and token limits (values from config.ts); rejections are counted. The cost limit
 * is ours (cost-limit.ts): graphql-armor's prices a list field like any other, whatever its size. The live
 * transports (src/http/live-*.ts) run the same validation rules on subscriptions.
 */
export function operationLimits(config: Config, metrics?: Metrics) {
  const count = (rule: string) => [(_ctx: unknown, _error: GraphQLError) => metrics?.rejections.inc({ rule })];
  return new ApolloArmor({
    maxDepth: { n: config.limits.maxDepth, onReject: count('max_depth') },
    maxAliases: { n: config.limits.maxAliases, onReject: count('max_aliases') },
    maxDirectives: { n: config.limits.maxDirectives, onReject: count('max_directives') },
    maxTokens: { enabled: false }, // graphql-js's parser enforces it instead: see token-limit.ts
    costLimit: { enabled: false },
    // Suggestions are hidden by our own plugin (no-suggestions.ts), which covers every form of them.
    blockFieldSuggestion: { enabled: false },
  }).protect();
}

/**
 * The executor Apollo runs operations with: graphql-jit for documents seen before (jit-executor.ts), graphql-js
 * for the rest; graphql-js only when AUTOPACK_COMPILED_DOCUMENTS is 0.
 */
function executor(config: Config, schema: GraphQLSchema, metrics?: Metrics): { schema: GraphQLSchema } | { gateway: JitGateway } {
  if (!config.compiledDocuments) return { schema };
  const gateway = new JitGateway(schema, { maxDocuments: config.compiledDocuments, compileAfter: config.compileAfter });
  metrics?.trackExecutions(gateway);
  return { gateway };
}

export function createGraphQLServer(config: Config, logger: Logger, metrics?: Metrics, schema: GraphQLSchema = buildSchema()): ApolloServer<GraphQLContext> {
  const armor = operationLimits(config, metrics);
  return new ApolloServer<GraphQLContext>({
    ...executor(config, schema, metrics),
    // Every /graphql request is authenticated first (a key is mandatory in production), so introspection
    // is only ever answered to key holders there - and GraphiQL keeps working once the key is entered.
    introspection: true,
    csrfPrevention: { requestHeaders: PREFLIGHT_HEADERS },
    allowBatchedHttpRequests: false,
    // Shutdown is ours (app.close): Apollo's own handler would re-raise the signal and cut our cleanup short.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: [
      ...armor.validationRules,
      introspectionDepthRule(config.limits.maxIntrospectionDepth, () => metrics?.rejections.inc({ rule: 'max_introspection_depth' })),
    ],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // We set no cache hints; the default cache-control plugin would wrap every field resolver to compute
      // a policy nobody reads (a dashboard answer has thousands of fields).
      ApolloServerPluginCacheControlDisabled(),
      ...armor.plugins,
      // Ours, in this order at each stage, as one plugin (request-hooks.ts).
      requestHooksPlugin<GraphQLContext>([
        countTokenLimitRejections(() => metrics?.rejections.inc({ rule: 'max_tokens' })),
        noSubscriptionsOverHttp,
        // Suggestions ("Did you mean ...?") would reveal the schema to whoever is probing it.
        ...(config.env === 'production' ? [hideSuggestions] : []),
        costLimit<GraphQLContext>(config.limits.maxCost, () => metrics?.rejections.inc({ rule: 'cost_limit' })),
        responseCeiling(config.limits.maxResponseBytes, () => metrics?.rejections.inc({ rule: 'response_size' })),
        readOnlyKeys,
        requestReporting(logger),
        requestIdOnMaskedErrors,
      ]),
    ],
  });
}
