// The GraphQL client: urql with a normalized cache (graphcache), so a mutation's answer (a run, a kill
// switch) updates every page showing that object. Queries and mutations go over HTTP, subscriptions over
// the WebSocket of socket.ts; their values land in the same cache, so a run sent by a subscription updates
// its row wherever it is shown.
import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, CombinedError, fetchExchange, subscriptionExchange, type ExecutionResult } from 'urql';
import { databaseExchange, isDatabaseUnavailable } from './database';
import { createSocket } from './socket';

/** Types without an identity of their own are stored inside their parent. */
const embedded = () => null;

export function createClient(apiKey: string | null): Client {
  const socket = createSocket(apiKey);
  return new Client({
    url: '/graphql',
    requestPolicy: 'cache-and-network',
    // POST: Apollo's CSRF prevention refuses a GET without a preflight header.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: apiKey ? { 'x-api-key': apiKey } : {} }),
    exchanges: [
      cacheExchange({
        keys: {
          FeatureFlagState: (f) => String(f.flag),
          ConsolidatedMetrics: (m) => String(m.runId),
          ABTestSummary: (s) => String(s.testId),
          FailurePattern: (p) => String(p.patternId),
          AppliedMigration: (m) => String(m.name),
          Viewer: embedded,
          Health: embedded,
          KillSwitches: embedded,
          RunConnection: embedded,
          PageInfo: embedded,
          RunStatus: embedded,
          RunStateCount: embedded,
          MigrationStatus: embedded,
          DeltaStats: embedded,
          ReplayComparison: embedded,
          RunOutcomeSummary: embedded,
          ReplayDeltas: embedded,
        },
      }),
      databaseExchange(apiKey),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => {
            let first = true;
            return {
              unsubscribe: socket.subscribe(request as { query: string }, {
                // urql merges each value into the previous one and keeps the previous errors when the new
                // value has none: an empty list says "no error", so one CHANGES_MISSED is not seen again on
                // every later value. (Not on the first: there an empty list would make an empty error.)
                next: (value: ExecutionResult) => {
                  sink.next(first || value.errors ? value : { ...value, errors: [] });
                  first = false;
                },
                error: (e) => sink.error(e),
                complete: () => sink.complete(),
              }),
            };
          },
        }),
      }),
    ],
  });
}

/** The first extensions.code of an error (UNAUTHENTICATED, FEATURE_DISABLED, ...). */
export function errorCode(error: CombinedError | undefined): string | undefined {
  return error?.graphQLErrors.map((e) => e.extensions?.code).find((c): c is string => typeof c === 'string');
}

/** A sentence for an operator: server down, database down, or the server's own message. */
export function describeError(error: CombinedError): string {
  if (error.networkError && !error.graphQLErrors.length) {
    return 'Cannot reach the server (is it restarting?). Retrying…';
  }
  if (isDatabaseUnavailable(error)) {
    return 'Database unavailable: the server cannot reach its database. Showing the last data; this refreshes by itself when the database is back.';
  }
  const code = errorCode(error);
  const message = error.graphQLErrors[0]?.message ?? error.message;
  if (code === 'SERVICE_UNAVAILABLE') return `The server is busy: ${message}`;
  if (code === 'INTERNAL_SERVER_ERROR') return `The server could not answer (is the database down?): ${message}`;
  return message;
}
