// Live data, by polling for now: every few seconds while the tab is visible, at once when it becomes
// visible again. One place, so GraphQL subscriptions can replace it without touching the pages.
import { useEffect } from 'react';
import { useQuery, type AnyVariables, type UseQueryArgs, type UseQueryResponse } from 'urql';

export const LIVE_INTERVAL_MS = 2500;

export function useLiveQuery<Data, Variables extends AnyVariables>(
  args: UseQueryArgs<Variables, Data>,
  intervalMs = LIVE_INTERVAL_MS,
): UseQueryResponse<Data, Variables> {
  const response = useQuery<Data, Variables>(args);
  const reexecute = response[1];
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
  return response;
}
