import type { ConnectionOptions } from 'node:tls';
import {
  headerView,
  nextEndToEndId,
  parsePeerConfig,
  PeerConnection,
  silentLogger,
  TimeoutError,
  type AnswerSink,
  type Logger,
  type RequestHandler,
} from '@diam/diameter';
import { LatencyHistogram } from '../latency-histogram.js';
import { RawAnswerer } from './raw-answer.js';
import {
  APPLICATION_IDS,
  buildTemplate,
  writeCounter,
  type AppPreset,
  type RequestTemplate,
} from './request-templates.js';

/**
 * A Diameter load generator: C peer connections, each keeping at most W requests in flight (a pipelining window)
 * or paced at a fixed rate by one token-bucket timer, until N requests are sent or S seconds have passed; then it
 * waits for the requests in flight (bounded by the request timeout).
 *
 * The hot path allocates nothing of its own: each window slot owns a copy of a pre-encoded request whose
 * Session-Id counter and End-to-End id are patched in place, requests go out through PeerConnection.forward()
 * with this generator as the AnswerSink and the slot number as the token (no promise, no closure per request),
 * and latencies land in a fixed-size histogram.
 */

export interface LoadOptions {
  host: string;
  port: number;
  originHost: string;
  originRealm: string;
  /** Default: originRealm. */
  destinationRealm?: string;
  destinationHost?: string;
  /** Default 'gx'. */
  app?: AppPreset;
  /** Peer connections (default 1). */
  connections?: number;
  /** Stop after this many requests (sent over all connections). */
  requests?: number;
  /** Stop sending after this long, ms. With neither `requests` nor `durationMs`: 1000 requests. */
  durationMs?: number;
  /** At most this many requests in flight per connection (default 64; 1000 with `rate`). */
  window?: number;
  /** Requests per second over all connections (token bucket); absent: as fast as the window allows. */
  rate?: number;
  /** Answer timeout per request, ms (default 5000). */
  timeoutMs?: number;
  /** Connect + capabilities exchange timeout, ms (default 5000). */
  connectTimeoutMs?: number;
  watchdogInterval?: number;
  /** Called every `progressIntervalMs` (default 1000) while running. */
  onProgress?: (progress: LoadProgress) => void;
  progressIntervalMs?: number;
  /** Aborting stops sending; requests in flight are still waited for. */
  signal?: AbortSignal;
  logger?: Logger;
  /**
   * Record every answered request's latency into this histogram (the caller reads or merges it afterwards). It is
   * the run's own histogram, which the result's latency figures are read from: pass an empty one for them to
   * describe this run alone.
   */
  histogram?: LatencyHistogram;
  /** Connect with TLS from the first byte (node:tls options: ca, cert, key, …). */
  tls?: ConnectionOptions;
}

export interface LoadProgress {
  readonly elapsed_s: number;
  readonly sent: number;
  readonly answered: number;
  readonly in_flight: number;
  /** Answers per second over the last interval. */
  readonly req_per_s: number;
  /** 99th percentile latency over the last interval, ms. */
  readonly p99_ms: number;
}

export interface LoadResult {
  readonly app: AppPreset;
  readonly connections: number;
  readonly connections_opened: number;
  readonly window: number;
  readonly sent: number;
  readonly answered: number;
  /** Answers per second, from the first request to the last answer. */
  readonly req_per_s: number;
  readonly elapsed_s: number;
  readonly p50_ms: number;
  readonly p90_ms: number;
  readonly p99_ms: number;
  readonly p999_ms: number;
  readonly max_ms: number;
  readonly mean_ms: number;
  /** Answers by Result-Code (or Experimental-Result-Code), e.g. {"2001": 5000}. */
  readonly result_codes: Record<string, number>;
  readonly timeouts: number;
  /** Requests whose connection failed before they were answered. */
  readonly connection_lost: number;
  /** Sent and never answered: timeouts + connection_lost. */
  readonly unanswered: number;
  /** Requests the run meant to send but could not (connections down, write refused). */
  readonly not_sent: number;
  readonly send_errors: number;
  /** Connections that failed to open or failed while running. */
  readonly connection_failures: number;
  /** Requests the target sent us (answered 2001). */
  readonly requests_received: number;
}

const EXPERIMENTAL_RESULT = 297;
const EXPERIMENTAL_RESULT_CODE = 298;

/** Result-Code, else Experimental-Result-Code, else 0. */
export function answerResultCode(answer: Buffer): number {
  const rc = headerView.findAvp(answer, headerView.RoutingAvp.RESULT_CODE);
  if (rc >= 0) return headerView.avpUnsigned32(answer, rc);
  const er = headerView.findAvp(answer, EXPERIMENTAL_RESULT);
  if (er < 0) return 0;
  const end = headerView.avpDataEnd(answer, er);
  let o = headerView.avpDataOffset(answer, er);
  while (end - o >= 8) {
    const code = answer.readUInt32BE(o);
    const length = (answer[o + 5] << 16) | (answer[o + 6] << 8) | answer[o + 7];
    if (length < 8 || o + length > end) return 0;
    if (code === EXPERIMENTAL_RESULT_CODE && (answer[o + 4] & 0x80) === 0 && length === 12)
      return answer.readUInt32BE(o + 8);
    o += (length + 3) & ~3;
  }
  return 0;
}

/** The state of one run, shared by its lanes. */
class Run {
  readonly total: LatencyHistogram;
  readonly interval = new LatencyHistogram();
  readonly resultCodes = new Map<number, number>();
  readonly template: RequestTemplate;
  readonly timeoutMs: number;
  readonly limit: number;
  readonly e2eBase: number;
  next = 0;
  sent = 0;
  answered = 0;
  intervalAnswered = 0;
  timeouts = 0;
  lost = 0;
  sendErrors = 0;
  inFlight = 0;
  /** No more requests are to be sent. */
  sendingDone = false;
  firstSentAt = 0;
  lastAnswerAt = 0;
  onIdle: (() => void) | undefined;
  onStop: (() => void) | undefined;

  constructor(template: RequestTemplate, timeoutMs: number, limit: number, total = new LatencyHistogram()) {
    this.total = total;
    this.template = template;
    this.timeoutMs = timeoutMs;
    this.limit = limit;
    // Random, so that concurrent runs from one Origin-Host do not reuse each other's End-to-End ids.
    this.e2eBase = (nextEndToEndId() ^ Math.floor(Math.random() * 0x1_0000_0000)) >>> 0;
  }

  /** Whether one more request may be sent now (the count limit; the duration sets sendingDone). */
  wantsMore(): boolean {
    if (this.sendingDone) return false;
    if (this.sent >= this.limit) {
      this.stopSending();
      return false;
    }
    return true;
  }

  stopSending(): void {
    if (!this.sendingDone) {
      this.sendingDone = true;
      this.onStop?.();
    }
    this.checkIdle();
  }

  checkIdle(): void {
    if (this.sendingDone && this.inFlight === 0) this.onIdle?.();
  }
}

/** One connection's window: `window` slots, each with its own request buffer. */
class Lane implements AnswerSink<number> {
  readonly connection: PeerConnection;
  private readonly run: Run;
  private readonly slots: Buffer[];
  private readonly sentAt: Float64Array;
  private readonly free: number[] = [];
  /** False once the connection failed: nothing more is sent on it. */
  alive = true;
  /** Whether a finished request's slot is refilled at once (window mode) or waits for a token (rate mode). */
  private readonly refill: boolean;

  constructor(connection: PeerConnection, run: Run, window: number, refill: boolean) {
    this.connection = connection;
    this.run = run;
    this.refill = refill;
    this.slots = Array.from({ length: window }, () => Buffer.from(run.template.bytes));
    this.sentAt = new Float64Array(window);
    for (let i = window - 1; i >= 0; i--) this.free.push(i);
  }

  get hasFreeSlot(): boolean {
    return this.alive && this.free.length > 0;
  }

  /** Sends one request in a free slot; false when none is free or the send failed. */
  sendOne(): boolean {
    const slot = this.free.pop();
    if (slot === undefined) return false;
    return this.send(slot);
  }

  /** Fills every free slot (window mode start). */
  fill(): void {
    while (this.alive && this.free.length > 0 && this.run.wantsMore()) {
      if (!this.sendOne()) break;
    }
  }

  private send(slot: number): boolean {
    const run = this.run;
    const buf = this.slots[slot];
    const n = run.next++;
    writeCounter(buf, run.template.counterOffset, n);
    headerView.setEndToEndId(buf, (run.e2eBase + n) >>> 0);
    const now = performance.now();
    this.sentAt[slot] = now;
    try {
      this.connection.forward(buf, run.timeoutMs, this, slot);
    } catch {
      run.sendErrors++;
      this.free.push(slot);
      if (!this.connection.isUsable) this.alive = false;
      return false;
    }
    if (run.sent === 0) run.firstSentAt = now;
    run.sent++;
    run.inFlight++;
    return true;
  }

  answer(slot: number, answer: Buffer): void {
    const run = this.run;
    const now = performance.now();
    const ms = now - this.sentAt[slot];
    run.total.recordMs(ms);
    run.interval.recordMs(ms);
    const code = answerResultCode(answer);
    run.resultCodes.set(code, (run.resultCodes.get(code) ?? 0) + 1);
    run.answered++;
    run.intervalAnswered++;
    run.lastAnswerAt = now;
    run.inFlight--;
    this.release(slot);
  }

  fail(slot: number, error: Error): void {
    const run = this.run;
    if (error instanceof TimeoutError) run.timeouts++;
    else run.lost++;
    run.inFlight--;
    // The old buffer may still sit in a socket queue: never patch it again.
    this.slots[slot] = Buffer.from(run.template.bytes);
    if (!this.connection.isUsable) this.alive = false;
    this.release(slot);
  }

  private release(slot: number): void {
    if (this.refill && this.alive && this.run.wantsMore()) {
      if (this.send(slot)) return;
    } else this.free.push(slot);
    this.run.checkIdle();
  }
}

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  return v;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const logger = options.logger ?? silentLogger;
  const app = options.app ?? 'gx';
  if (!(app in APPLICATION_IDS)) throw new RangeError(`unknown app preset ${String(app)}`);
  const connections = positiveInt('connections', options.connections, 1);
  const rate = options.rate;
  if (rate !== undefined && !(rate > 0)) throw new RangeError(`rate must be > 0, got ${rate}`);
  const window = positiveInt('window', options.window, rate !== undefined ? 1000 : 64);
  const timeoutMs = positiveInt('timeoutMs', options.timeoutMs, 5000);
  const limit =
    options.requests !== undefined
      ? Math.max(0, Math.floor(options.requests))
      : options.durationMs !== undefined
        ? Infinity
        : 1000;

  const template = buildTemplate(app, {
    originHost: options.originHost,
    originRealm: options.originRealm,
    destinationRealm: options.destinationRealm ?? options.originRealm,
    destinationHost: options.destinationHost,
  });
  const run = new Run(template, timeoutMs, limit, options.histogram);

  // Requests the target sends us (a DRA-initiated RAR, say) get 2001.
  const answerer = new RawAnswerer(options.originHost, options.originRealm);
  let requestsReceived = 0;
  const requestHandler: RequestHandler = {
    handleRequest(request, connection) {
      requestsReceived++;
      try {
        connection.send(answerer.answer(request, 2001));
      } catch {
        /* connection gone */
      }
    },
  };

  const config = parsePeerConfig({
    originHost: options.originHost,
    originRealm: options.originRealm,
    authApplicationIds: [template.applicationId],
    productName: 'diameter-load',
    reconnect: false,
    requestTimeout: timeoutMs,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    cerTimeout: options.connectTimeoutMs ?? 5000,
    dprTimeout: 1000,
    ...(options.tls !== undefined && { tls: options.tls }),
    ...(options.watchdogInterval !== undefined && { watchdogInterval: options.watchdogInterval }),
  });

  let connectionFailures = 0;
  let running = false;
  const peers = Array.from(
    { length: connections },
    (_, i) =>
      new PeerConnection({
        config,
        host: options.host,
        port: options.port,
        id: `load${i + 1}`,
        logger,
        requestHandler,
      }),
  );
  for (const p of peers) {
    p.on('failure', (e) => {
      // The library logs the failure itself.
      if (running && e.state !== 'CONNECTING' && e.state !== 'CER_SENT') connectionFailures++;
    });
  }
  const opened = await Promise.all(
    peers.map((p) =>
      p.connect().then(
        () => true,
        (error: Error) => {
          connectionFailures++;
          logger.error({ connectionId: p.connectionId, err: error.message }, 'connection did not open');
          return false;
        },
      ),
    ),
  );
  running = true;
  const refill = rate === undefined;
  const lanes = peers.filter((_, i) => opened[i]).map((p) => new Lane(p, run, window, refill));

  const timers: NodeJS.Timeout[] = [];
  // Sending stops (count, duration, abort, or no connection left); then the requests in flight are waited for,
  // the library's timer expiring them after timeoutMs; the guard covers a timer that never fires.
  const finished = new Promise<void>((resolve) => {
    run.onIdle = resolve;
    run.onStop = () => timers.push(setTimeout(resolve, timeoutMs + 1000));
  });
  const stop = (): void => run.stopSending();
  options.signal?.addEventListener('abort', stop, { once: true });

  const startedAt = performance.now();
  if (lanes.length === 0) run.stopSending();
  else {
    if (options.durationMs !== undefined) timers.push(setTimeout(stop, options.durationMs));
    if (rate === undefined) {
      for (const lane of lanes) lane.fill();
    } else {
      // Token bucket on one timer, spread round-robin over the lanes. A late tick (the generator's own event loop
      // was busy) must not turn into one burst of everything owed: that measures the burst, not the target. So one
      // tick sends at most 2 ms worth; what is owed beyond that (up to 50 ms worth) goes out over the next ticks.
      let tokens = 0;
      let last = performance.now();
      let next = 0;
      const cap = Math.max(1, rate * 0.05);
      const perTick = Math.max(1, rate * 0.002);
      const tick = (): void => {
        const now = performance.now();
        tokens = Math.min(tokens + ((now - last) / 1000) * rate, cap);
        last = now;
        let misses = 0;
        let budget = perTick;
        while (tokens >= 1 && budget >= 1 && run.wantsMore() && misses < lanes.length) {
          const lane = lanes[next];
          next = (next + 1) % lanes.length;
          if (lane.hasFreeSlot && lane.sendOne()) {
            tokens -= 1;
            budget -= 1;
            misses = 0;
          } else misses++;
        }
        if (lanes.every((l) => !l.alive)) stop();
      };
      tick();
      timers.push(setInterval(tick, 1));
    }
  }
  // Window mode: a lane whose connection died stops refilling; when all are dead, stop.
  timers.push(
    setInterval(() => {
      if (!run.sendingDone && lanes.every((l) => !l.alive)) stop();
    }, 50),
  );

  if (options.onProgress !== undefined) {
    const every = options.progressIntervalMs ?? 1000;
    let lastAt = performance.now();
    const onProgress = options.onProgress;
    timers.push(
      setInterval(() => {
        const now = performance.now();
        onProgress({
          elapsed_s: round((now - startedAt) / 1000, 3),
          sent: run.sent,
          answered: run.answered,
          in_flight: run.inFlight,
          req_per_s: Math.round((run.intervalAnswered * 1000) / (now - lastAt)),
          p99_ms: round(run.interval.quantileMs(0.99), 3),
        });
        run.interval.reset();
        run.intervalAnswered = 0;
        lastAt = now;
      }, every),
    );
  }

  await finished;
  for (const t of timers) clearInterval(t);
  options.signal?.removeEventListener('abort', stop);
  const stillInFlight = run.inFlight;
  running = false;
  const endedAt = run.lastAnswerAt > 0 ? run.lastAnswerAt : performance.now();
  await Promise.all(peers.map((p) => p.close({ drainTimeout: 100 }).catch(() => undefined)));

  const elapsed = run.sent > 0 ? Math.max(0.001, (endedAt - run.firstSentAt) / 1000) : 0;
  const resultCodes: Record<string, number> = {};
  for (const [code, count] of [...run.resultCodes].sort((a, b) => a[0] - b[0]))
    resultCodes[String(code)] = count;
  const timeouts = run.timeouts + stillInFlight;
  const notSent = limit === Infinity ? 0 : Math.max(0, limit - run.sent);
  return {
    app,
    connections,
    connections_opened: lanes.length,
    window,
    sent: run.sent,
    answered: run.answered,
    req_per_s: elapsed > 0 ? Math.round(run.answered / elapsed) : 0,
    elapsed_s: round(elapsed, 3),
    p50_ms: round(run.total.quantileMs(0.5), 3),
    p90_ms: round(run.total.quantileMs(0.9), 3),
    p99_ms: round(run.total.quantileMs(0.99), 3),
    p999_ms: round(run.total.quantileMs(0.999), 3),
    max_ms: round(run.total.maxMs, 3),
    mean_ms: round(run.total.meanMs, 3),
    result_codes: resultCodes,
    timeouts,
    connection_lost: run.lost,
    unanswered: timeouts + run.lost,
    not_sent: notSent,
    send_errors: run.sendErrors,
    connection_failures: connectionFailures,
    requests_received: requestsReceived,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Whether a run left something unanswered or unsent: the CLI's exit status. */
export function loadFailed(result: LoadResult): boolean {
  return (
    result.unanswered > 0 ||
    result.not_sent > 0 ||
    result.connection_failures > 0 ||
    result.answered < result.sent
  );
}
