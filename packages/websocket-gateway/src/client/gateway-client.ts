// Client library for the gateway protocol with heartbeats and failover: given several gateway URLs it moves to
// the next one after a disconnect (with backoff) and registers again, so presence follows the user.
import { EventEmitter } from 'node:events';
import { WebSocket } from 'ws';
import { ClientClosedError } from '../errors.js';
import type { MessageId } from '../protocol.js';
import { exponentialBackoff, type Backoff } from './backoff.js';
import type { ClientStatus } from './client-status.js';

export interface GatewayClientOptions {
  readonly userId: string;
  /** Tried in order; after a disconnect the next one is used (wrapping around). */
  readonly urls: readonly string[];
  /** Auth token (HS256 JWT) when the gateway requires one; sent as `?token=`. */
  readonly token?: string;
  /** JSON ping every interval (the seed's 30 s); no frame for 2 intervals = stale, reconnect. */
  readonly heartbeatIntervalMs?: number;
  readonly backoff?: Backoff;
}

export interface ErrorFrame {
  type: 'error';
  error: string;
  code?: string;
  id?: MessageId;
  to?: string;
}

/** 4001: another device of the same user took over; reconnecting would just steal it back. */
const CLOSE_REPLACED = 4001;

export class GatewayClient extends EventEmitter<{
  message: [from: string, content: string];
  error: [frame: ErrorFrame];
  status: [status: ClientStatus];
}> {
  private ws: WebSocket | null = null;
  private urlIndex = 0;
  private attempt = 0;
  private registered = false;
  private closed = false;
  private lastFrameAt = 0;
  private heartbeat: NodeJS.Timeout | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly heartbeatMs: number;
  private readonly backoff: Backoff;
  private firstRegistration: { resolve: () => void; reject: (e: Error) => void } | null = null;

  constructor(private readonly opts: GatewayClientOptions) {
    super();
    if (opts.urls.length === 0) throw new TypeError('urls must not be empty');
    this.heartbeatMs = opts.heartbeatIntervalMs ?? 30_000;
    this.backoff = opts.backoff ?? exponentialBackoff();
  }

  get currentUrl(): string {
    return this.opts.urls[this.urlIndex];
  }
  get isRegistered(): boolean {
    return this.registered;
  }

  /** Connect and register; resolves on the first `registered`, keeps reconnecting afterwards until close(). */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.firstRegistration = { resolve, reject };
      this.connect();
    });
  }

  /** Returns false when not registered right now (the caller may retry after the next `registered`). */
  send(to: string, content: string, id?: MessageId): boolean {
    if (!this.registered || !this.ws) return false;
    this.ws.send(
      JSON.stringify(
        id === undefined ? { type: 'message', to, content } : { type: 'message', to, content, id },
      ),
    );
    return true;
  }

  close(reason = 'client closed'): void {
    if (this.closed) return;
    this.closed = true;
    this.stopHeartbeat();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.ws?.close(1000, reason);
    this.ws = null;
    this.registered = false;
    this.firstRegistration?.reject(new ClientClosedError());
    this.firstRegistration = null;
    this.emit('status', { type: 'closed', reason });
  }

  private connect(): void {
    const url = this.currentUrl;
    this.attempt++;
    this.emit('status', { type: 'connecting', url, attempt: this.attempt });
    const target = this.opts.token ? `${url}${url.includes('?') ? '&' : '?'}token=${this.opts.token}` : url;
    const ws = new WebSocket(target, { handshakeTimeout: 5000 });
    this.ws = ws;
    ws.on('open', () => {
      this.lastFrameAt = Date.now();
      ws.send(JSON.stringify({ type: 'register', userId: this.opts.userId }));
      this.startHeartbeat(ws, url);
    });
    ws.on('message', (data) => {
      this.lastFrameAt = Date.now();
      this.onFrame(data.toString(), url);
    });
    ws.on('pong', () => (this.lastFrameAt = Date.now()));
    ws.on('error', () => undefined); // 'close' follows and drives the failover
    ws.on('close', (code, reason) => this.onClose(ws, url, code, reason.toString()));
  }

  private onFrame(text: string, url: string): void {
    let f: { type?: string; from?: string; content?: string; gatewayId?: string };
    try {
      f = JSON.parse(text);
    } catch {
      return;
    }
    switch (f.type) {
      case 'registered':
        this.registered = true;
        this.attempt = 0;
        this.emit('status', { type: 'registered', url, gatewayId: f.gatewayId ?? '' });
        this.firstRegistration?.resolve();
        this.firstRegistration = null;
        return;
      case 'message':
        this.emit('message', f.from ?? '', f.content ?? '');
        return;
      case 'error':
        this.emit('error', f as unknown as ErrorFrame);
        return;
    }
  }

  private onClose(ws: WebSocket, url: string, code: number, reason: string): void {
    if (this.ws !== ws) return; // a socket we already gave up on
    this.ws = null;
    this.registered = false;
    this.stopHeartbeat();
    if (this.closed) return;
    this.emit('status', { type: 'disconnected', url, code, reason });
    if (code === CLOSE_REPLACED) return this.close('replaced by another device');
    this.urlIndex = (this.urlIndex + 1) % this.opts.urls.length;
    const delayMs = this.backoff(this.attempt);
    if (delayMs === null) return this.close('gave up reconnecting');
    this.emit('status', { type: 'reconnecting', url: this.currentUrl, attempt: this.attempt, delayMs });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed) this.connect();
    }, delayMs);
  }

  private startHeartbeat(ws: WebSocket, url: string): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      const silentMs = Date.now() - this.lastFrameAt;
      if (silentMs > 2 * this.heartbeatMs) {
        this.emit('status', { type: 'stale', url, silentMs });
        ws.terminate();
        return;
      }
      if (ws.readyState === ws.OPEN) ws.send('{"type":"ping"}');
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
