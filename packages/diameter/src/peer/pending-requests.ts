/**
 * Requests waiting for their answer, indexed by Hop-by-Hop id, with ONE timer for all of them (no setTimeout per
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

/**
 * One timeout value's requests in sending (= deadline) order: a ring that grows by doubling and starts small
 * again once empty. A slot is cleared as soon as the head moves past it, so an answered request is garbage at
 * once and dies young (the array this replaces held up to 1024 answered requests until it was compacted).
 */
class DeadlineQueue {
  private ring: (PendingRequest<unknown> | undefined)[] = new Array<undefined>(16).fill(undefined);
  private head = 0;
  /** Entries from head, settled ones not yet dropped included. */
  length = 0;

  push(r: PendingRequest<unknown>): void {
    if (this.length === this.ring.length) this.grow();
    this.ring[(this.head + this.length) & (this.ring.length - 1)] = r;
    this.length++;
  }

  isHead(r: PendingRequest<unknown>): boolean {
    return this.length > 0 && this.ring[this.head] === r;
  }

  /** The first entry not yet settled, dropping settled ones on the way. */
  peek(): PendingRequest<unknown> | undefined {
    while (this.length > 0) {
      const r = this.ring[this.head]!;
      if (!r.settled) return r;
      this.shift();
    }
    return undefined;
  }

  /** Drops the head entry. */
  shift(): void {
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) & (this.ring.length - 1);
    this.length--;
    // A burst grew the ring: give the memory back once it is empty.
    if (this.length === 0 && this.ring.length > 4096) {
      this.ring = new Array<undefined>(16).fill(undefined);
      this.head = 0;
    }
  }

  private grow(): void {
    const old = this.ring;
    const ring = new Array<PendingRequest<unknown> | undefined>(old.length * 2).fill(undefined);
    for (let i = 0; i < this.length; i++) ring[i] = old[(this.head + i) & (old.length - 1)];
    this.ring = ring;
    this.head = 0;
  }
}

/** Slots of the id index: it starts small (most connections carry little) and grows to this on collisions. */
const MIN_SLOTS = 64;
const MAX_SLOTS = 8192;

export class PendingRequests {
  /**
   * The id index. Hop-by-Hop ids are ours and sequential per connection, so the requests in flight occupy a
   * sliding window of ids and `id & mask` finds a request's slot without hashing. A request that stays while the
   * ids move a whole table further (a straggler) is moved to `overflow` when its slot is needed.
   *
   * Why not one Map: a Map that grows and shrinks with every burst keeps replacing its hash table, and a replaced
   * table that reached old space stays, with its pointers to recent requests, until the next full collection.
   * Those pointers kept every relayed request alive through two scavenges: all of them were promoted, and the
   * gateway spent its time in full collections.
   */
  private slots: (PendingRequest<unknown> | undefined)[] = new Array<undefined>(MIN_SLOTS).fill(undefined);
  private readonly overflow = new Map<number, PendingRequest<unknown>>();
  private count = 0;
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
    return this.count;
  }

  /** Whether a request with this Hop-by-Hop id is in flight. */
  has(hopByHopId: number): boolean {
    const s = this.slots[hopByHopId & (this.slots.length - 1)];
    if (s !== undefined && s.hopByHopId === hopByHopId) return true;
    return this.overflow.size > 0 && this.overflow.has(hopByHopId);
  }

  add(request: PendingRequest<unknown>): void {
    this.index(request);
    this.count++;
    let q = this.queues.get(request.timeoutMs);
    if (q === undefined) this.queues.set(request.timeoutMs, (q = new DeadlineQueue()));
    q.push(request);
    if (request.deadline < this.timerAt) this.arm(request.deadline);
  }

  /** Removes and returns the request answered by this Hop-by-Hop id (undefined: unexpected answer). */
  take(hopByHopId: number): PendingRequest<unknown> | undefined {
    const r = this.unindex(hopByHopId);
    if (r === undefined) return undefined;
    r.settled = true;
    // Answers come mostly in order: when this was the oldest entry of its queue, move the head past it (and
    // every settled one behind it) now, so answered requests are not held until the timer reaches them.
    const q = this.queues.get(r.timeoutMs);
    if (q !== undefined && q.isHead(r)) q.peek();
    return r;
  }

  /** Entries kept for expiry (answered ones not yet dropped included): for tests and diagnostics. */
  get queued(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Removes every request (the connection is gone) and returns them, oldest first. */
  drain(): PendingRequest<unknown>[] {
    const all: PendingRequest<unknown>[] = [...this.overflow.values()];
    for (const r of this.slots) if (r !== undefined) all.push(r);
    all.sort((a, b) => a.sentAt - b.sentAt);
    for (const r of all) r.settled = true;
    this.slots = new Array<undefined>(MIN_SLOTS).fill(undefined);
    this.overflow.clear();
    this.count = 0;
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

  private index(request: PendingRequest<unknown>): void {
    let slots = this.slots;
    let i = request.hopByHopId & (slots.length - 1);
    if (slots[i] !== undefined && slots.length < MAX_SLOTS) {
      this.grow();
      slots = this.slots;
      i = request.hopByHopId & (slots.length - 1);
    }
    const displaced = slots[i];
    if (displaced !== undefined) this.overflow.set(displaced.hopByHopId, displaced);
    slots[i] = request;
  }

  private unindex(hopByHopId: number): PendingRequest<unknown> | undefined {
    const i = hopByHopId & (this.slots.length - 1);
    const s = this.slots[i];
    if (s !== undefined && s.hopByHopId === hopByHopId) {
      this.slots[i] = undefined;
      this.count--;
      return s;
    }
    if (this.overflow.size === 0) return undefined;
    const o = this.overflow.get(hopByHopId);
    if (o !== undefined) {
      this.overflow.delete(hopByHopId);
      this.count--;
    }
    return o;
  }

  /** Doubles the table; an entry that collides in the new one goes to the overflow. */
  private grow(): void {
    const old = this.slots;
    const slots = new Array<PendingRequest<unknown> | undefined>(old.length * 2).fill(undefined);
    const mask = slots.length - 1;
    for (const r of old) {
      if (r === undefined) continue;
      const i = r.hopByHopId & mask;
      if (slots[i] === undefined) slots[i] = r;
      else this.overflow.set(r.hopByHopId, r);
    }
    this.slots = slots;
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
        this.unindex(r.hopByHopId);
        q.shift();
        this.onTimeout(r);
      }
      if (q.peek() === undefined) this.queues.delete(timeout);
    }
    if (next !== Infinity && next < this.timerAt) this.arm(next);
  }
}
