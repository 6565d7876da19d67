import { EventEmitter } from 'node:events';
import type { Message } from '../codec/message.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import {
  AbortError,
  DiameterError,
  NoActiveConnectionError,
  PoolClosedError,
  TimeoutError,
} from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import { PoolDefaults, PeerDefaults } from '../peer/defaults.js';
import type { FailureEvent, StateChangeEvent, WatchdogChangeEvent } from '../peer/events.js';
import {
  PeerConnection,
  type ConnectionStats,
  type RequestHandler,
  type RequestOptions,
} from '../peer/peer-connection.js';
import { parsePeerConfig, positive, type PeerConfig, type PeerConfigInput } from '../peer/peer-options.js';
import type { AnswerSink, PendingRequest } from '../peer/pending-requests.js';

/**
 * N connections to one peer (a DRA), used round robin over those the watchdog trusts (diameter-client.md). The
 * pool reacts to each connection's events at once: a failed connection leaves the rotation on its failure event,
 * and rejoins when its watchdog is OKAY again. A periodic health line is only a safety net for the eyes.
 */
export interface ConnectionPoolOptions extends PeerConfigInput {
  host: string;
  port?: number;
  /** Connections to open (default 5). */
  connections?: number;
  /** Name used in ids and logs (default host:port). */
  name?: string;
  /** Interval of the health log line, ms (default 30 s; 0 turns it off). */
  healthLogInterval?: number;
  dictionary?: Dictionary;
  logger?: Logger;
  /** Handles requests the peer sends us on any of the connections. */
  requestHandler?: RequestHandler;
}

export interface PoolStats {
  readonly name: string;
  readonly totalConnections: number;
  readonly activeConnections: number;
  readonly totalMessagesSent: number;
  readonly totalMessagesReceived: number;
  readonly totalBytesSent: number;
  readonly totalBytesReceived: number;
  readonly totalReconnects: number;
  readonly totalTimeouts: number;
  readonly pending: number;
  readonly connections: readonly (ConnectionStats & { readonly id: string })[];
}

export interface PoolEvents {
  /** A connection failed (its own failure event, forwarded). */
  failure: [FailureEvent];
  state: [StateChangeEvent];
  watchdog: [WatchdogChangeEvent];
  /** The number of usable connections changed. */
  active: [{ readonly active: number; readonly total: number }];
}

export class ConnectionPool extends EventEmitter<PoolEvents> {
  readonly name: string;
  readonly config: PeerConfig;
  private readonly connections: PeerConnection[] = [];
  private usable: PeerConnection[] = [];
  private next = 0;
  private closed = false;
  private started = false;
  private waiters = new Set<() => void>();
  private healthTimer: NodeJS.Timeout | undefined;
  private readonly logger: Logger;
  private readonly healthLogInterval: number;

  constructor(options: ConnectionPoolOptions) {
    super();
    this.config = parsePeerConfig(options);
    const port = options.port ?? PeerDefaults.port;
    this.name = options.name ?? `${options.host}:${port}`;
    this.logger = options.logger ?? silentLogger;
    const count = positive('connections', options.connections, PoolDefaults.connections);
    if (!Number.isInteger(count))
      throw new DiameterError('ERR_INVALID_CONFIG', 'invalid configuration: connections must be an integer');
    this.healthLogInterval = positive(
      'healthLogInterval',
      options.healthLogInterval,
      PoolDefaults.healthLogInterval,
      true,
    );
    for (let i = 0; i < count; i++) {
      const c = new PeerConnection({
        config: this.config,
        host: options.host,
        port,
        id: `${this.name}#${i + 1}`,
        dictionary: options.dictionary,
        logger: this.logger,
        requestHandler: options.requestHandler,
      });
      c.on('usable', () => this.refresh());
      c.on('failure', (e) => {
        this.refresh();
        this.emit('failure', e);
      });
      c.on('state', (e) => this.emit('state', e));
      c.on('watchdog', (e) => this.emit('watchdog', e));
      this.connections.push(c);
    }
  }

  /** Opens every connection in the background; each reconnects by itself with backoff. */
  start(): this {
    if (this.closed) throw new PoolClosedError();
    if (this.started) return this;
    this.started = true;
    for (const c of this.connections) c.connect().catch(() => undefined);
    if (this.healthLogInterval > 0) {
      this.healthTimer = setInterval(() => this.logHealth(), this.healthLogInterval);
      this.healthTimer.unref();
    }
    return this;
  }

  /** Resolves with a usable connection as soon as there is one; rejects on timeout, abort or close. */
  waitForConnection(options: { timeout?: number; signal?: AbortSignal } = {}): Promise<PeerConnection> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    const ready = this.pick();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (error?: Error) => {
        this.waiters.delete(check);
        if (timer !== undefined) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
      };
      const check = () => {
        if (this.closed) return done(new PoolClosedError());
        const c = this.pick();
        if (c !== undefined) {
          done();
          resolve(c);
        }
      };
      const onAbort = () => done(new AbortError('waitForConnection', { cause: options.signal?.reason }));
      this.waiters.add(check);
      if (options.timeout !== undefined) {
        timer = setTimeout(
          () => done(new TimeoutError('waitForConnection', options.timeout!)),
          options.timeout,
        );
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The next usable connection, round robin; undefined when none is. */
  pick(): PeerConnection | undefined {
    const n = this.usable.length;
    if (n === 0) return undefined;
    const c = this.usable[this.next++ % n];
    if (this.next >= 0x4000_0000) this.next = 0;
    return c;
  }

  /** Sends a request on the next usable connection and resolves with the decoded answer. */
  request(message: Message | Buffer, options: RequestOptions = {}): Promise<Message> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    const c = this.pick();
    if (c === undefined) return Promise.reject(new NoActiveConnectionError(this.name));
    return c.request(message, options);
  }

  /** The relay's allocation-free send (see PeerConnection.forward), on the next usable connection. */
  forward<T>(bytes: Buffer, timeoutMs: number, sink: AnswerSink<T>, token: T): PendingRequest<T> {
    if (this.closed) throw new PoolClosedError();
    const c = this.pick();
    if (c === undefined) throw new NoActiveConnectionError(this.name);
    return c.forward(bytes, timeoutMs, sink, token);
  }

  /** Sends on one connection by id (diameter-client.md SendToConnection). */
  sendToConnection(id: string, message: Message | Buffer, options: RequestOptions = {}): Promise<Message> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    const c = this.connections.find((x) => x.connectionId === id);
    if (c === undefined)
      return Promise.reject(
        new DiameterError('ERR_UNKNOWN_CONNECTION', `no connection ${id} in ${this.name}`),
      );
    return c.request(message, options);
  }

  isHealthy(): boolean {
    return !this.closed && this.usable.length > 0;
  }

  get activeCount(): number {
    return this.usable.length;
  }

  get allConnections(): readonly PeerConnection[] {
    return this.connections;
  }

  get activeConnections(): readonly PeerConnection[] {
    return this.usable;
  }

  connectionStates(): Record<string, string> {
    return Object.fromEntries(
      this.connections.map((c) => [c.connectionId, `${c.currentState}/${c.watchdogState}`]),
    );
  }

  get stats(): PoolStats {
    const connections = this.connections.map((c) => ({ id: c.connectionId, ...c.stats }));
    const sum = (f: (s: ConnectionStats) => number) => connections.reduce((n, s) => n + f(s), 0);
    return {
      name: this.name,
      totalConnections: connections.length,
      activeConnections: this.usable.length,
      totalMessagesSent: sum((s) => s.messagesSent),
      totalMessagesReceived: sum((s) => s.messagesReceived),
      totalBytesSent: sum((s) => s.bytesSent),
      totalBytesReceived: sum((s) => s.bytesReceived),
      totalReconnects: sum((s) => s.reconnects),
      totalTimeouts: sum((s) => s.timeouts),
      pending: sum((s) => s.pending),
      connections,
    };
  }

  /** Closes every connection with DPR/DPA, letting requests in flight finish (up to `drainTimeout`). */
  async close(options: { drainTimeout?: number } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.healthTimer !== undefined) clearInterval(this.healthTimer);
    for (const w of [...this.waiters]) w();
    await Promise.all(
      this.connections.map((c) => c.close({ cause: 'REBOOTING', drainTimeout: options.drainTimeout })),
    );
    this.usable = [];
  }

  private refresh(): void {
    const before = this.usable.length;
    this.usable = this.connections.filter((c) => c.isUsable);
    if (this.usable.length !== before) {
      this.emit('active', { active: this.usable.length, total: this.connections.length });
      if (this.usable.length > 0) for (const w of [...this.waiters]) w();
    }
  }

  private logHealth(): void {
    const s = this.stats;
    this.logger.info(
      {
        pool: this.name,
        active: s.activeConnections,
        total: s.totalConnections,
        sent: s.totalMessagesSent,
        recv: s.totalMessagesReceived,
        reconnects: s.totalReconnects,
      },
      `[Pool] Health: ${s.activeConnections}/${s.totalConnections} active, sent=${s.totalMessagesSent}, recv=${s.totalMessagesReceived}, reconnects=${s.totalReconnects}`,
    );
  }
}
