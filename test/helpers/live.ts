// A GraphQL-over-WebSocket subscriber for tests: the graphql-ws client over `ws`, collecting what it gets.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { waitFor } from './executor';

export interface Received<T = any> {
  values: T[];
  errors: { message: string; extensions?: Record<string, any> }[][];
  completed: boolean;
  /** Rejects on a subscription-level error (the operation was refused). */
  refused?: { message: string; extensions?: Record<string, any> }[];
}

export interface Subscriber {
  client: Client;
  closed: Promise<{ code: number; reason: string }>;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): { received: Received<T>; started: Promise<void>; stop(): void };
  dispose(): Promise<void>;
}

export const wsUrl = (url: string) => `${url.replace(/^http/, 'ws')}/graphql`;

/** Connects (connection_init with `params`); `headers` go on the upgrade request. */
export async function connectSubscriber(url: string, opts: { params?: Record<string, unknown>; headers?: Record<string, string> } = {}): Promise<Subscriber> {
  let onClosed!: (c: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  let connected!: () => void;
  const opened = new Promise<void>((resolve) => (connected = resolve));
  const headers = opts.headers;
  class HeaderWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({
    url: wsUrl(url),
    webSocketImpl: HeaderWebSocket,
    connectionParams: opts.params,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined, // closes are recorded in `closed`
    on: {
      connected: () => connected(),
      closed: (e) => onClosed({ code: (e as { code: number }).code, reason: String((e as { reason: unknown }).reason) }),
    },
  });
  await Promise.race([opened, closed]);
  return {
    client,
    closed,
    subscribe(query, variables) {
      const received: Received = { values: [], errors: [], completed: false };
      const stop = client.subscribe(
        { query, variables },
        {
          next: (r) => {
            if (r.errors) received.errors.push(r.errors as Received['errors'][number]);
            else received.values.push(Object.values(r.data ?? {})[0]);
          },
          error: (e) => {
            received.refused = Array.isArray(e) ? e : [{ message: String((e as Error)?.message ?? e) }];
          },
          complete: () => (received.completed = true),
        },
      );
      return { received, started: Promise.resolve(), stop };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Waits until `received` has at least `n` values (or was refused). */
export function valuesAtLeast<T>(received: Received<T>, n: number, timeoutMs = 20_000): Promise<T[]> {
  return waitFor(
    `${n} subscription values (have ${received.values.length})`,
    async () => (received.values.length >= n || received.refused ? received.values : null),
    timeoutMs,
  );
}

/** Waits until the server has registered `n` subscriptions (so later writes are covered). */
export function subscriptionsAtLeast(feed: { subscriptionCount: number }, n: number): Promise<true> {
  return waitFor(`${n} subscriptions registered`, async () => feed.subscriptionCount >= n);
}
