// Liveness of client connections with one timer per instance (not one per connection): every interval, sessions
// silent past the idle limit are terminated and the others get a WebSocket ping (the client library answers
// pong automatically; any frame or pong counts as activity). The seed's JSON ping is answered by the gateway.
import type { Session } from './session.js';

export interface HeartbeatTarget {
  sessions(): Iterable<Session>;
  onIdle(session: Session, silentMs: number): void;
}

export class Heartbeat {
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly intervalMs: number,
    private readonly idleTimeoutMs: number,
    private readonly target: HeartbeatTarget,
  ) {}

  /** May be called twice; never leaves two timers running. */
  start(): void {
    this.stop();
    this.timer = setInterval(() => this.tick(Date.now()), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  tick(now: number): void {
    for (const s of this.target.sessions()) {
      if (s.closing) continue;
      const silent = now - s.lastSeen;
      if (silent > this.idleTimeoutMs) this.target.onIdle(s, silent);
      else if (s.ws.readyState === s.ws.OPEN) s.ws.ping();
    }
  }
}
