// Whether the server can reach its database. Any answer coded SERVICE_UNAVAILABLE "Database unavailable"
// marks it down (the exchange below sees every result); while down, /health is asked until it reports the
// database connected again, then the pages' own polling brings fresh data (no reload needed).
import { useSyncExternalStore } from 'react';
import { mapExchange, type CombinedError, type Exchange } from 'urql';

const HEALTH_POLL_MS = 2500;

export interface DatabaseStatus {
  down: boolean;
  /** the database part of /health while down ("error: ..."), or the API's message */
  detail: string | null;
  /** when the outage was first seen */
  since: Date | null;
}

/** A SERVICE_UNAVAILABLE error that says the database cannot be reached (not disk full or read-only). */
export function isDatabaseUnavailable(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE' && /database unavailable/i.test(e.message));
}

/** A passing failure (server unreachable, database down): the last answer stays more useful than this one. */
export function isTransient(error: CombinedError | undefined): boolean {
  if (!error) return false;
  return (!!error.networkError && !error.graphQLErrors.length) || isDatabaseUnavailable(error);
}

let status: DatabaseStatus = { down: false, detail: null, since: null };
const listeners = new Set<() => void>();
let poller: number | undefined;
let apiKey: string | null = null;

function set(next: DatabaseStatus): void {
  status = next;
  for (const l of listeners) l();
}

function markDown(detail: string): void {
  if (!status.down) set({ down: true, detail, since: new Date() });
  if (poller === undefined) poller = window.setInterval(checkHealth, HEALTH_POLL_MS);
}

async function checkHealth(): Promise<void> {
  let body: { database?: string };
  try {
    const res = await fetch('/health', { headers: apiKey ? { 'x-api-key': apiKey } : {} });
    body = await res.json();
  } catch {
    return; // the server itself is away: the shell's "lost contact" banner says so; keep asking
  }
  if (typeof body.database !== 'string') return;
  if (/^error/.test(body.database)) {
    if (status.detail !== body.database) set({ ...status, detail: body.database });
    return;
  }
  window.clearInterval(poller);
  poller = undefined;
  set({ down: false, detail: null, since: null });
}

/** Watches every GraphQL result for the database's outage. */
export function databaseExchange(key: string | null): Exchange {
  apiKey = key;
  return mapExchange({
    onResult(result) {
      const down = result.error?.graphQLErrors.find((e) => isDatabaseUnavailable({ graphQLErrors: [e] } as unknown as CombinedError));
      if (down) markDown(down.message);
      return result;
    },
  });
}

export function useDatabaseStatus(): DatabaseStatus {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => status,
  );
}
