import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { decodeMessage } from '../codec/decoder.js';
import { encodeMessage } from '../codec/encoder.js';
import { CommandFlag } from '../codec/flags.js';
import { Framer } from '../codec/framer.js';
import * as view from '../codec/header-view.js';
import type { Message } from '../codec/message.js';
import { ResultCode } from '../codec/result-codes.js';
import { createAnswer } from '../dictionary/answer.js';
import { defaultDictionary } from '../dictionary/default-dictionary.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { buildMessage } from '../dictionary/message-builder.js';
import { createErrorAnswer, inspectMessage } from '../dictionary/validator.js';
import {
  AbortError,
  ConnectionClosedError,
  DecodeError,
  DiameterError,
  FramingError,
  HandshakeError,
  TimeoutError,
} from '../errors.js';
import { silentLogger, type Logger } from '../logger.js';
import { buildCea, buildCer, ceaSucceeded, peerCapabilities, type PeerCapabilities } from './capabilities.js';
import type { ConnectionRef, FailureKind, PeerConnectionEvents } from './events.js';
import { HopByHopIds, nextEndToEndId } from './identifiers.js';
import type { PeerConfig } from './peer-options.js';
import { PendingRequest, PendingRequests, type AnswerSink } from './pending-requests.js';
import { assertTransition, type PeerState } from './states.js';
import { Watchdog, type WatchdogState } from './watchdog.js';

/**
 * Date.now() when the chunk whose messages are being handled was read, by any connection, else 0. Set and cleared
 * around the synchronous handling of one chunk, so it never outlives it. The watchdog, the RTT and a request
 * forwarded from there (on another connection, as a relay does) take their time from it: a clock read costs
 * ~80 ns (Date.now() goes through a runtime call), and a relayed request used to take seven of them.
 */
let chunkWallAt = 0;

/** The outbox's reusable join buffer: a flush larger than this gets a buffer of its own. */
const SCRATCH_SIZE = 64 * 1024;

/**
 * One Diameter peer connection over TCP or TLS (RFC 6733 §5): capabilities exchange, the RFC 3539 watchdog,
 * requests and answers, DPR/DPA, and (as initiator) reconnection with backoff. It is either the initiator (it
 * dials, sends CER) or the responder (built on an accepted socket by the server, it answers the CER).
 *
 * The hot path is allocation-lean: socket and framer callbacks are bound once per connection, requests wait in
 * one map with one timer, Hop-by-Hop ids are written into the caller's buffer in place, and writes made in the
 * same tick go out in one write, one system call.
 */

/** Receives the requests the peer sends us. Answer with `connection.send(answerBytes)`. */
export interface RequestHandler {
  handleRequest(request: Buffer, connection: PeerConnection): void;
}

/** Decides whether to accept a peer's CER (responder side): a Result-Code, 2001 to accept. */
export type CerPolicy = (
  cer: Message,
  capabilities: PeerCapabilities,
) => { resultCode: number; errorMessage?: string };

export type DisconnectCause = 'REBOOTING' | 'BUSY' | 'DO_NOT_WANT_TO_TALK_TO_YOU';
const DISCONNECT_CAUSE: Record<number, DisconnectCause> = {
  0: 'REBOOTING',
  1: 'BUSY',
  2: 'DO_NOT_WANT_TO_TALK_TO_YOU',
};
const DISCONNECT_VALUE: Record<DisconnectCause, number> = {
  REBOOTING: 0,
  BUSY: 1,
  DO_NOT_WANT_TO_TALK_TO_YOU: 2,
};

export interface ConnectionStats {
  readonly messagesSent: number;
  readonly messagesReceived: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
  readonly requestsSent: number;
  readonly answersReceived: number;
  readonly timeouts: number;
  readonly unexpectedAnswers: number;
  readonly reconnects: number;
  readonly pending: number;
  /** Exponentially weighted moving average of request round trips, ms. */
  readonly rttMs: number;
  readonly lastError: string | undefined;
  readonly state: PeerState;
  readonly watchdog: WatchdogState;
}

export interface RequestOptions {
  timeout?: number;
  signal?: AbortSignal;
}

interface PromiseToken {
  resolve: (value: Buffer) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/** Settles request() promises; one object for all of them. */
const promiseSink: AnswerSink<PromiseToken> = {
  answer(token, answer) {
    if (token.onAbort !== undefined) token.signal!.removeEventListener('abort', token.onAbort);
    token.resolve(answer);
  },
  fail(token, error) {
    if (token.onAbort !== undefined) token.signal!.removeEventListener('abort', token.onAbort);
    token.reject(error);
  },
};

let nextConnectionNumber = 1;

export interface PeerConnectionInit {
  readonly config: PeerConfig;
  readonly host: string;
  readonly port: number;
  readonly id?: string;
  readonly dictionary?: Dictionary;
  readonly logger?: Logger;
  readonly requestHandler?: RequestHandler;
  /** The Origin-Host we expect at the other end (initiator), for the election of RFC 6733 §5.6.4. */
  readonly peerHost?: string;
}

export class PeerConnection extends EventEmitter<PeerConnectionEvents> implements ConnectionRef {
  readonly connectionId: string;
  readonly remote: string;
  readonly role: 'initiator' | 'responder';
  readonly config: PeerConfig;
  readonly dictionary: Dictionary;
  readonly expectedPeerHost: string | undefined;
  requestHandler: RequestHandler | undefined;
  /** The peer's capabilities, once the exchange succeeded. */
  capabilities: PeerCapabilities | undefined;

  private readonly host: string;
  private readonly port: number;
  private readonly logger: Logger;
  private state: PeerState = 'DISCONNECTED';
  private socket: net.Socket | undefined;
  private framer: Framer | undefined;
  private readonly pending: PendingRequests;
  private readonly hopByHop = new HopByHopIds();
  private readonly watchdog: Watchdog;
  private stageTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private outbox: Buffer[] = [];
  private outboxBytes = 0;
  private flushScheduled = false;
  private scratch: Buffer | undefined = undefined;
  private cerHopByHop = 0;
  private cerPolicy: CerPolicy | undefined;
  private closeWaiters: (() => void)[] = [];
  private dpaWaiter: (() => void) | undefined;
  private peerDisconnectCause: DisconnectCause | undefined;
  private openWaiters: { resolve: () => void; reject: (e: Error) => void }[] = [];
  /** close() or destroy() was called: whatever happens next, no reconnect. */
  private stopping = false;

  private messagesSent = 0;
  private messagesReceived = 0;
  private bytesSent = 0;
  private bytesReceived = 0;
  private requestsSent = 0;
  private answersReceived = 0;
  private timeouts = 0;
  private unexpectedAnswers = 0;
  private reconnects = 0;
  private rttMs = 0;
  private lastError: string | undefined;
  /** performance.now() when this connection last read a chunk (see readAt). */
  private chunkReadAt = 0;

  private readonly onFrameBound = (frame: Buffer): void => this.onFrame(frame);
  private readonly flushBound = (): void => this.flush();

  constructor(init: PeerConnectionInit, role: 'initiator' | 'responder' = 'initiator') {
    super();
    this.config = init.config;
    this.host = init.host;
    this.port = init.port;
    this.role = role;
    this.remote = `${init.host}:${init.port}`;
    this.connectionId =
      init.id ?? `${role === 'initiator' ? 'c' : 's'}${nextConnectionNumber++}-${this.remote}`;
    this.dictionary = init.dictionary ?? defaultDictionary();
    this.logger = init.logger ?? silentLogger;
    this.requestHandler = init.requestHandler;
    this.expectedPeerHost = init.peerHost;
    this.pending = new PendingRequests((r) => this.expired(r));
    this.watchdog = new Watchdog(
      {
        sendWatchdog: () => this.sendDwr(),
        closeConnection: (reason) =>
          this.fail('watchdog-down', new DiameterError('ERR_CONNECTION_FAILED', reason)),
        watchdogChanged: (from, to, cause) => this.watchdogChanged(from, to, cause),
      },
      this.config.watchdog,
    );
  }

  /** A responder connection on a socket the server accepted; it waits for the peer's CER. */
  static accept(
    socket: net.Socket,
    init: Omit<PeerConnectionInit, 'host' | 'port'>,
    cerPolicy: CerPolicy,
  ): PeerConnection {
    const c = new PeerConnection(
      { ...init, host: socket.remoteAddress ?? 'unknown', port: socket.remotePort ?? 0 },
      'responder',
    );
    c.cerPolicy = cerPolicy;
    c.setState('WAIT_CER', 'accepted');
    c.attach(socket);
    c.armStage(c.config.cerTimeout, 'cer-timeout', 'no CER');
    return c;
  }

  get currentState(): PeerState {
    return this.state;
  }

  get watchdogState(): WatchdogState {
    return this.watchdog.current;
  }

  /** OPEN and trusted by the watchdog: application traffic may use it. */
  get isUsable(): boolean {
    return this.state === 'OPEN' && this.watchdog.usable;
  }

  /**
   * performance.now() when the bytes of the message being handled were read (one read per received chunk). Valid
   * inside the callbacks a received message runs (RequestHandler.handleRequest, AnswerSink.answer), where it
   * spares them a clock read of their own; elsewhere it is only the time of the last read.
   */
  get readAt(): number {
    return this.chunkReadAt;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Bytes queued in the socket, not yet written. */
  get bufferedBytes(): number {
    return (this.socket?.writableLength ?? 0) + this.outboxBytes;
  }

  get stats(): ConnectionStats {
    return {
      messagesSent: this.messagesSent,
      messagesReceived: this.messagesReceived,
      bytesSent: this.bytesSent,
      bytesReceived: this.bytesReceived,
      requestsSent: this.requestsSent,
      answersReceived: this.answersReceived,
      timeouts: this.timeouts,
      unexpectedAnswers: this.unexpectedAnswers,
      reconnects: this.reconnects,
      pending: this.pending.size,
      rttMs: this.rttMs,
      lastError: this.lastError,
      state: this.state,
      watchdog: this.watchdog.current,
    };
  }

  /**
   * Dials and exchanges capabilities; resolves once OPEN. With reconnection on, failures are retried with
   * backoff until it opens, `signal` aborts, or close() is called; without, the first failure rejects.
   */
  connect(signal?: AbortSignal): Promise<void> {
    if (this.role !== 'initiator')
      return Promise.reject(new DiameterError('ERR_NOT_OPEN', 'a responder does not dial'));
    if (this.state === 'OPEN') return Promise.resolve();
    if (this.state === 'CLOSED')
      return Promise.reject(new ConnectionClosedError(this.connectionId, 'closed', false));
    return new Promise<void>((resolve, reject) => {
      const waiter = { resolve, reject };
      this.openWaiters.push(waiter);
      if (signal !== undefined) {
        const onAbort = () => {
          this.openWaiters = this.openWaiters.filter((w) => w !== waiter);
          reject(new AbortError('connect', { cause: signal.reason }));
        };
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }
      if (this.state === 'DISCONNECTED') this.dial();
    });
  }

  /** Sends a request and resolves with the decoded answer. */
  async request(message: Message | Buffer, options: RequestOptions = {}): Promise<Message> {
    const answer = await this.requestBytes(
      Buffer.isBuffer(message) ? message : encodeMessage(message),
      options,
    );
    return decodeMessage(answer, this.dictionary);
  }

  /**
   * Sends request bytes (their Hop-by-Hop id is overwritten in place; a zero End-to-End id is filled in) and
   * resolves with the answer's bytes. Rejects with TimeoutError, ConnectionClosedError (retryable) or AbortError.
   */
  requestBytes(bytes: Buffer, options: RequestOptions = {}): Promise<Buffer> {
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(new AbortError('request', { cause: signal.reason }));
    if (view.endToEndId(bytes) === 0) view.setEndToEndId(bytes, nextEndToEndId());
    return new Promise<Buffer>((resolve, reject) => {
      const token: PromiseToken = { resolve, reject, signal, onAbort: undefined };
      let sent: PendingRequest<PromiseToken>;
      try {
        sent = this.forward(bytes, options.timeout ?? this.config.requestTimeout, promiseSink, token);
      } catch (error) {
        reject(error as Error);
        return;
      }
      if (signal !== undefined) {
        token.onAbort = () => {
          if (this.pending.take(sent.hopByHopId) !== undefined)
            reject(new AbortError('request', { cause: signal.reason }));
        };
        signal.addEventListener('abort', token.onAbort, { once: true });
      }
    });
  }

  /**
   * The low-level send of a request for relays: writes `bytes` with a fresh Hop-by-Hop id (in place) and reports
   * the outcome to `sink` with `token`. No promise and no closure per request. Throws when not usable.
   */
  forward<T>(
    bytes: Buffer,
    timeoutMs: number,
    sink: AnswerSink<T>,
    token: T,
    tail?: Buffer,
  ): PendingRequest<T> {
    if (this.state !== 'OPEN') {
      throw new ConnectionClosedError(this.connectionId, `not open (${this.state})`, true);
    }
    this.assertWritable();
    const id = this.hopByHop.take(this.pending);
    view.setHopByHopId(bytes, id);
    // Sent while a received chunk is handled (a relay forwarding what it just read): that chunk's time will do.
    const sentAt = chunkWallAt === 0 ? Date.now() : chunkWallAt;
    const request = new PendingRequest<T>(id, timeoutMs, sentAt, sink, token, bytes);
    this.pending.add(request as PendingRequest<unknown>);
    this.requestsSent++;
    this.write(bytes);
    // `tail`: AVPs appended by a relay (its Route-Record), already counted in the header's length: the same write.
    if (tail !== undefined) this.write(tail, false);
    return request;
  }

  /** Writes a message (an answer, or a request not tracked here). */
  send(bytes: Buffer): void {
    if (this.socket === undefined || this.state === 'CLOSED' || this.state === 'FAILED') {
      throw new ConnectionClosedError(this.connectionId, `cannot send in state ${this.state}`, false);
    }
    this.assertWritable();
    this.write(bytes);
  }

  /**
   * Graceful close (RFC 6733 §5.4): stop taking requests, let those in flight finish (up to `drainTimeout`),
   * DPR/DPA, then close the transport. Never reconnects afterwards.
   */
  async close(options: { cause?: DisconnectCause; drainTimeout?: number } = {}): Promise<void> {
    this.stopping = true;
    this.clearReconnect();
    for (const w of this.openWaiters.splice(0))
      w.reject(new ConnectionClosedError(this.connectionId, 'closed by the application', false));
    if (this.state === 'CLOSED') return;
    if (this.state !== 'OPEN') {
      this.teardown();
      this.failPending('closed by the application');
      this.setState('CLOSED', 'closed by the application');
      return;
    }
    this.setState('CLOSING', 'closed by the application');
    if (this.pending.size > 0) await this.waitDrained(options.drainTimeout ?? this.config.requestTimeout);
    if (this.socket !== undefined && (this.state as PeerState) === 'CLOSING') {
      const dpr = buildMessage(
        this.dictionary,
        'DPR',
        {
          'Origin-Host': this.config.local.originHost,
          'Origin-Realm': this.config.local.originRealm,
          'Disconnect-Cause': DISCONNECT_VALUE[options.cause ?? 'DO_NOT_WANT_TO_TALK_TO_YOU'],
        },
        { hopByHopId: this.hopByHop.take(this.pending), endToEndId: nextEndToEndId() },
      );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.dprTimeout);
        this.dpaWaiter = () => {
          clearTimeout(timer);
          resolve();
        };
        try {
          this.write(encodeMessage(dpr));
        } catch {
          resolve();
        }
      });
      this.dpaWaiter = undefined;
    }
    this.failPending('closed by the application');
    this.teardown(true);
    if ((this.state as PeerState) !== 'CLOSED') this.setState('CLOSED', 'closed by the application');
  }

  /** Closes at once, without DPR: in-flight requests are rejected as retryable. */
  destroy(reason = 'destroyed'): void {
    this.stopping = true;
    this.clearReconnect();
    if (this.state === 'CLOSED') return;
    this.teardown();
    this.failPending(reason);
    this.setState('CLOSED', reason);
  }

  // ---- transport ----------------------------------------------------------------------------------------------

  private dial(): void {
    this.setState('CONNECTING', this.attempt === 0 ? 'connect' : `reconnect attempt ${this.attempt}`);
    const options = { host: this.host, port: this.port };
    const socket =
      this.config.tls !== undefined
        ? tls.connect({
            ...options,
            servername: net.isIP(this.host) ? undefined : this.host,
            ...this.config.tls,
          })
        : net.connect(options);
    this.attach(socket);
    this.armStage(
      this.config.connectTimeout,
      'connect-error',
      `no connection within ${this.config.connectTimeout} ms`,
    );
    socket.once(this.config.tls !== undefined ? 'secureConnect' : 'connect', () => {
      if (socket !== this.socket || this.state !== 'CONNECTING') return;
      socket.setNoDelay(true);
      this.sendCer();
    });
  }

  private attach(socket: net.Socket): void {
    this.socket = socket;
    this.framer = new Framer(this.onFrameBound, this.config.maxMessageLength);
    const framer = this.framer;
    socket.on('data', (chunk: Buffer) => {
      if (socket !== this.socket) return;
      this.bytesReceived += chunk.length;
      chunkWallAt = Date.now();
      this.chunkReadAt = performance.now();
      try {
        framer.push(chunk);
      } catch (error) {
        if (error instanceof FramingError) {
          this.logger.warn(
            { connectionId: this.connectionId, remote: this.remote, err: error.message },
            'framing lost; closing',
          );
          this.fail('framing-error', error);
        } else throw error;
      } finally {
        chunkWallAt = 0;
      }
    });
    socket.on('error', (error: Error) => {
      if (socket !== this.socket) return;
      this.fail(this.state === 'CONNECTING' ? 'connect-error' : 'read-error', error);
    });
    socket.on('close', () => {
      if (socket !== this.socket) return;
      this.onSocketClosed();
    });
    socket.on('drain', () => {
      if (socket === this.socket)
        this.emit('usable', { connectionId: this.connectionId, remote: this.remote, usable: this.isUsable });
    });
  }

  /** Refuses a message (before any byte of it is written) when the peer is not reading fast enough. */
  private assertWritable(): void {
    const queued = this.socket!.writableLength + this.outboxBytes;
    if (queued > this.config.maxWriteBuffer) {
      throw new DiameterError('ERR_BACKPRESSURE', `${this.connectionId}: ${queued} bytes already queued`);
    }
  }

  /**
   * Queues a message; everything queued in one turn of the event loop goes to the socket in a single write at
   * the next tick (one Buffer.concat: cheaper than a Writable.write per message, and one system call).
   */
  private write(bytes: Buffer, counted = true): void {
    this.outbox.push(bytes);
    this.outboxBytes += bytes.length;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      process.nextTick(this.flushBound);
    }
    if (counted) this.messagesSent++;
    this.bytesSent += bytes.length;
  }

  private flush(): void {
    this.flushScheduled = false;
    const socket = this.socket;
    const n = this.outbox.length;
    if (n === 0) return;
    if (socket !== undefined) {
      if (n === 1) socket.write(this.outbox[0]);
      else this.writeJoined(socket);
    }
    this.outbox.length = 0;
    this.outboxBytes = 0;
  }

  /**
   * Writes the outbox as one buffer. While the socket has nothing queued (writableLength 0: every earlier write,
   * this buffer's last use included, has been handed to the kernel), the join goes into a per-connection scratch
   * buffer used over and over; otherwise into a fresh buffer of the exact size. A fresh 64 KiB buffer per flush
   * made every relayed byte a new ArrayBuffer, and that external memory set the pace of V8's full collections
   * (one every ~150-250 ms at 60-85 k req/s through the gateway, each a few ms of pause).
   */
  private writeJoined(socket: net.Socket): void {
    const total = this.outboxBytes;
    if (total > SCRATCH_SIZE || socket.writableLength !== 0) {
      socket.write(Buffer.concat(this.outbox, total));
      return;
    }
    const scratch = (this.scratch ??= Buffer.allocUnsafeSlow(SCRATCH_SIZE));
    let o = 0;
    for (const b of this.outbox) o += b.copy(scratch, o);
    socket.write(scratch.subarray(0, total));
  }

  private teardown(graceful = false): void {
    this.clearStage();
    this.watchdog.stop();
    if (graceful) this.flush();
    const socket = this.socket;
    this.socket = undefined;
    this.framer = undefined;
    this.outbox.length = 0;
    this.outboxBytes = 0;
    if (socket !== undefined) {
      if (graceful) socket.end();
      else socket.destroy();
    }
  }

  // ---- capabilities exchange ------------------------------------------------------------------------------------

  private sendCer(): void {
    this.cerHopByHop = this.hopByHop.take(this.pending);
    const cer = buildCer(this.dictionary, this.config.local, this.socket?.localAddress, this.cerHopByHop);
    this.setState('CER_SENT', 'connected');
    this.armStage(this.config.cerTimeout, 'cer-timeout', `no CEA within ${this.config.cerTimeout} ms`);
    this.write(encodeMessage(cer));
  }

  private onCea(frame: Buffer): void {
    let cea: Message;
    try {
      cea = decodeMessage(frame, this.dictionary);
    } catch (error) {
      this.fail(
        'cea-failure',
        new HandshakeError(`CEA does not decode: ${(error as Error).message}`, 0, { cause: error }),
      );
      return;
    }
    const resultCode = cea.get<number>('Result-Code');
    if (!ceaSucceeded(resultCode)) {
      const text = cea.get<string>('Error-Message');
      this.fail(
        'cea-failure',
        new HandshakeError(`CEA Result-Code ${resultCode}${text ? `: ${text}` : ''}`, resultCode ?? 0),
      );
      return;
    }
    this.opened(peerCapabilities(cea, this.config.local));
  }

  private onCer(frame: Buffer): void {
    const { message, problem } = inspectMessage(frame, this.dictionary);
    const policy = this.cerPolicy!;
    let resultCode: number;
    let errorMessage: string | undefined;
    let capabilities: PeerCapabilities | undefined;
    if (message === undefined || problem !== undefined) {
      resultCode = problem!.resultCode;
      errorMessage = problem!.message;
    } else {
      capabilities = peerCapabilities(message, this.config.local);
      ({ resultCode, errorMessage } = policy(message, capabilities));
    }
    const cer = message ?? decodeHeaderOnly(frame, this.dictionary);
    const cea = buildCea(
      this.dictionary,
      cer,
      this.config.local,
      this.socket?.localAddress,
      resultCode,
      errorMessage,
    );
    this.write(encodeMessage(cea));
    if (resultCode === ResultCode.SUCCESS && capabilities !== undefined) {
      this.opened(capabilities);
    } else {
      this.logger.info(
        { connectionId: this.connectionId, remote: this.remote, resultCode, errorMessage },
        'CER refused',
      );
      this.clearStage();
      this.watchdog.stop();
      this.setState('CLOSED', `CER refused with ${resultCode}`);
      this.flush();
      const socket = this.socket;
      this.socket = undefined;
      socket?.end();
    }
  }

  private opened(capabilities: PeerCapabilities): void {
    this.clearStage();
    this.capabilities = capabilities;
    if (this.attempt > 0) this.reconnects++;
    this.attempt = 0;
    this.setState('OPEN', `capabilities exchanged with ${capabilities.originHost}`);
    this.watchdog.connectionUp();
    this.emit('open', { connectionId: this.connectionId, remote: this.remote, capabilities });
    for (const w of this.openWaiters.splice(0)) w.resolve();
  }

  // ---- messages -------------------------------------------------------------------------------------------------

  private onFrame(frame: Buffer): void {
    this.messagesReceived++;
    const flags = frame[4];
    const code = view.commandCode(frame);
    const isRequest = (flags & CommandFlag.REQUEST) !== 0;
    if (this.state === 'CER_SENT') {
      if (!isRequest && code === 257) this.onCea(frame);
      else this.fail('cea-failure', new HandshakeError(`expected a CEA, got command ${code}`, 0));
      return;
    }
    if (this.state === 'WAIT_CER') {
      if (isRequest && code === 257) this.onCer(frame);
      else this.fail('cea-failure', new HandshakeError(`expected a CER, got command ${code}`, 0));
      return;
    }
    if (this.state !== 'OPEN' && this.state !== 'CLOSING') return;
    this.watchdog.received(!isRequest && code === 280, chunkWallAt);
    if (isRequest) {
      if (code === 280) this.answerDwr(frame);
      else if (code === 282) this.onDpr(frame);
      else if (code === 257)
        this.answerError(frame, ResultCode.UNABLE_TO_COMPLY, 'capabilities already exchanged');
      else if (this.requestHandler !== undefined) this.requestHandler.handleRequest(frame, this);
      else
        this.answerError(frame, ResultCode.COMMAND_UNSUPPORTED, 'no handler for requests on this connection');
      return;
    }
    if (code === 280) return; // DWA: the watchdog has seen it
    if (code === 282) {
      this.dpaWaiter?.();
      return;
    }
    const request = this.pending.take(view.hopByHopId(frame));
    if (request === undefined) {
      this.unexpectedAnswers++;
      this.logger.debug(
        { connectionId: this.connectionId, hopByHopId: view.hopByHopId(frame), code },
        'answer to no pending request',
      );
      return;
    }
    this.answersReceived++;
    const rtt = chunkWallAt - request.sentAt;
    this.rttMs = this.rttMs === 0 ? rtt : this.rttMs * 0.9 + rtt * 0.1;
    request.sink.answer(request.token, frame, request);
    if (this.state === 'CLOSING' && this.pending.size === 0) this.notifyDrained();
  }

  private answerDwr(dwr: Buffer): void {
    const dwa = buildMessage(
      this.dictionary,
      'DWA',
      {
        'Result-Code': ResultCode.SUCCESS,
        'Origin-Host': this.config.local.originHost,
        'Origin-Realm': this.config.local.originRealm,
        'Origin-State-Id': this.config.local.originStateId,
      },
      { request: false, hopByHopId: view.hopByHopId(dwr), endToEndId: view.endToEndId(dwr) },
    );
    this.write(encodeMessage(dwa));
  }

  private sendDwr(): void {
    if (this.socket === undefined) return;
    const dwr = buildMessage(
      this.dictionary,
      'DWR',
      {
        'Origin-Host': this.config.local.originHost,
        'Origin-Realm': this.config.local.originRealm,
        'Origin-State-Id': this.config.local.originStateId,
      },
      { hopByHopId: this.hopByHop.take(this.pending), endToEndId: nextEndToEndId() },
    );
    try {
      this.write(encodeMessage(dwr));
    } catch (error) {
      this.fail('write-error', error as Error);
    }
  }

  private onDpr(frame: Buffer): void {
    let cause: DisconnectCause = 'REBOOTING';
    try {
      const dpr = decodeMessage(frame, this.dictionary);
      cause = DISCONNECT_CAUSE[dpr.get<number>('Disconnect-Cause') ?? 0] ?? 'REBOOTING';
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
    }
    this.peerDisconnectCause = cause;
    const dpa = buildMessage(
      this.dictionary,
      'DPA',
      {
        'Result-Code': ResultCode.SUCCESS,
        'Origin-Host': this.config.local.originHost,
        'Origin-Realm': this.config.local.originRealm,
      },
      { request: false, hopByHopId: view.hopByHopId(frame), endToEndId: view.endToEndId(frame) },
    );
    this.write(encodeMessage(dpa));
    this.logger.info({ connectionId: this.connectionId, remote: this.remote, cause }, 'peer sent DPR');
    if (this.state === 'OPEN') this.setState('CLOSING', `peer disconnects (${cause})`);
    // DPA written: close our half with a FIN once it is flushed. RFC 6733 §5.4 lets the DPR sender close; a peer
    // that waits for us (freeDiameter does not) would otherwise sit until its own timer.
    this.flush();
    this.socket?.end();
    this.armStage(this.config.dprTimeout, 'disconnect-requested', `DPR (${cause}) received`);
  }

  /** Answers a request with an error from the raw bytes, keeping its ids (never silence). */
  answerError(request: Buffer, resultCode: number, message: string): void {
    const answer = createErrorAnswer(request, { resultCode, message }, this.config.local, this.dictionary);
    this.send(encodeMessage(answer));
  }

  /** Answers a request with 2001 (or `resultCode`) and the given AVPs: for handlers written against Message. */
  answer(request: Message, avps: Parameters<typeof createAnswer>[2] = {}): void {
    this.send(encodeMessage(createAnswer(request, this.config.local, avps)));
  }

  // ---- failure and reconnection ---------------------------------------------------------------------------------

  private onSocketClosed(): void {
    if (this.state === 'CLOSING' && this.dpaWaiter !== undefined) {
      // We sent DPR and the peer closed instead of (or right after) answering: the close is done.
      this.dpaWaiter();
      return;
    }
    if (this.state === 'CLOSING' && this.peerDisconnectCause !== undefined) {
      this.fail(
        'disconnect-requested',
        new DiameterError('ERR_CONNECTION_CLOSED', `peer disconnected (${this.peerDisconnectCause})`),
      );
      return;
    }
    if (this.state === 'CLOSED' || this.state === 'FAILED' || this.state === 'RECONNECTING') return;
    this.fail('remote-close', new DiameterError('ERR_CONNECTION_CLOSED', 'the peer closed the connection'));
  }

  /** Every failure comes here once: state FAILED, event, in-flight requests rejected as retryable, reconnect. */
  private fail(kind: FailureKind, cause: Error): void {
    if (
      this.state === 'CLOSED' ||
      this.state === 'FAILED' ||
      this.state === 'RECONNECTING' ||
      this.state === 'DISCONNECTED'
    ) {
      return;
    }
    const from = this.state;
    this.lastError = cause.message;
    this.teardown();
    this.watchdog.connectionDown(cause.message);
    this.setState('FAILED', `${kind}: ${cause.message}`);
    const delay = this.reconnectDelay(kind);
    const inFlight = this.pending.size;
    // A peer's DPR is a normal end; a peer still refusing after the first reconnect attempt is old news.
    const level =
      kind === 'disconnect-requested'
        ? 'info'
        : kind === 'connect-error' && this.attempt > 1
          ? 'debug'
          : 'warn';
    this.logger[level](
      {
        connectionId: this.connectionId,
        remote: this.remote,
        kind,
        state: from,
        err: cause.message,
        inFlight,
      },
      'connection ended',
    );
    this.emit('failure', {
      connectionId: this.connectionId,
      remote: this.remote,
      kind,
      state: from,
      cause,
      inFlight,
      willReconnect: delay !== null,
    });
    this.failPending(`${kind}: ${cause.message}`, cause);
    this.notifyDrained();
    if (delay === null) {
      // A responder never dials back: its closing is just the failure's kind.
      this.setState('CLOSED', this.role === 'initiator' ? `no reconnect after ${kind}` : kind);
      for (const w of this.openWaiters.splice(0)) w.reject(cause);
      return;
    }
    this.setState('RECONNECTING', `in ${delay} ms`);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.state === 'RECONNECTING') this.dial();
    }, delay);
    this.reconnectTimer.unref();
  }

  /** null: do not reconnect. DPR causes decide (RFC 6733 §5.4.3): BUSY waits longest, DO_NOT_WANT never. */
  private reconnectDelay(kind: FailureKind): number | null {
    if (this.role !== 'initiator' || this.config.reconnect === null || this.stopping) return null;
    if (kind === 'disconnect-requested') {
      const cause = this.peerDisconnectCause;
      this.peerDisconnectCause = undefined;
      if (cause === 'DO_NOT_WANT_TO_TALK_TO_YOU') return null;
      if (cause === 'BUSY') return this.config.reconnect(Number.MAX_SAFE_INTEGER);
    }
    this.attempt++;
    return this.config.reconnect(this.attempt);
  }

  private failPending(reason: string, cause?: Error): void {
    if (this.pending.size === 0) return;
    for (const r of this.pending.drain()) {
      r.sink.fail(r.token, new ConnectionClosedError(this.connectionId, reason, true, { cause }), r);
    }
  }

  private expired(request: PendingRequest<unknown>): void {
    this.timeouts++;
    request.sink.fail(request.token, new TimeoutError('request', request.timeoutMs), request);
    if (this.state === 'CLOSING' && this.pending.size === 0) this.notifyDrained();
  }

  private waitDrained(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      this.closeWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private notifyDrained(): void {
    for (const w of this.closeWaiters.splice(0)) w();
  }

  private clearReconnect(): void {
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
  }

  /** One timer for the current stage (connect, CER, DPR): it carries the state it was armed in. */
  private armStage(ms: number, kind: FailureKind, what: string): void {
    this.clearStage();
    const armedIn = this.state;
    this.stageTimer = setTimeout(() => {
      this.stageTimer = undefined;
      if (this.state !== armedIn) return;
      const cause =
        kind === 'disconnect-requested'
          ? new DiameterError('ERR_CONNECTION_CLOSED', what)
          : new TimeoutError(what, ms);
      this.fail(kind, cause);
    }, ms);
    this.stageTimer.unref();
  }

  private clearStage(): void {
    if (this.stageTimer !== undefined) clearTimeout(this.stageTimer);
    this.stageTimer = undefined;
  }

  private setState(to: PeerState, cause: string): void {
    const from = this.state;
    assertTransition(`connection ${this.connectionId}`, from, to);
    this.state = to;
    this.logger.debug({ connectionId: this.connectionId, remote: this.remote, from, to, cause }, 'state');
    const wasUsable = from === 'OPEN' && this.watchdog.usable;
    this.emit('state', { connectionId: this.connectionId, remote: this.remote, from, to, cause });
    if (wasUsable)
      this.emit('usable', { connectionId: this.connectionId, remote: this.remote, usable: false });
    if (to === 'CLOSED') this.emit('closed', { connectionId: this.connectionId, remote: this.remote, cause });
  }

  private watchdogChanged(from: WatchdogState, to: WatchdogState, cause: string): void {
    this.logger.info({ connectionId: this.connectionId, remote: this.remote, from, to, cause }, 'watchdog');
    this.emit('watchdog', { connectionId: this.connectionId, remote: this.remote, from, to, cause });
    if (to === 'OKAY' || from === 'OKAY') {
      this.emit('usable', {
        connectionId: this.connectionId,
        remote: this.remote,
        usable: to === 'OKAY' && this.state === 'OPEN',
      });
    }
  }
}

/** A message whose body did not decode, reduced to its header: enough to answer it. */
function decodeHeaderOnly(frame: Buffer, dictionary: Dictionary): Message {
  const copy = Buffer.from(frame.subarray(0, 20));
  copy.writeUIntBE(20, 1, 3);
  return decodeMessage(copy, dictionary);
}
