import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import * as tls from 'node:tls';
import type { Message } from '../codec/message.js';
import { ResultCode } from '../codec/result-codes.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { InvalidConfigError } from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import type { PeerCapabilities } from '../peer/capabilities.js';
import type { FailureEvent } from '../peer/events.js';
import {
  PeerConnection,
  type CerPolicy,
  type DisconnectCause,
  type RequestHandler,
} from '../peer/peer-connection.js';
import { parsePeerConfig, positive, type PeerConfig, type PeerConfigInput } from '../peer/peer-options.js';

/**
 * The responder side (RFC 6733 §5.3, §5.6.4): accepts peers, answers their CER (optionally only for an
 * allow-list of Origin-Hosts / realms: others get 3010 DIAMETER_UNKNOWN_PEER; no common application gets 5010),
 * runs the watchdog on each, enforces the connection limit, and hands requests to the application.
 */
export interface DiameterServerOptions extends PeerConfigInput {
  /** At most this many peers at once; more are closed at accept (default 1000). */
  maxConnections?: number;
  /** Origin-Hosts allowed to connect (exact, or '*.realm' for one label); absent: everyone. */
  allowedHosts?: string[];
  /** Origin-Realms allowed to connect; absent: every realm. */
  allowedRealms?: string[];
  /** TLS server options: peers talk TLS from the first byte. */
  tlsServer?: tls.TlsOptions;
  dictionary?: Dictionary;
  logger?: Logger;
  requestHandler?: RequestHandler;
  /**
   * Our own initiator connections, for the election of RFC 6733 §5.6.4 when a peer we are dialing dials us too:
   * the higher Origin-Host keeps its initiator connection.
   */
  initiators?: () => Iterable<PeerConnection>;
}

export interface DiameterServerEvents {
  /** A peer completed the capabilities exchange. */
  peer: [PeerConnection];
  /**
   * A connection refused before or at the CER (TLS handshake, limit, allow-list, no common application,
   * election).
   */
  refused: [{ remote: string; reason: string; resultCode?: number }];
  failure: [FailureEvent];
  error: [Error];
}

export class DiameterServer extends EventEmitter<DiameterServerEvents> {
  readonly config: PeerConfig;
  readonly connections = new Set<PeerConnection>();
  private readonly server: net.Server;
  private readonly options: DiameterServerOptions;
  private readonly maxConnections: number;
  private readonly logger: Logger;
  private readonly cerPolicy: CerPolicy;
  refusedCount = 0;

  constructor(options: DiameterServerOptions) {
    super();
    // A responder never reconnects.
    this.config = parsePeerConfig({ ...options, reconnect: false });
    this.options = options;
    this.maxConnections = positive('maxConnections', options.maxConnections, 1000);
    for (const h of options.allowedHosts ?? []) {
      if (typeof h !== 'string' || h.length === 0)
        throw new InvalidConfigError('allowedHosts', `has an empty entry`);
    }
    this.logger = options.logger ?? silentLogger;
    this.cerPolicy = (cer, capabilities) => this.judgeCer(cer, capabilities);
    this.server =
      options.tlsServer !== undefined
        ? tls.createServer(options.tlsServer, (s) => this.accept(s))
        : net.createServer((s) => this.accept(s));
    if (this.server instanceof tls.Server) {
      // Sockets still in their TLS handshake are not peers yet: without a cap of their own, a flood of clients
      // that never finish it would hold file descriptors until the handshake timeout. Room for as many
      // handshakes as peers.
      this.server.maxConnections = 2 * this.maxConnections;
      this.server.on('tlsClientError', (error: Error, socket: tls.TLSSocket) => {
        const remote = `${socket.remoteAddress}:${socket.remotePort}`;
        this.refusedCount++;
        this.logger.warn({ remote, err: error.message }, 'connection refused: TLS handshake failed');
        this.emit('refused', { remote, reason: `TLS handshake failed: ${error.message}` });
      });
    }
    // Errors before listening reject listen(); only later ones are events.
    this.server.on('error', (e) => {
      if (this.server.listening) this.emit('error', e);
    });
  }

  /**
   * New certificate, key or CAs for the handshakes to come (certificate rotation); the peers connected keep their
   * session. Only for a server listening with TLS.
   */
  setSecureContext(options: tls.SecureContextOptions): void {
    if (!(this.server instanceof tls.Server))
      throw new InvalidConfigError('tlsServer', 'this server does not listen with TLS');
    this.server.setSecureContext(options);
  }

  /** Starts listening; resolves with the bound address (port 0 picks a free one). */
  listen(port: number, host = '0.0.0.0'): Promise<net.AddressInfo> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve(this.server.address() as net.AddressInfo);
      });
    });
  }

  get address(): net.AddressInfo | undefined {
    return (this.server.address() as net.AddressInfo | null) ?? undefined;
  }

  /** Stops accepting new connections; the open ones carry on. Resolves once the listening socket is closed. */
  stopListening(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // server.close waits for open connections: resolve as soon as the listener itself is gone.
      setImmediate(resolve);
    });
  }

  /** Stops accepting, then closes every peer with DPR/DPA (letting requests in flight finish). */
  async close(options: { drainTimeout?: number; cause?: DisconnectCause } = {}): Promise<void> {
    const stopped = new Promise<void>((resolve) => this.server.close(() => resolve()));
    await Promise.all(
      [...this.connections].map((c) =>
        c.close({ cause: options.cause ?? 'REBOOTING', drainTimeout: options.drainTimeout }),
      ),
    );
    await stopped;
  }

  private accept(socket: net.Socket): void {
    const remote = `${socket.remoteAddress}:${socket.remotePort}`;
    if (this.connections.size >= this.maxConnections) {
      this.refusedCount++;
      this.logger.warn({ remote, limit: this.maxConnections }, 'connection refused: limit reached');
      this.emit('refused', { remote, reason: `limit of ${this.maxConnections} connections reached` });
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const connection = PeerConnection.accept(
      socket,
      {
        config: this.config,
        dictionary: this.options.dictionary,
        logger: this.logger,
        requestHandler: this.options.requestHandler,
      },
      this.cerPolicy,
    );
    this.connections.add(connection);
    connection.on('open', () => this.emit('peer', connection));
    connection.on('failure', (e) => this.emit('failure', e));
    connection.on('closed', () => this.connections.delete(connection));
  }

  private judgeCer(
    _cer: Message,
    capabilities: PeerCapabilities,
  ): { resultCode: number; errorMessage?: string } {
    const host = capabilities.originHost;
    const refuse = (resultCode: number, errorMessage: string) => {
      this.refusedCount++;
      this.emit('refused', { remote: host, reason: errorMessage, resultCode });
      return { resultCode, errorMessage };
    };
    const hosts = this.options.allowedHosts;
    if (hosts !== undefined && !hosts.some((pattern) => hostMatches(pattern, host))) {
      return refuse(ResultCode.UNKNOWN_PEER, `${host} is not an allowed peer`);
    }
    const realms = this.options.allowedRealms;
    if (realms !== undefined && !realms.includes(capabilities.originRealm)) {
      return refuse(ResultCode.UNKNOWN_PEER, `realm ${capabilities.originRealm} is not allowed`);
    }
    if (capabilities.commonApplicationIds.length === 0) {
      return refuse(ResultCode.NO_COMMON_APPLICATION, 'no application in common');
    }
    const election = this.elect(host);
    if (election !== undefined)
      return refuse(election, 'election lost by the incoming connection (RFC 6733 §5.6.4)');
    return { resultCode: ResultCode.SUCCESS };
  }

  /**
   * RFC 6733 §5.6.4: a peer we are dialing dials us. The side with the higher Origin-Host keeps its initiator
   * connection. We win: refuse theirs (4003 ELECTION_LOST). We lose: drop ours and accept theirs.
   */
  private elect(peerHost: string): number | undefined {
    for (const own of this.options.initiators?.() ?? []) {
      if (own.expectedPeerHost !== peerHost) continue;
      if (own.currentState !== 'CER_SENT' && own.currentState !== 'CONNECTING') continue;
      if (Buffer.compare(Buffer.from(this.config.local.originHost), Buffer.from(peerHost)) > 0) return 4003;
      own.destroy('election lost (RFC 6733 §5.6.4)');
    }
    return undefined;
  }
}

/** Exact match, or '*.example.net' matching one label in front of example.net. */
function hostMatches(pattern: string, host: string): boolean {
  if (pattern === host || pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
  }
  return false;
}
