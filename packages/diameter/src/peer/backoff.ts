/**
 * Reconnect delays as a policy function (ioredis `retryStrategy`, nats `reconnectDelayHandler`): given the attempt
 * number (1, 2, …) it returns a delay in ms, or null to stop trying.
 */
export type BackoffPolicy = (attempt: number) => number | null;

export interface ExponentialBackoffOptions {
  readonly initial: number;
  readonly factor: number;
  readonly max: number;
  /** Full jitter (AWS architecture blog): a uniform delay in [0, cap]; spreads the reconnects of many peers. */
  readonly jitter?: boolean;
  readonly random?: () => number;
}

export function exponentialBackoff(o: ExponentialBackoffOptions): BackoffPolicy {
  const random = o.random ?? Math.random;
  return (attempt) => {
    const cap = Math.min(o.max, o.initial * o.factor ** Math.max(0, attempt - 1));
    return o.jitter === false ? cap : Math.round(random() * cap);
  };
}
