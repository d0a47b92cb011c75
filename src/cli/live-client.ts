// The CLI's live client: GraphQL over WebSocket (graphql-ws over `ws`) to the server of AUTOPACK_API_URL, with
// the key both on the upgrade request and in connection_init. It reports every reconnect, and every value that
// says changes may have been missed (code CHANGES_MISSED), so a command can re-read what it shows.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { describeError } from '../shared/describe-error';

export interface LiveError {
  message: string;
  code: string;
}

interface LiveHandlers<T> {
  /** One value of the subscription's (single) root field. */
  value(v: T): void;
  /** The server may have dropped changes (or the connection came back): re-read the current state. */
  resync(reason: string): void;
  /** The subscription was refused or failed (e.g. NOT_FOUND, a server without the field). */
  failed(e: LiveError): void;
}

export interface LiveClient {
  subscribe<T>(query: string, variables: Record<string, unknown>, handlers: LiveHandlers<T>): () => void;
  /** Resolves with a one-line reason when the connection is lost for good (retries exhausted). */
  readonly lost: Promise<string>;
  dispose(): Promise<void>;
}

/** How often the client tries to get the connection back before giving up. */
const RETRIES = 5;

const webSocketUrl = (baseUrl: string) => `${baseUrl.replace(/^http/, 'ws').replace(/\/+$/, '')}/graphql`;

const codeOf = (e: { extensions?: Record<string, unknown> }) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR');

export function connectLive(baseUrl: string, apiKey: string | null): LiveClient {
  const headers = apiKey ? { 'x-api-key': apiKey } : undefined;
  class KeyedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const reconnectListeners = new Set<() => void>();
  let connections = 0;
  let onLost!: (reason: string) => void;
  const lost = new Promise<string>((resolve) => (onLost = resolve));
  const client: Client = createClient({
    url: webSocketUrl(baseUrl),
    webSocketImpl: KeyedWebSocket,
    connectionParams: apiKey ? { 'x-api-key': apiKey } : undefined,
    lazy: false,
    retryAttempts: RETRIES,
    // Only a connection that once worked is retried (a server that never accepted one does not serve live
    // updates, or is not there); 4400/4401/4403/4406 (bad request, key, protocol) are final.
    shouldRetry: (e) => connections > 0 && !(e && typeof e === 'object' && 'code' in e && [4400, 4401, 4403, 4406].includes((e as { code: number }).code)),
    on: {
      connected: () => {
        if (connections++ > 0) for (const l of reconnectListeners) l();
      },
    },
    onNonLazyError: (e) => onLost(describeClose(baseUrl, e)),
  });
  return {
    lost,
    subscribe<T>(query: string, variables: Record<string, unknown>, h: LiveHandlers<T>) {
      const onReconnect = () => h.resync('reconnected to the server');
      reconnectListeners.add(onReconnect);
      const stop = client.subscribe<Record<string, T>>(
        { query, variables },
        {
          next: (r) => {
            const error = r.errors?.[0];
            if (!error) return h.value(Object.values(r.data ?? {})[0] as T);
            const code = codeOf(error as { extensions?: Record<string, unknown> });
            if (code === 'CHANGES_MISSED') h.resync(error.message);
            else h.failed({ message: error.message, code });
          },
          error: (e) => {
            if (Array.isArray(e) && e[0]) h.failed({ message: e[0].message, code: codeOf(e[0]) });
            else onLost(describeClose(baseUrl, e));
          },
          complete: () => undefined,
        },
      );
      return () => {
        reconnectListeners.delete(onReconnect);
        stop();
      };
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}

/** A one-line reason from what graphql-ws reports when the connection cannot be (re)made. */
function describeClose(baseUrl: string, e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && 'reason' in e) {
    const { code, reason } = e as { code: number; reason: string };
    return `the server at ${baseUrl} closed the live connection (${code}${reason ? `: ${reason}` : ''})`;
  }
  return `cannot open a live connection to ${webSocketUrl(baseUrl)}: ${describeError((e as { error?: unknown })?.error ?? e)}`;
}
