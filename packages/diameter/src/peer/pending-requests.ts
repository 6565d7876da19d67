/**
 * Requests waiting for their answer, keyed by Hop-by-Hop id, with ONE timer for all of them (no setTimeout per
 * request). Entries are kept in deadline order per timeout value (requests with the same timeout expire in the
 * order they were sent, so each queue is sorted by construction); the timer is armed for the earliest head.
 * An answered entry is marked settled (O(1)); the head of its queue moves past settled entries as soon as the
 * answered one was the oldest, which with answers mostly in order keeps the queues short.
 */

/** Who gets the outcome of a request: the gateway implements it once, request() with a Promise. */
export interface AnswerSink<T = unknown> {
  answer(token: T, answer: Buffer, request: PendingRequest<T>): void;
  fail(token: T, error: Error, request: PendingRequest<T>): void;
}

export class PendingRequest<T = unknown> {
  readonly hopByHopId: number;
  readonly deadline: number;
  readonly sentAt: number;
  readonly timeoutMs: number;
  readonly sink: AnswerSink<T>;
  readonly token: T;
  /** The request as sent, for a retransmission elsewhere after a failover. */
  readonly bytes: Buffer;
  settled = false;

  constructor(
    hopByHopId: number,
    timeoutMs: number,
    now: number,
    sink: AnswerSink<T>,
    token: T,
    bytes: Buffer,
  ) {
    this.hopByHopId = hopByHopId;
    this.timeoutMs = timeoutMs;
    this.sentAt = now;
    this.deadline = now + timeoutMs;
    this.sink = sink;
    this.token = token;
    this.bytes = bytes;
  }
}

class DeadlineQueue {
  items: PendingRequest<unknown>[] = [];
  head = 0;

  push(r: PendingRequest<unknown>): void {
    this.items.push(r);
  }

  /** The first entry not yet settled, dropping settled ones on the way. */
  peek(): PendingRequest<unknown> | undefined {
    while (this.head < this.items.length && this.items[this.head].settled) this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return this.items[this.head];
  }
}

export class PendingRequests {
  private readonly byId = new Map<number, PendingRequest<unknown>>();
  private readonly queues = new Map<number, DeadlineQueue>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private readonly onTimeout: (request: PendingRequest<unknown>) => void;
  private readonly fireBound = (): void => this.fire();

  /** `onTimeout` is called for each expired request after it has been removed. */
  constructor(onTimeout: (request: PendingRequest<unknown>) => void) {
    this.onTimeout = onTimeout;
  }

  get size(): number {
    return this.byId.size;
  }

  get ids(): ReadonlyMap<number, unknown> {
    return this.byId;
  }

  add(request: PendingRequest<unknown>): void {
    this.byId.set(request.hopByHopId, request);
    let q = this.queues.get(request.timeoutMs);
    if (q === undefined) this.queues.set(request.timeoutMs, (q = new DeadlineQueue()));
    q.push(request);
    if (request.deadline < this.timerAt) this.arm(request.deadline);
  }

  /** Removes and returns the request answered by this Hop-by-Hop id (undefined: unexpected answer). */
  take(hopByHopId: number): PendingRequest<unknown> | undefined {
    const r = this.byId.get(hopByHopId);
    if (r === undefined) return undefined;
    this.byId.delete(hopByHopId);
    r.settled = true;
    // Answers come mostly in order: when this was the oldest entry of its queue, move the head past it (and
    // every settled one behind it) now, so answered requests are not held until the timer reaches them.
    const q = this.queues.get(r.timeoutMs);
    if (q !== undefined && q.items[q.head] === r) q.peek();
    return r;
  }

  /** Entries kept for expiry (answered ones not yet dropped included): for tests and diagnostics. */
  get queued(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.items.length - q.head;
    return n;
  }

  /** Removes every request (the connection is gone) and returns them, oldest first. */
  drain(): PendingRequest<unknown>[] {
    const all = [...this.byId.values()].sort((a, b) => a.sentAt - b.sentAt);
    for (const r of all) r.settled = true;
    this.byId.clear();
    this.queues.clear();
    this.disarm();
    return all;
  }

  /** Stops the timer; entries left are not expired any more. */
  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
  }

  private arm(at: number): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(this.fireBound, Math.max(0, at - Date.now()));
    this.timer.unref();
  }

  private fire(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = Date.now();
    let next = Infinity;
    for (const [timeout, q] of this.queues) {
      for (let r = q.peek(); r !== undefined; r = q.peek()) {
        if (r.deadline > now) {
          if (r.deadline < next) next = r.deadline;
          break;
        }
        r.settled = true;
        this.byId.delete(r.hopByHopId);
        q.head++;
        this.onTimeout(r);
      }
      if (q.peek() === undefined) this.queues.delete(timeout);
    }
    if (next !== Infinity && next < this.timerAt) this.arm(next);
  }
}
