// Live data, by polling for now: every few seconds while the tab is visible, at once when it becomes
// visible again. One place, so GraphQL subscriptions can replace it without touching the pages.
import { useEffect, useRef } from 'react';
import { isTransient } from './database';
import { useQuery, type AnyVariables, type UseQueryArgs, type UseQueryResponse } from 'urql';

const LIVE_INTERVAL_MS = 2500;

export function useLiveQuery<Data, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
  intervalMs = LIVE_INTERVAL_MS,
): UseQueryResponse<Data, Variables> {
  const response = useQuery<Data, Variables>(args);
  const [result, reexecute] = response;
  // A passing failure (server restarting, database down) keeps showing the last good answer next to the
  // error; other errors (a kill switch off, a bad id) replace it, since they are the news.
  const last = useRef<{ key: number; data: Data } | null>(null);
  const key = result.operation?.key;
  const transient = isTransient(result.error);
  if (result.data != null && !transient && key !== undefined) last.current = { key, data: result.data };
  const paused = args.pause ?? false;
  useEffect(() => {
    if (paused) return;
    const refresh = () => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    };
    const timer = window.setInterval(refresh, intervalMs);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [reexecute, intervalMs, paused]);
  if (transient && last.current && last.current.key === key) {
    return [{ ...result, data: last.current.data }, reexecute];
  }
  return response;
}
