import { EventEmitter } from 'node:events';
import type { Message } from '../codec/message.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { DiameterError, InvalidConfigError, PoolClosedError } from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import { AddressClientDefaults } from '../peer/defaults.js';
import type { FailureEvent } from '../peer/events.js';
import { PeerConnection, type RequestHandler, type RequestOptions } from '../peer/peer-connection.js';
import { parsePeerConfig, positive, type PeerConfig, type PeerConfigInput } from '../peer/peer-options.js';

/**
 * Sends to any remote address over one managed connection per address, made on demand
 * (diameter-address-client.md). Concurrent first callers of an address share one dial and one CER. An idle
 * connection (no request for `idleTimeout`) and an old one (`maxLifetime`) are closed gracefully with DPR, after
 * the requests in flight on them are answered; a new connection takes over for new requests at once.
 */
export interface AddressClientOptions extends PeerConfigInput {
  /** Close a connection unused for this long, ms (default 10 min; 0: never). */
  idleTimeout?: number;
  /** Close (and replace on next use) a connection older than this, ms (default 1 h; 0: never). */
  maxLifetime?: number;
  dictionary?: Dictionary;
  logger?: Logger;
  requestHandler?: RequestHandler;
}

export interface AddressClientMetrics {
  readonly active: number;
  readonly created: number;
  readonly closedTotal: number;
  readonly closedIdle: number;
  readonly closedLifetime: number;
  readonly failedHandshakes: number;
  readonly reconnects: number;
}

interface Entry {
  readonly address: string;
  readonly connection: PeerConnection;
  readonly opening: Promise<PeerConnection>;
  readonly createdAt: number;
  lastUsed: number;
}

export interface AddressClientEvents {
  failure: [FailureEvent];
  /** A connection was closed by the client itself: idle, lifetime or close(). */
  retired: [
    {
      readonly address: string;
      readonly connectionId: string;
      readonly reason: 'idle' | 'lifetime' | 'closed';
    },
  ];
}

export class AddressClient extends EventEmitter<AddressClientEvents> {
  readonly config: PeerConfig;
  private readonly entries = new Map<string, Entry>();
  private readonly idleTimeout: number;
  private readonly maxLifetime: number;
  private readonly options: AddressClientOptions;
  private readonly logger: Logger;
  private sweepTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private created = 0;
  private closedTotal = 0;
  private closedIdle = 0;
  private closedLifetime = 0;
  private failedHandshakes = 0;
  private reconnects = 0;

  constructor(options: AddressClientOptions) {
    super();
    this.options = options;
    this.config = parsePeerConfig({ reconnect: AddressClientDefaults.reconnect, ...options });
    this.idleTimeout = positive('idleTimeout', options.idleTimeout, AddressClientDefaults.idleTimeout, true);
    this.maxLifetime = positive('maxLifetime', options.maxLifetime, AddressClientDefaults.maxLifetime, true);
    this.logger = options.logger ?? silentLogger;
    const period = Math.min(...[this.idleTimeout, this.maxLifetime].filter((t) => t > 0), 60_000) / 4;
    this.sweepTimer = setInterval(() => this.sweep(), Math.max(10, period));
    this.sweepTimer.unref();
  }

  /** Sends to `host:port` (port 3868 if omitted) and resolves with the decoded answer. */
  async send(address: string, message: Message | Buffer, options: RequestOptions = {}): Promise<Message> {
    const connection = await this.connectionFor(address, options.signal);
    return connection.request(message, options);
  }

  /** Like send(), with the answer's bytes. */
  async sendBytes(address: string, bytes: Buffer, options: RequestOptions = {}): Promise<Buffer> {
    const connection = await this.connectionFor(address, options.signal);
    return connection.requestBytes(bytes, options);
  }

  /** The open connection for an address, dialing it (once, whoever asks) if needed. */
  async connectionFor(address: string, signal?: AbortSignal): Promise<PeerConnection> {
    if (this.closed) throw new PoolClosedError('address client');
    const key = normalise(address);
    let entry = this.entries.get(key);
    if (entry === undefined) entry = this.open(key);
    entry.lastUsed = Date.now();
    if (entry.connection.currentState === 'OPEN') return entry.connection;
    if (signal === undefined) return entry.opening;
    return Promise.race([
      entry.opening,
      new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
      ),
    ]);
  }

  get metrics(): AddressClientMetrics {
    return {
      active: [...this.entries.values()].filter((e) => e.connection.currentState === 'OPEN').length,
      created: this.created,
      closedTotal: this.closedTotal,
      closedIdle: this.closedIdle,
      closedLifetime: this.closedLifetime,
      failedHandshakes: this.failedHandshakes,
      reconnects: this.reconnects,
    };
  }

  /** Closes every connection with DPR after its requests in flight are answered. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.sweepTimer !== undefined) clearInterval(this.sweepTimer);
    await Promise.all([...this.entries.values()].map((e) => this.retire(e, 'closed')));
  }

  private open(key: string): Entry {
    const [host, portText] = splitAddress(key);
    const connection = new PeerConnection({
      config: this.config,
      host,
      port: Number(portText),
      dictionary: this.options.dictionary,
      logger: this.logger,
      requestHandler: this.options.requestHandler,
    });
    this.created++;
    connection.on('failure', (e) => {
      if (e.kind === 'cea-failure' || e.kind === 'cer-timeout') this.failedHandshakes++;
      this.emit('failure', e);
    });
    connection.on('open', () => {
      if (connection.stats.reconnects > 0) this.reconnects++;
    });
    connection.on('closed', () => {
      // Gone for good (no reconnect, or closed by us): the next send dials afresh.
      if (this.entries.get(key)?.connection === connection) this.entries.delete(key);
    });
    const opening = connection.connect().then(() => connection);
    opening.catch(() => undefined);
    const entry: Entry = { address: key, connection, opening, createdAt: Date.now(), lastUsed: Date.now() };
    this.entries.set(key, entry);
    return entry;
  }

  private sweep(): void {
    const now = Date.now();
    for (const entry of [...this.entries.values()]) {
      if (entry.connection.currentState !== 'OPEN') continue;
      if (this.maxLifetime > 0 && now - entry.createdAt >= this.maxLifetime) {
        this.closedLifetime++;
        void this.retire(entry, 'lifetime');
      } else if (
        this.idleTimeout > 0 &&
        now - entry.lastUsed >= this.idleTimeout &&
        entry.connection.pendingCount === 0
      ) {
        this.closedIdle++;
        void this.retire(entry, 'idle');
      }
    }
  }

  /** Takes the connection out of service at once (new sends dial anew), then closes it gracefully. */
  private async retire(entry: Entry, reason: 'idle' | 'lifetime' | 'closed'): Promise<void> {
    if (this.entries.get(entry.address) === entry) this.entries.delete(entry.address);
    this.closedTotal++;
    this.logger.info(
      { address: entry.address, connectionId: entry.connection.connectionId, reason },
      'closing connection',
    );
    this.emit('retired', { address: entry.address, connectionId: entry.connection.connectionId, reason });
    await entry.connection.close({ cause: 'DO_NOT_WANT_TO_TALK_TO_YOU' });
  }
}

function splitAddress(address: string): [string, string] {
  const i = address.lastIndexOf(':');
  return [address.slice(0, i).replace(/^\[|\]$/g, ''), address.slice(i + 1)];
}

function normalise(address: string): string {
  if (typeof address !== 'string' || address.length === 0)
    throw new InvalidConfigError('address', 'must be "host:port"');
  const bracketed = address.startsWith('[');
  const i = address.lastIndexOf(':');
  const hasPort = bracketed ? address.includes(']:') : i > 0 && address.indexOf(':') === i;
  const withPort = hasPort ? address : `${address}:3868`;
  const port = Number(withPort.slice(withPort.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new DiameterError('ERR_INVALID_CONFIG', `invalid address ${address}: bad port`);
  return withPort;
}
