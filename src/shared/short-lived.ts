// A result shared for a short moment: callers within `ttlMs` of the last answer get that answer, and
// callers while a load is in flight wait for that same load. A burst of N callers costs one load, and a
// flood costs at most one load per `ttlMs`. A failed load is not kept: the next caller tries again.
export function shortLived<T>(load: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let current: Promise<T> | null = null;
  let settledAt = 0;
  let inFlight = false;
  return () => {
    if (current && (inFlight || Date.now() - settledAt < ttlMs)) return current;
    inFlight = true;
    const started = load().then(
      (value) => {
        inFlight = false;
        settledAt = Date.now();
        return value;
      },
      (error: unknown) => {
        inFlight = false;
        if (current === started) current = null;
        throw error;
      },
    );
    current = started;
    return started;
  };
}
