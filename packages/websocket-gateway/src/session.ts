// One WebSocket connection's state. Kept small on purpose: memory per idle connection is a headline figure
// (no per-connection timers, closures or helper objects; the peer address is read from the socket when logged).
import type { WebSocket } from 'ws';
import type { TokenState } from './rate-limiter.js';

export class Session implements TokenState {
  /** Registered identity; `from` of every message this connection sends. Null until `register`. */
  userId: string | null = null;
  /** Registration timestamp used by the presence compare-and-set (RegistrationClock). */
  regTs = 0;
  /** Last time anything (frame or pong) arrived; the heartbeat closes sessions silent past the idle limit. */
  lastSeen: number;
  /** Last time a "rate limited" error was sent, so the errors themselves cannot flood. */
  rateNoticeAt = 0;
  /** Token bucket of the per-connection rate limit (see rate-limiter.ts). */
  tokens: number;
  tokensAt: number;
  /** Set once the gateway decided to close this session (slow consumer, replaced, idle, shutdown). */
  closing = false;
  /** Its socket is corked until the end of the current turn (frames batched into one write). */
  corked = false;

  constructor(
    readonly id: number,
    readonly ws: WebSocket,
    /** userId fixed by the auth token, or null when auth is off. */
    readonly authUserId: string | null,
    now: number,
    burst: number,
  ) {
    this.lastSeen = now;
    this.tokens = burst;
    this.tokensAt = now;
  }
}
