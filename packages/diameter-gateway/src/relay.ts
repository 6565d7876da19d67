import { performance } from 'node:perf_hooks';
import {
  ConnectionClosedError,
  createErrorAnswer,
  encodeMessage,
  headerView as view,
  ResultCode,
  TimeoutError,
  type AnswerSink,
  type Dictionary,
  type LocalCapabilities,
  type Logger,
  type PeerConnection,
  type RequestHandler,
} from '@diam/diameter';
import type { Dra, DraPool } from './dra-pool.js';
import type { GatewayStats } from './gateway-stats.js';
import type { LogicApp, LogicApps } from './logic-apps.js';
import type { MessageLog } from './message-log.js';

/**
 * Logic App → DRA relaying (RFC 6733 §6.1.9), on the received bytes: no decode on the forwarding path. The request
 * gets a Hop-by-Hop id of the DRA connection written in place (its End-to-End id is kept), its length patched and
 * a Route-Record appended as a second buffer, joined into the same write. The answer gets the original Hop-by-Hop
 * id back, in place, and goes to the connection the request came from.
 *
 * Never silence: no DRA → 3002 at once; no answer within the session timeout → 3002 (the late answer is dropped
 * and counted by the DRA connection); a DRA connection lost with the request in flight → the request is sent
 * again on another DRA with the T flag while time is left, else 3002; too many in flight → 3004; a loop → 3005.
 */

/** One relayed request: the token the DRA connection hands back with the answer. Doubles as the H2H map entry. */
export class RelayedRequest {
  readonly app: LogicApp;
  readonly bytes: Buffer;
  readonly originalHopByHop: number;
  /** performance.now() domain, as startedAt. */
  readonly deadline: number;
  /** When the request's bytes were read (the Logic App connection's readAt). */
  readonly startedAt: number;
  connection: PeerConnection | undefined;
  dra: Dra | undefined;
  retransmits = 0;

  constructor(app: LogicApp, bytes: Buffer, startedAt: number, deadline: number) {
    this.app = app;
    this.bytes = bytes;
    this.originalHopByHop = view.hopByHopId(bytes);
    this.startedAt = startedAt;
    this.deadline = deadline;
  }
}

export interface RelayLimits {
  readonly sessionTimeout: number;
  readonly maxInFlight: number;
  readonly maxInFlightPerApp: number;
}

const RETRANSMIT_FLAG = 0x10;

export class Relay implements RequestHandler, AnswerSink<RelayedRequest> {
  private readonly local: LocalCapabilities;
  private readonly dictionary: Dictionary;
  private readonly dras: DraPool;
  private readonly apps: LogicApps;
  private readonly stats: GatewayStats;
  private readonly limits: RelayLimits;
  private readonly logger: Logger;
  private readonly messages: MessageLog;
  private inFlight = 0;

  constructor(
    local: LocalCapabilities,
    dictionary: Dictionary,
    dras: DraPool,
    apps: LogicApps,
    stats: GatewayStats,
    limits: RelayLimits,
    logger: Logger,
    messages: MessageLog,
  ) {
    this.local = local;
    this.dictionary = dictionary;
    this.dras = dras;
    this.apps = apps;
    this.stats = stats;
    this.limits = limits;
    this.logger = logger;
    this.messages = messages;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  /** A request from a Logic App. */
  handleRequest(frame: Buffer, origin: PeerConnection): void {
    const stats = this.stats;
    stats.totalRequests++;
    const app = this.apps.of(origin);
    if (app === undefined) {
      // Not registered yet (cannot happen after CEA) or already gone: answer rather than drop.
      this.reject(origin, frame, ResultCode.UNABLE_TO_DELIVER, 'gateway: unknown Logic App connection');
      return;
    }
    app.requests++;
    if (this.messages.requests) this.messages.log('request', frame, app.originHost);
    const check = view.relayCheck(frame, this.local.originHost);
    if (check === 'bad-avp-length') {
      // The AVP headers do not tile the message: not worth a DRA's time (RFC 6733 §7.1.5).
      this.reject(
        origin,
        frame,
        ResultCode.INVALID_AVP_LENGTH,
        'gateway: an AVP length does not fit the message',
        app,
      );
      return;
    }
    if (check === 'loop') {
      stats.loopsDetected++;
      this.reject(
        origin,
        frame,
        ResultCode.LOOP_DETECTED,
        `gateway: ${this.local.originHost} is already in Route-Record`,
        app,
      );
      return;
    }
    if (this.inFlight >= this.limits.maxInFlight || app.inFlight >= this.limits.maxInFlightPerApp) {
      stats.tooBusy++;
      this.reject(origin, frame, ResultCode.TOO_BUSY, 'gateway: too many requests in flight', app);
      return;
    }
    const connection = this.dras.pick();
    if (connection === undefined) {
      stats.routingErrors++;
      this.reject(origin, frame, ResultCode.UNABLE_TO_DELIVER, 'gateway: no DRA available', app);
      return;
    }
    view.setMessageLength(frame, frame.length + app.routeRecord.length);
    // The time the connection read these bytes: no clock read of our own on the way through.
    const now = origin.readAt;
    const request = new RelayedRequest(app, frame, now, now + this.limits.sessionTimeout);
    this.inFlight++;
    app.inFlight++;
    stats.activeSessions++;
    stats.sessionsCreated++;
    this.send(request, connection, now);
  }

  /** The DRA's answer: original Hop-by-Hop id back in place, to the Logic App the request came from. */
  answer(request: RelayedRequest, frame: Buffer): void {
    this.finish(request);
    const stats = this.stats;
    stats.fromDra++;
    stats.totalResponses++;
    stats.sessionsCompleted++;
    // The DRA connection that read this answer is the request's (a retransmission moves it).
    const ms = request.connection!.readAt - request.startedAt;
    stats.latency.recordMs(ms);
    const app = request.app;
    app.latency.recordMs(ms);
    app.answers++;
    if (request.dra !== undefined) {
      request.dra.answers++;
      request.dra.latency.recordMs(ms);
    }
    view.setHopByHopId(frame, request.originalHopByHop);
    if (this.messages.responses) this.messages.log('answer', frame, app.originHost);
    this.deliver(app, frame);
  }

  /** The request's DRA connection failed or its time ran out. */
  fail(request: RelayedRequest, error: Error): void {
    if (request.dra !== undefined) request.dra.errors++;
    if (error instanceof ConnectionClosedError && error.retryable) {
      const now = performance.now();
      const other = now < request.deadline ? this.dras.pickOther(request.connection!) : undefined;
      if (other !== undefined) {
        // RFC 6733 §5.5.4: same End-to-End id, new Hop-by-Hop id, T flag set.
        request.bytes[4] |= RETRANSMIT_FLAG;
        request.retransmits++;
        this.stats.retransmits++;
        this.send(request, other, now);
        return;
      }
    }
    this.finish(request);
    const timedOut = error instanceof TimeoutError;
    if (timedOut) {
      this.stats.timeoutErrors++;
      this.stats.sessionsExpired++;
    } else this.stats.routingErrors++;
    this.restore(request);
    const text = timedOut
      ? `gateway: no answer from the DRA within ${this.limits.sessionTimeout} ms`
      : `gateway: DRA connection lost (${error.message})`;
    this.reject(request.app.connection, request.bytes, ResultCode.UNABLE_TO_DELIVER, text, request.app);
  }

  /** `now`: performance.now(), or the time the request was read when it is sent on at once. */
  private send(request: RelayedRequest, connection: PeerConnection, now: number): void {
    const remaining = request.deadline - now;
    try {
      connection.forward(request.bytes, Math.max(1, remaining), this, request, request.app.routeRecord);
    } catch (error) {
      // Not writable any more (closed between pick and send, or backpressure): another DRA, else an answer.
      const other = this.dras.pickOther(connection);
      if (other !== undefined && other !== connection && request.retransmits < 3) {
        request.retransmits++;
        this.send(request, other, now);
        return;
      }
      this.finish(request);
      this.stats.routingErrors++;
      this.restore(request);
      const busy = (error as { code?: string }).code === 'ERR_BACKPRESSURE';
      this.reject(
        request.app.connection,
        request.bytes,
        busy ? ResultCode.TOO_BUSY : ResultCode.UNABLE_TO_DELIVER,
        `gateway: ${(error as Error).message}`,
        request.app,
      );
      return;
    }
    request.connection = connection;
    const dra = this.dras.draOf(connection);
    request.dra = dra;
    if (dra !== undefined) dra.requests++;
    this.stats.toDra++;
  }

  private finish(request: RelayedRequest): void {
    this.inFlight--;
    request.app.inFlight--;
    this.stats.activeSessions--;
  }

  /** The request as the Logic App sent it (its Hop-by-Hop id and length), to build an error answer from. */
  private restore(request: RelayedRequest): void {
    view.setHopByHopId(request.bytes, request.originalHopByHop);
    view.setMessageLength(request.bytes, request.bytes.length);
  }

  /** An error answer (E bit for 3xxx) with our Origin-Host, from the request's bytes. */
  private reject(
    origin: PeerConnection,
    frame: Buffer,
    resultCode: number,
    text: string,
    app?: LogicApp,
  ): void {
    this.stats.totalErrors++;
    if (app !== undefined) app.errors++;
    const answer = encodeMessage(
      createErrorAnswer(frame, { resultCode, message: text }, this.local, this.dictionary),
    );
    this.logger.debug({ resultCode, text, hopByHopId: view.hopByHopId(frame) }, 'error answer');
    if (app !== undefined) this.deliver(app, answer);
    else {
      try {
        origin.send(answer);
      } catch {
        this.stats.droppedAnswers++;
      }
    }
  }

  /** Writes to a Logic App; one that is gone or does not read loses the answer (counted), never the gateway. */
  private deliver(app: LogicApp, frame: Buffer): void {
    const c = app.connection;
    const state = c.currentState;
    if (state !== 'OPEN' && state !== 'CLOSING') {
      this.stats.droppedAnswers++;
      app.droppedAnswers++;
      return;
    }
    try {
      c.send(frame);
    } catch (error) {
      this.stats.droppedAnswers++;
      app.droppedAnswers++;
      if ((error as { code?: string }).code === 'ERR_BACKPRESSURE') {
        this.logger.warn(
          { logicApp: app.originHost, connectionId: c.connectionId, queued: c.bufferedBytes },
          'Logic App does not read its answers: closing it',
        );
        c.destroy('not reading (write buffer full)');
      }
    }
  }
}
