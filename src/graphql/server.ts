// The Apollo server object, separate from any transport: tests call it through executeOperation, the HTTP
// layer through executeHTTPGraphQLRequest.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { ServiceError } from '../modules/errors';
import type { GraphQLContext } from './context';
import { buildSchema } from './schema';

const INTERNAL = 'INTERNAL_SERVER_ERROR';

/** Is this error expected (coded) rather than a bug or an infrastructure failure? */
function isExpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof ServiceError) return true;
  return original instanceof GraphQLError && !original.originalError && original.extensions?.code !== INTERNAL;
}

/** Coded errors pass through with their code; anything else is masked (details go to the log). */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ServiceError) {
    return { ...formatted, message: original.message, extensions: { code: original.code, ...original.extensions } };
  }
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
  const code = (error as GraphQLError).extensions?.code;
  return isExpected(error) && typeof code === 'string' ? code : INTERNAL;
}

/** Tells the transport the operation name and error codes (logs, metrics); logs unexpected errors. */
function requestReporting(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName, contextValue }) {
          contextValue.request.operation = operationName ?? 'anonymous';
        },
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const e of errors) {
            const code = errorCode(e);
            contextValue.request.errorCodes.push(code);
            contextValue.metrics?.graphqlErrors.inc({ code, operation: operationName ?? contextValue.request.operation ?? 'unknown' });
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
    },
  };
}

export function createGraphQLServer(config: Config, logger: Logger): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: buildSchema(),
    introspection: config.env !== 'production',
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Shutdown is ours (app.close): Apollo's own handler would re-raise the signal and cut our cleanup short.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginLandingPageDisabled(), requestReporting(logger)],
  });
}
