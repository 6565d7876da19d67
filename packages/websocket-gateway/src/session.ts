// One WebSocket connection's state. Kept small on purpose: memory per idle connection is a headline figure.
import type { WebSocket } from 'ws';
import { TokenBucket } from './rate-limiter.js';

export class Session {
  /** Registered identity; `from` of every message this connection sends. Null until `register`. */
  userId: string | null = null;
  /** Registration timestamp used by the presence compare-and-set (RegistrationClock). */
  regTs = 0;
  /** Last time anything (frame or pong) arrived; the heartbeat closes sessions silent past the idle limit. */
  lastSeen: number;
  /** Last time a "rate limited" error was sent, so the errors themselves cannot flood. */
  rateNoticeAt = 0;
  /** Set once the gateway decided to close this session (slow consumer, replaced, idle, shutdown). */
  closing = false;
  /** Its socket is corked until the end of the current turn (frames batched into one write). */
  corked = false;
  readonly bucket: TokenBucket;

  constructor(
    readonly id: number,
    readonly ws: WebSocket,
    readonly remote: string,
    /** userId fixed by the auth token, or null when auth is off. */
    readonly authUserId: string | null,
    now: number,
    ratePerSec: number,
    burst: number,
  ) {
    this.lastSeen = now;
    this.bucket = new TokenBucket(ratePerSec, burst, now);
  }
}
