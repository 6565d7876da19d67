import type { TlsOptions } from 'node:tls';
import {
  buildMessage,
  DiameterServer,
  encodeMessage,
  headerView,
  RELAY_APPLICATION_ID,
  silentLogger,
  type Logger,
  type PeerConnection,
  type RequestHandler,
} from '@diam/diameter';
import { RawAnswerer } from './raw-answer.js';

/**
 * A DRA simulator: a Diameter server that advertises the Relay application (so any CER has an application in
 * common), answers DWR and DPR (the library does), and answers every other request from its raw bytes with a
 * fixed Result-Code and the request's Session-Id. Options delay answers (one shared timer queue), fail a
 * fraction (3002 with the E bit by default), drop a fraction, and originate RARs toward connected peers
 * (Destination-Host = the peer's Origin-Host unless told otherwise), the way a DRA relays a PCRF's or OCS's
 * request.
 */

export type OriginateKind = 'gx-rar' | 'gy-rar';
export const ORIGINATE_KINDS: readonly OriginateKind[] = ['gx-rar', 'gy-rar'];

export interface OriginateOptions {
  kind: OriginateKind;
  /** Requests per second toward EACH connected peer. */
  rate: number;
  /** Answer timeout of the originated requests, ms (default 5000). */
  timeoutMs?: number;
  /**
   * Destination-Host of the originated requests (default: the Origin-Host of the peer they are sent to). Behind a
   * gateway, name a Logic App here to see the gateway route by Destination-Host.
   */
  destinationHost?: string;
  /** Destination-Realm (default: the Origin-Realm of the peer they are sent to). */
  destinationRealm?: string;
}

export interface DraSimOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port (read it from the result). */
  port?: number;
  originHost: string;
  originRealm: string;
  /** Result-Code of the normal answers (default 2001). */
  resultCode?: number;
  /** Answer delay, ms (default 0: at once). */
  delayMs?: number;
  /** Fraction of requests answered with `failureCode` (default 0). */
  failureRate?: number;
  /** Default 3002 DIAMETER_UNABLE_TO_DELIVER (E bit set, as for every 3xxx). */
  failureCode?: number;
  /** Fraction of requests never answered (default 0). */
  dropRate?: number;
  originate?: OriginateOptions;
  watchdogInterval?: number;
  /** Listen with TLS from the first byte (node:tls server options: at least cert and key). */
  tls?: TlsOptions;
  logger?: Logger;
  /** Random numbers for the failure and drop decisions (tests pass a seeded one). Default Math.random. */
  random?: () => number;
}

export interface DraSimStats {
  readonly connections: number;
  readonly peersOpened: number;
  readonly requests: number;
  readonly answered: number;
  readonly failed: number;
  readonly dropped: number;
  /** Answers not written because the connection was gone by then. */
  readonly notSent: number;
  readonly originated: number;
  readonly originatedAnswered: number;
  readonly originatedFailed: number;
  /** Result-Codes of the answers to originated requests. */
  readonly originatedResultCodes: Readonly<Record<string, number>>;
}

export interface DraSim {
  readonly host: string;
  readonly port: number;
  readonly originHost: string;
  readonly server: DiameterServer;
  readonly stats: DraSimStats;
  /** DPR to every peer (cause REBOOTING), then stops listening. */
  close(options?: { drainTimeout?: number }): Promise<void>;
}

/** Answers waiting for their time: FIFO, since every answer has the same delay; one timer for the head. */
class DelayQueue {
  private due: number[] = [];
  private connections: PeerConnection[] = [];
  private answers: Buffer[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly delayMs: number;
  private readonly send: (connection: PeerConnection, answer: Buffer) => void;
  private readonly fireBound = (): void => this.fire();

  constructor(delayMs: number, send: (connection: PeerConnection, answer: Buffer) => void) {
    this.delayMs = delayMs;
    this.send = send;
  }

  push(connection: PeerConnection, answer: Buffer): void {
    this.due.push(performance.now() + this.delayMs);
    this.connections.push(connection);
    this.answers.push(answer);
    if (this.timer === undefined) this.timer = setTimeout(this.fireBound, this.delayMs);
  }

  private fire(): void {
    this.timer = undefined;
    // Half a millisecond of slack: timers fire late, never meaningfully early.
    const now = performance.now() + 0.5;
    let h = this.head;
    const n = this.due.length;
    while (h < n && this.due[h] <= now) {
      this.send(this.connections[h], this.answers[h]);
      this.connections[h] = undefined as unknown as PeerConnection;
      this.answers[h] = undefined as unknown as Buffer;
      h++;
    }
    this.head = h;
    if (h === n) {
      this.due = [];
      this.connections = [];
      this.answers = [];
      this.head = 0;
    } else {
      if (h > 4096 && h * 2 > n) {
        this.due = this.due.slice(h);
        this.connections = this.connections.slice(h);
        this.answers = this.answers.slice(h);
        this.head = 0;
      }
      this.timer = setTimeout(this.fireBound, Math.max(0, this.due[this.head] - performance.now()));
    }
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.due = [];
    this.connections = [];
    this.answers = [];
    this.head = 0;
  }
}

function checkFraction(name: string, value: number | undefined): number {
  const v = value ?? 0;
  if (!Number.isFinite(v) || v < 0 || v > 1) throw new RangeError(`${name} must be in [0, 1], got ${v}`);
  return v;
}

export async function startDraSim(options: DraSimOptions): Promise<DraSim> {
  const logger = options.logger ?? silentLogger;
  const resultCode = options.resultCode ?? 2001;
  const failureCode = options.failureCode ?? 3002;
  const failureRate = checkFraction('failureRate', options.failureRate);
  const dropRate = checkFraction('dropRate', options.dropRate);
  const delayMs = options.delayMs ?? 0;
  if (!Number.isFinite(delayMs) || delayMs < 0) throw new RangeError(`delayMs must be >= 0, got ${delayMs}`);
  const random = options.random ?? Math.random;
  const answerer = new RawAnswerer(options.originHost, options.originRealm);
  answerer.block(resultCode);
  answerer.block(failureCode);

  const counters = {
    peersOpened: 0,
    requests: 0,
    answered: 0,
    failed: 0,
    dropped: 0,
    notSent: 0,
    originated: 0,
    originatedAnswered: 0,
    originatedFailed: 0,
  };
  const originatedResultCodes: Record<string, number> = {};

  const send = (connection: PeerConnection, answer: Buffer): void => {
    try {
      connection.send(answer);
    } catch {
      counters.notSent++;
    }
  };
  const queue = delayMs > 0 ? new DelayQueue(delayMs, send) : undefined;
  const decide = dropRate > 0 || failureRate > 0;

  const requestHandler: RequestHandler = {
    handleRequest(request: Buffer, connection: PeerConnection): void {
      counters.requests++;
      let code = resultCode;
      if (decide) {
        if (dropRate > 0 && random() < dropRate) {
          counters.dropped++;
          return;
        }
        if (failureRate > 0 && random() < failureRate) {
          code = failureCode;
          counters.failed++;
        }
      }
      const answer = answerer.answer(request, code);
      counters.answered++;
      if (queue !== undefined) queue.push(connection, answer);
      else send(connection, answer);
    },
  };

  const server = new DiameterServer({
    originHost: options.originHost,
    originRealm: options.originRealm,
    authApplicationIds: [RELAY_APPLICATION_ID],
    productName: 'diameter-dra-sim',
    requestHandler,
    logger,
    ...(options.watchdogInterval !== undefined && { watchdogInterval: options.watchdogInterval }),
    ...(options.tls !== undefined && { tlsServer: options.tls }),
  });
  server.on('peer', (c) => {
    counters.peersOpened++;
    logger.info(
      { connectionId: c.connectionId, remote: c.remote, originHost: c.capabilities?.originHost },
      'peer connected',
    );
    c.on('closed', (e) => logger.info({ connectionId: c.connectionId, cause: e.cause }, 'peer closed'));
  });
  server.on('refused', (e) => logger.warn(e, 'peer refused'));
  // A listen error rejects listen() below; later ones are logged.
  let listening = false;
  server.on('error', (e) => {
    if (listening) logger.error({ err: e.message }, 'server error');
  });

  const address = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  listening = true;

  const originator = options.originate !== undefined ? startOriginator(options.originate) : undefined;

  function startOriginator(o: OriginateOptions): { stop(): void } {
    if (!ORIGINATE_KINDS.includes(o.kind)) throw new RangeError(`unknown originate kind ${o.kind}`);
    if (!(o.rate > 0)) throw new RangeError(`originate rate must be > 0, got ${o.rate}`);
    const applicationId = o.kind === 'gx-rar' ? 16777238 : 4;
    const timeout = o.timeoutMs ?? 5000;
    const boot = Math.floor(Date.now() / 1000);
    let n = 0;
    let tokens = 0;
    let last = performance.now();
    const tick = (): void => {
      const now = performance.now();
      tokens = Math.min(tokens + ((now - last) / 1000) * o.rate, Math.max(1, o.rate));
      last = now;
      const whole = Math.floor(tokens);
      if (whole === 0) return;
      tokens -= whole;
      for (const c of server.connections) {
        if (!c.isUsable || c.capabilities === undefined) continue;
        const host = o.destinationHost ?? c.capabilities.originHost;
        const realm = o.destinationRealm ?? c.capabilities.originRealm;
        for (let i = 0; i < whole; i++) originate(c, host, realm);
      }
    };
    const originate = (c: PeerConnection, peerHost: string, peerRealm: string): void => {
      const sessionId = `${options.originHost};${boot};${++n};${o.kind}`;
      const rar = buildMessage(
        c.dictionary,
        'RAR',
        {
          'Session-Id': sessionId,
          'Auth-Application-Id': applicationId,
          'Origin-Host': options.originHost,
          'Origin-Realm': options.originRealm,
          'Destination-Realm': peerRealm,
          'Destination-Host': peerHost,
          'Re-Auth-Request-Type': 'AUTHORIZE_ONLY',
        },
        { applicationId },
      );
      counters.originated++;
      c.requestBytes(encodeMessage(rar), { timeout }).then(
        (answer) => {
          counters.originatedAnswered++;
          const at = headerView.findAvp(answer, headerView.RoutingAvp.RESULT_CODE);
          const code = at < 0 ? 'none' : String(headerView.avpUnsigned32(answer, at));
          originatedResultCodes[code] = (originatedResultCodes[code] ?? 0) + 1;
          logger.info({ to: peerHost, sessionId, resultCode: code }, 'RAA');
        },
        (error: Error) => {
          counters.originatedFailed++;
          logger.warn({ to: peerHost, sessionId, err: error.message }, 'RAR failed');
        },
      );
    };
    const period = Math.max(1, Math.min(100, Math.floor(1000 / o.rate)));
    const timer = setInterval(tick, period);
    return { stop: () => clearInterval(timer) };
  }

  let closing: Promise<void> | undefined;
  return {
    host: address.address,
    port: address.port,
    originHost: options.originHost,
    server,
    // A fresh snapshot on every read: the counters plus what is derived from the server.
    get stats(): DraSimStats {
      return {
        ...counters,
        connections: server.connections.size,
        originatedResultCodes: { ...originatedResultCodes },
      };
    },
    close(closeOptions = {}) {
      closing ??= (async () => {
        originator?.stop();
        queue?.clear();
        await server.close({ drainTimeout: closeOptions.drainTimeout ?? 1000 });
      })();
      return closing;
    },
  };
}
