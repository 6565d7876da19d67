// The gateway's behaviour between sockets and Redis: the seed's handler (register, ping, message), local-first
// delivery, cross-instance delivery through a RemoteRouter, the multi-device rule, and presence upkeep.
//
// Multi-device rule: latest wins. A new `register` of a user (on this or another instance) replaces the older
// connection, which gets an error frame (code SESSION_REPLACED) and is closed with 4001. One user is held by
// exactly one connection in the cluster, so a message is delivered at most once and routing needs one lookup.
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { GatewayConfig } from './config.js';
import { ConnectionRegistry } from './connection-registry.js';
import type { CloseReason, GatewayStats } from './metrics.js';
import type { Presence } from './presence/presence.js';
import {
  errorFrame,
  messageFrame,
  parseClientFrame,
  PONG_FRAME,
  registeredFrame,
  USER_NOT_FOUND_TEXT,
  type ClientFrame,
  type MessageId,
  type ProtocolErrorCode,
} from './protocol.js';
import { takeToken } from './rate-limiter.js';
import { RegistrationClock } from './registration-clock.js';
import {
  ABSENT,
  DELIVERED,
  FAILED,
  type Delivery,
  type InboundHandler,
  type RemoteRouter,
  type RouteOutcome,
} from './routing/router.js';
import { Session } from './session.js';

/** WebSocket close codes used by the gateway (4xxx are application-defined). */
export const CLOSE_CODES = Object.freeze({
  goingAway: 1001,
  policyViolation: 1008,
  tryAgainLater: 1013,
  replaced: 4001,
  idle: 4002,
});

/** After a gateway-initiated close, give the close handshake this long before destroying the socket. */
const CLOSE_GRACE_MS = 2000;
const RATE_NOTICE_EVERY_MS = 1000;

const kSession = Symbol('session');
const kGateway = Symbol('gateway');
type OwnedSocket = WebSocket & { [kSession]: Session; [kGateway]: Gateway };

// Listeners are module functions bound once per socket; the owner is found through symbols (like ws itself),
// so a connection costs no closures.
function onSocketMessage(this: WebSocket, data: RawData, isBinary: boolean): void {
  const ws = this as OwnedSocket;
  ws[kGateway].onFrame(ws[kSession], data, isBinary);
}
function onSocketPong(this: WebSocket): void {
  (this as OwnedSocket)[kSession].lastSeen = Date.now();
}
function onSocketClose(this: WebSocket): void {
  const ws = this as OwnedSocket;
  ws[kGateway].onClosed(ws[kSession]);
}
function onSocketError(this: WebSocket, err: Error): void {
  const ws = this as OwnedSocket;
  ws[kGateway].onSocketError(ws[kSession], err);
}

/** `address:port` of the peer, for logs (not kept per session). */
function remoteOf(ws: WebSocket): string {
  const sock = socketOf(ws) as Socket | undefined;
  return sock ? `${sock.remoteAddress}:${sock.remotePort}` : 'unknown';
}

/** A message id carried between instances as JSON ('' for none); only decoded on error paths. */
function decodeId(text: string): MessageId | undefined {
  if (text === '') return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' || typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** ws does not expose its net.Socket; cork/uncork on it is what batches frames into one write. */
function socketOf(ws: WebSocket): Socket {
  return (ws as unknown as { _socket: Socket })._socket;
}

export interface GatewayDeps {
  readonly config: GatewayConfig;
  readonly logger: Logger;
  readonly presence: Presence;
  readonly router: RemoteRouter;
  readonly stats: GatewayStats;
}

export class Gateway implements InboundHandler {
  readonly registry = new ConnectionRegistry();
  private readonly clock = new RegistrationClock();
  private readonly config: GatewayConfig;
  private readonly logger: Logger;
  private readonly presence: Presence;
  private readonly router: RemoteRouter;
  private readonly stats: GatewayStats;
  /** Releases that failed (Redis away); the sweep retries them unless the user came back. */
  private readonly pendingReleases = new Map<string, number>();
  private nextSessionId = 1;
  private shuttingDown = false;
  /** Sockets corked in this turn of the event loop; uncorked together in one nextTick (see send). */
  private readonly corked: Session[] = [];
  private readonly uncorkAll = (): void => {
    for (const s of this.corked) {
      s.corked = false;
      socketOf(s.ws).uncork();
    }
    this.corked.length = 0;
  };

  constructor(deps: GatewayDeps) {
    this.config = deps.config;
    this.logger = deps.logger;
    this.presence = deps.presence;
    this.router = deps.router;
    this.stats = deps.stats;
    this.router.attach(this);
  }

  accept(ws: WebSocket, authUserId: string | null): Session {
    const s = new Session(this.nextSessionId++, ws, authUserId, Date.now(), this.config.rateLimitBurst);
    const owned = ws as OwnedSocket;
    owned[kSession] = s;
    owned[kGateway] = this;
    owned.on('message', onSocketMessage);
    owned.on('pong', onSocketPong);
    owned.on('close', onSocketClose);
    owned.on('error', onSocketError);
    this.registry.add(s);
    return s;
  }

  onFrame(s: Session, data: RawData, isBinary: boolean): void {
    const now = Date.now();
    s.lastSeen = now;
    this.stats.messagesIn++;
    if (s.closing) return;
    if (!takeToken(s, now, this.config.rateLimitPerSec, this.config.rateLimitBurst)) {
      this.stats.rateLimited++;
      if (now - s.rateNoticeAt >= RATE_NOTICE_EVERY_MS) {
        s.rateNoticeAt = now;
        this.sendError(
          s,
          'RATE_LIMITED',
          `Rate limit exceeded: at most ${this.config.rateLimitPerSec} messages/s`,
        );
      }
      return;
    }
    if (isBinary) {
      this.sendError(s, 'BINARY_UNSUPPORTED', 'Binary frames are not supported; send JSON text');
      return;
    }
    const parsed = parseClientFrame(data.toString(), this.config);
    if (!parsed.ok) {
      this.sendError(s, parsed.code, parsed.error, parsed.id);
      return;
    }
    this.handle(s, parsed.frame);
  }

  private handle(s: Session, frame: ClientFrame): void {
    switch (frame.type) {
      case 'ping':
        this.send(s, PONG_FRAME);
        return;
      case 'register':
        this.register(s, frame.userId);
        return;
      case 'message':
        this.message(s, frame.to, frame.content, frame.id);
        return;
    }
  }

  private register(s: Session, requested: string | null): void {
    const userId = requested ?? s.authUserId;
    if (userId === null) return this.sendError(s, 'INVALID_USER_ID', 'userId is required');
    if (s.authUserId !== null && userId !== s.authUserId) {
      return this.sendError(s, 'AUTH_MISMATCH', 'userId does not match the auth token');
    }
    if (s.userId !== null) {
      if (s.userId === userId) this.send(s, registeredFrame(userId, this.config.id));
      else this.sendError(s, 'ALREADY_REGISTERED', `Already registered as ${s.userId}`);
      return;
    }
    const ts = this.clock.now();
    s.userId = userId;
    s.regTs = ts;
    this.pendingReleases.delete(userId);
    const previous = this.registry.bind(userId, s);
    if (previous) this.replace(previous, 'newer connection on this instance');
    // `registered` is sent once presence is written, so a peer told "alice is online" can reach her at once.
    this.presence.claim(userId, ts).then(
      (res) => {
        if (s.closing || this.registry.get(userId) !== s) return;
        if (!res.accepted) return this.replace(s, 'a newer registration exists elsewhere');
        this.send(s, registeredFrame(userId, this.config.id));
      },
      (err: Error) => {
        // Redis away: the user is registered here (local delivery works); presence is re-published on recovery.
        this.logger.warn({ userId, err: err.message }, 'presence claim failed; registered locally only');
        if (!s.closing && this.registry.get(userId) === s)
          this.send(s, registeredFrame(userId, this.config.id));
      },
    );
  }

  private message(s: Session, to: string, content: string, id: MessageId | undefined): void {
    const from = s.userId;
    if (from === null) return this.sendError(s, 'NOT_REGISTERED', 'Not registered: send register first', id);
    const frame = messageFrame(from, content);
    const local = this.registry.get(to);
    if (local) {
      // Same instance: never touches Redis.
      if (this.send(local, frame)) this.stats.deliveredLocal++;
      else {
        this.stats.lost.slow_consumer++;
        this.sendError(s, 'DELIVERY_FAILED', 'Delivery failed: recipient is not accepting messages', id, to);
      }
      return;
    }
    if (this.router.kind === 'local') return this.sendError(s, 'USER_NOT_FOUND', USER_NOT_FOUND_TEXT, id, to);
    this.router.route(s, to, from, id === undefined ? '' : JSON.stringify(id), frame);
  }

  // --- towards the RemoteRouter (InboundHandler) ---

  routed(s: Session, to: string, idJson: string, outcome: RouteOutcome): void {
    switch (outcome) {
      case 'sent':
        this.stats.routedRemote++;
        return;
      case 'not-found':
        this.sendError(s, 'USER_NOT_FOUND', USER_NOT_FOUND_TEXT, decodeId(idJson), to);
        return;
      case 'unavailable':
        this.stats.lost.redis_unavailable++;
        this.sendError(
          s,
          'DELIVERY_FAILED',
          'Delivery failed: routing store unavailable, retry later',
          decodeId(idJson),
          to,
        );
        return;
    }
  }

  deliver(to: string, frame: string): Delivery {
    const local = this.registry.get(to);
    if (local === undefined) return ABSENT;
    if (!this.send(local, frame)) return FAILED;
    this.stats.deliveredFromRemote++;
    return DELIVERED;
  }

  droppedInbound(): void {
    this.stats.lost.undeliverable++;
  }

  evict(userId: string, ts: number): void {
    const s = this.registry.get(userId);
    if (s && s.regTs < ts) this.replace(s, 'newer connection on another instance');
  }

  undeliverable(from: string, to: string, idJson: string): void {
    const s = this.registry.get(from);
    if (s) this.sendError(s, 'USER_NOT_FOUND', USER_NOT_FOUND_TEXT, decodeId(idJson), to);
  }

  // --- sending and closing ---

  /** Send unless the session is closing; a send buffer over the limit closes it as a slow consumer. */
  send(s: Session, frame: string): boolean {
    const ws = s.ws;
    if (s.closing || ws.readyState !== ws.OPEN) return false;
    if (ws.bufferedAmount > this.config.maxBufferedBytes) {
      this.close(s, CLOSE_CODES.tryAgainLater, 'slow consumer: send buffer full', 'slow_consumer', {
        bufferedAmount: ws.bufferedAmount,
        limit: this.config.maxBufferedBytes,
      });
      return false;
    }
    // Frames for the same socket in the same turn (a Redis chunk carries hundreds of messages) leave in one
    // write system call instead of one each: cork now, uncork all corked sockets once the turn ends.
    if (!s.corked) {
      s.corked = true;
      socketOf(ws).cork();
      if (this.corked.push(s) === 1) process.nextTick(this.uncorkAll);
    }
    ws.send(frame);
    this.stats.messagesOut++;
    return true;
  }

  private sendError(s: Session, code: ProtocolErrorCode, text: string, id?: MessageId, to?: string): void {
    this.stats.error(code);
    this.send(s, errorFrame(code, text, id, to));
  }

  private replace(s: Session, why: string): void {
    // Unbind first: the newer registration owns presence now, so this session's close must not release it.
    this.registry.unbind(s);
    this.sendError(s, 'SESSION_REPLACED', 'Session replaced by a newer connection of the same user');
    this.close(s, CLOSE_CODES.replaced, 'replaced by a newer connection', 'replaced', { why });
  }

  close(
    s: Session,
    code: number,
    reason: string,
    why: CloseReason,
    details: Record<string, unknown> = {},
  ): void {
    if (s.closing) return;
    s.closing = true;
    this.stats.closed[why]++;
    const level = why === 'slow_consumer' || why === 'idle' ? 'warn' : 'info';
    const ws = s.ws;
    this.logger[level](
      { sessionId: s.id, userId: s.userId, remote: remoteOf(ws), code, reason, ...details },
      'closing',
    );
    ws.close(code, reason);
    setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
  }

  onClosed(s: Session): void {
    s.closing = true;
    const holder = this.registry.remove(s);
    if (!holder || s.userId === null || this.shuttingDown) return;
    const { userId, regTs } = s;
    this.presence.release(userId, regTs).catch(() => {
      if (!this.registry.get(userId)) this.pendingReleases.set(userId, regTs);
    });
  }

  onSocketError(s: Session, err: Error): void {
    // ws closes the socket itself after protocol errors (e.g. 1009 for a frame over maxPayload).
    this.logger.info({ sessionId: s.id, userId: s.userId, err: err.message }, 'socket error');
  }

  // --- presence upkeep (timers owned by the server) ---

  /** Idle limit passed: terminate (a silent peer will not complete a close handshake). */
  onIdle(s: Session, silentMs: number): void {
    this.close(s, CLOSE_CODES.idle, 'idle timeout', 'idle', { silentMs });
    s.ws.terminate();
  }

  /** Extend (or re-create) presence for every local user in batches; close sessions a newer registration took. */
  async refreshPresence(): Promise<number> {
    const entries = this.registry.presenceEntries();
    const lost = await this.presence.refresh(entries);
    for (const userId of lost) {
      const s = this.registry.get(userId);
      if (s) this.replace(s, 'presence held by a newer registration');
    }
    return entries.length;
  }

  /** The seed's 60 s health check: drop sessions whose socket closed unnoticed, retry failed releases. */
  async sweep(): Promise<{ stale: number; released: number }> {
    let stale = 0;
    for (const s of this.registry.all()) {
      if (s.ws.readyState === s.ws.CLOSED) {
        this.onClosed(s);
        stale++;
      }
    }
    let released = 0;
    for (const [userId, ts] of [...this.pendingReleases]) {
      if (this.registry.get(userId)) {
        this.pendingReleases.delete(userId);
        continue;
      }
      try {
        await this.presence.release(userId, ts);
        this.pendingReleases.delete(userId);
        released++;
      } catch {
        break; // Redis still away; try again next sweep
      }
    }
    return { stale, released };
  }

  /** Close every client with a reason, then release this instance's presence (CAS-guarded, batched). */
  async shutdown(): Promise<number> {
    this.shuttingDown = true;
    const entries = this.registry.presenceEntries();
    for (const s of [...this.registry.all()]) {
      this.sendError(s, 'SHUTTING_DOWN', 'Gateway shutting down; reconnect to another instance');
      this.close(s, CLOSE_CODES.goingAway, 'gateway shutting down', 'shutdown');
    }
    try {
      return await this.presence.releaseAll(entries);
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        'presence release at shutdown failed; entries expire by TTL',
      );
      return 0;
    }
  }
}
