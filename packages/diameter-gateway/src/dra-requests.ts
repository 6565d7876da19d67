import { performance } from 'node:perf_hooks';
import {
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
import type { GatewayStats } from './gateway-stats.js';
import { routeRecordAvp, type LogicApps } from './logic-apps.js';
import type { MessageLog } from './message-log.js';

/**
 * DRA-initiated requests (RAR, ASR, pushes): routed to the Logic App whose Origin-Host is the request's
 * Destination-Host, else round robin over the Logic Apps that advertised its Application-Id, else answered 3002
 * to the DRA. Relayed on the bytes like the other direction; the answer goes back on the DRA connection the
 * request came from, with its Hop-by-Hop id restored.
 */
class DraInitiatedRequest {
  readonly dra: PeerConnection;
  readonly bytes: Buffer;
  readonly originalHopByHop: number;
  readonly startedAt = performance.now();
  constructor(dra: PeerConnection, bytes: Buffer) {
    this.dra = dra;
    this.bytes = bytes;
    this.originalHopByHop = view.hopByHopId(bytes);
  }
}

export class DraRequestRouter implements RequestHandler, AnswerSink<DraInitiatedRequest> {
  private readonly routeRecords = new WeakMap<PeerConnection, Buffer>();

  constructor(
    private readonly local: LocalCapabilities,
    private readonly dictionary: Dictionary,
    private readonly apps: LogicApps,
    private readonly stats: GatewayStats,
    private readonly timeout: number,
    private readonly logger: Logger,
    private readonly messages: MessageLog,
  ) {}

  handleRequest(frame: Buffer, dra: PeerConnection): void {
    this.stats.draInitiatedRequests++;
    if (this.messages.requests) this.messages.log('dra-request', frame, dra.remote);
    const at = view.findAvp(frame, view.RoutingAvp.DESTINATION_HOST);
    const host = at >= 0 ? view.avpString(frame, at) : undefined;
    const app =
      (host !== undefined ? this.apps.withHost(host) : undefined) ??
      this.apps.forApplication(view.applicationId(frame));
    if (app === undefined) {
      this.reject(
        dra,
        frame,
        `gateway: no Logic App for ${host ?? `application ${view.applicationId(frame)}`}`,
      );
      return;
    }
    let tail = this.routeRecords.get(dra);
    if (tail === undefined) {
      tail = routeRecordAvp(this.dictionary, dra.capabilities?.originHost ?? dra.remote);
      this.routeRecords.set(dra, tail);
    }
    const request = new DraInitiatedRequest(dra, frame);
    view.setMessageLength(frame, frame.length + tail.length);
    try {
      app.connection.forward(frame, this.timeout, this, request, tail);
    } catch (error) {
      view.setMessageLength(frame, frame.length);
      this.reject(dra, frame, `gateway: ${(error as Error).message}`);
    }
  }

  answer(request: DraInitiatedRequest, frame: Buffer): void {
    this.stats.draInitiatedAnswers++;
    view.setHopByHopId(frame, request.originalHopByHop);
    if (this.messages.responses) this.messages.log('dra-answer', frame, request.dra.remote);
    try {
      request.dra.send(frame);
    } catch (error) {
      this.logger.warn(
        { dra: request.dra.connectionId, err: (error as Error).message },
        'answer to a DRA-initiated request lost',
      );
    }
  }

  fail(request: DraInitiatedRequest, error: Error): void {
    view.setHopByHopId(request.bytes, request.originalHopByHop);
    view.setMessageLength(request.bytes, request.bytes.length);
    const why =
      error instanceof TimeoutError
        ? `no answer from the Logic App within ${this.timeout} ms`
        : error.message;
    this.reject(request.dra, request.bytes, `gateway: ${why}`);
  }

  private reject(dra: PeerConnection, frame: Buffer, text: string): void {
    this.stats.draInitiatedErrors++;
    const answer = createErrorAnswer(
      frame,
      { resultCode: ResultCode.UNABLE_TO_DELIVER, message: text },
      this.local,
      this.dictionary,
    );
    try {
      dra.send(encodeMessage(answer));
    } catch {
      /* the DRA connection is gone: nothing to answer on */
    }
  }
}
