// The WebSocket that carries the console's GraphQL subscriptions (graphql-ws protocol, same origin,
// `/graphql`), and whether it is open right now: pages poll while it is not (live.ts).
import { createClient, type Client as WsClient } from 'graphql-ws';
import { useSyncExternalStore } from 'react';

/** Close codes after which trying again cannot help: no key (4401) or a wrong key (4403). */
const KEY_REFUSED = [4401, 4403];
const BACKOFF_FIRST_MS = 1000;
const BACKOFF_MAX_MS = 30_000;

let open = false;
/** The socket of the current key: events of one being replaced (the key changed) do not count. */
let current: WsClient | null = null;
const listeners = new Set<() => void>();

function setOpen(next: boolean): void {
  if (open === next) return;
  open = next;
  for (const l of listeners) l();
}

function socketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}

/**
 * One socket per key, opened with the first subscription and closed after the last (lazy). The key goes
 * in `connection_init` (browsers cannot set headers on a WebSocket). A lost socket is opened again for as
 * long as pages subscribe, waiting 1 s, 2 s, 4 s … up to 30 s (plus up to 1 s of jitter, so the consoles
 * of a restarted server do not all come back at once); the subscriptions resume on the new socket.
 */
export function createSocket(apiKey: string | null): WsClient {
  setOpen(false);
  const client: WsClient = createClient({
    url: socketUrl,
    connectionParams: apiKey ? { 'x-api-key': apiKey } : {},
    retryAttempts: Infinity,
    shouldRetry: (e) => !(typeof e === 'object' && e !== null && KEY_REFUSED.includes((e as CloseEvent).code)),
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(BACKOFF_FIRST_MS * 2 ** retries, BACKOFF_MAX_MS) + Math.random() * 1000)),
  });
  client.on('connected', () => client === current && setOpen(true));
  client.on('closed', () => client === current && setOpen(false));
  current = client;
  return client;
}

/** true while the subscription socket is connected and acknowledged by the server. */
export function useSocketOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => open,
  );
}
