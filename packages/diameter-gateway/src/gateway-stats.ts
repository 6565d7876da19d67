import { LatencyHistogram } from './latency-histogram.js';

/**
 * The gateway's counters: the seed's statistics block (gateway, forwarding, sessions, DRA pool, DRA messages)
 * plus what operators need on top (loops, overload, retransmissions, answers nobody waits for any more). Plain
 * numbers updated on the hot path; Prometheus and the stats log read them when asked.
 */
export class GatewayStats {
  totalRequests = 0;
  totalResponses = 0;
  totalErrors = 0;
  toDra = 0;
  fromDra = 0;
  timeoutErrors = 0;
  routingErrors = 0;
  loopsDetected = 0;
  tooBusy = 0;
  retransmits = 0;
  /** Answers for a Logic App that had gone (disconnected) or could not take them (not reading). */
  droppedAnswers = 0;
  sessionsCreated = 0;
  sessionsCompleted = 0;
  sessionsExpired = 0;
  draInitiatedRequests = 0;
  draInitiatedAnswers = 0;
  draInitiatedErrors = 0;
  activeSessions = 0;
  readonly latency = new LatencyHistogram();
}
