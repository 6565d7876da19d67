import * as http from 'node:http';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Gateway } from './gateway.js';

/**
 * Prometheus metrics, /health, /ready and /stats over HTTP. Every metric is read from the gateway's counters when
 * scraped (collect callbacks): nothing is added to the relay's hot path.
 */
export function createMetricsRegistry(gateway: Gateway): Registry {
  const registry = new Registry();
  // prom-client's names start with process_ or nodejs_: diameter_gateway_process_cpu_…, diameter_gateway_nodejs_…
  collectDefaultMetrics({ register: registry, prefix: 'diameter_gateway_' });
  const s = () => gateway.stats;
  const counter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  counter('diameter_gateway_requests_total', 'Requests received from Logic Apps', () => s().totalRequests);
  counter(
    'diameter_gateway_responses_total',
    'Answers relayed from DRAs to Logic Apps',
    () => s().totalResponses,
  );
  counter('diameter_gateway_errors_total', 'Error answers the gateway wrote itself', () => s().totalErrors);
  counter(
    'diameter_gateway_timeouts_total',
    'Requests unanswered within the session timeout',
    () => s().timeoutErrors,
  );
  counter('diameter_gateway_routing_errors_total', 'Requests no DRA could take', () => s().routingErrors);
  counter(
    'diameter_gateway_too_busy_total',
    'Requests refused with 3004 (in-flight limit)',
    () => s().tooBusy,
  );
  counter(
    'diameter_gateway_loops_total',
    'Requests refused with 3005 (loop detected)',
    () => s().loopsDetected,
  );
  counter(
    'diameter_gateway_retransmits_total',
    'Requests resent on another DRA with the T flag',
    () => s().retransmits,
  );
  counter(
    'diameter_gateway_dropped_answers_total',
    'Answers for Logic Apps that had gone or did not read',
    () => s().droppedAnswers,
  );
  counter(
    'diameter_gateway_late_answers_total',
    'DRA answers that came after their timeout',
    () => gateway.lateAnswers,
  );
  counter(
    'diameter_gateway_failovers_total',
    'Switches to a worse DRA priority',
    () => gateway.dras.failoverCount,
  );
  counter(
    'diameter_gateway_failbacks_total',
    'Switches back to a better DRA priority',
    () => gateway.dras.failbackCount,
  );
  counter(
    'diameter_gateway_dra_initiated_requests_total',
    'Requests from DRAs relayed to Logic Apps',
    () => s().draInitiatedRequests,
  );
  gauge('diameter_gateway_in_flight', 'Requests waiting for a DRA answer', () => s().activeSessions);
  gauge('diameter_gateway_logic_apps', 'Connected Logic Apps', () => gateway.logicApps.size);
  counter(
    'diameter_gateway_logic_apps_refused_total',
    'Logic App connections refused (connection limit, TLS handshake, CER)',
    () => gateway.server.refusedCount,
  );
  gauge(
    'diameter_gateway_active_priority',
    'DRA priority in use (0: none)',
    () => gateway.dras.activePriority ?? 0,
  );
  const quantiles = new Gauge({
    name: 'diameter_gateway_latency_ms',
    help: 'Relay latency (Logic App request to answer), ms',
    labelNames: ['quantile'],
    registers: [registry],
    collect() {
      for (const q of [0.5, 0.9, 0.99, 0.999]) this.set({ quantile: String(q) }, s().latency.quantileMs(q));
    },
  });
  void quantiles;
  new Gauge({
    name: 'diameter_gateway_dra_up',
    help: 'Whether a DRA has a connection its watchdog trusts',
    labelNames: ['dra', 'priority'],
    registers: [registry],
    collect() {
      for (const d of gateway.dras.dras)
        this.set({ dra: d.name, priority: String(d.priority) }, d.up ? 1 : 0);
    },
  });
  for (const [name, help, read] of [
    [
      'diameter_gateway_dra_requests_total',
      'Requests sent to each DRA',
      (d: { requests: number }) => d.requests,
    ],
    [
      'diameter_gateway_dra_answers_total',
      'Answers received from each DRA',
      (d: { answers: number }) => d.answers,
    ],
    [
      'diameter_gateway_dra_errors_total',
      'Requests lost on each DRA (timeout or connection)',
      (d: { errors: number }) => d.errors,
    ],
  ] as const) {
    new Counter({
      name,
      help,
      labelNames: ['dra'],
      registers: [registry],
      collect() {
        this.reset();
        for (const d of gateway.dras.dras) this.inc({ dra: d.name }, read(d));
      },
    });
  }
  new Gauge({
    name: 'diameter_gateway_logic_app_in_flight',
    help: 'Requests in flight per Logic App',
    labelNames: ['logic_app'],
    registers: [registry],
    collect() {
      this.reset();
      for (const a of gateway.logicApps.list()) this.set({ logic_app: a.originHost }, a.inFlight);
    },
  });
  return registry;
}

export function startHttpEndpoints(gateway: Gateway, host: string, port: number): Promise<http.Server> {
  const registry = createMetricsRegistry(gateway);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (path === '/metrics') {
      registry.metrics().then(
        (text) => send(200, registry.contentType, text),
        (error: Error) => send(500, 'text/plain', error.message),
      );
    } else if (path === '/health') send(200, 'application/json', JSON.stringify({ status: 'ok' }));
    else if (path === '/ready') {
      const ready = gateway.isReady();
      send(
        ready ? 200 : 503,
        'application/json',
        JSON.stringify({ ready, activePriority: gateway.dras.activePriority ?? null }),
      );
    } else if (path === '/stats') send(200, 'application/json', JSON.stringify(gateway.snapshot(), null, 2));
    else send(404, 'text/plain', 'not found: try /metrics, /health, /ready or /stats\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
