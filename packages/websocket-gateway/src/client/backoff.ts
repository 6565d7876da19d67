// Reconnect delay policy: exponential from `baseMs` to `maxMs` with up to 20% random jitter, so clients of a
// dead instance do not all land on the next one in the same millisecond. Return null to stop retrying.
export type Backoff = (attempt: number) => number | null;

export function exponentialBackoff(baseMs = 100, maxMs = 5000, maxAttempts = Infinity): Backoff {
  return (attempt) => {
    if (attempt > maxAttempts) return null;
    const d = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(d * (1 + Math.random() * 0.2));
  };
}
