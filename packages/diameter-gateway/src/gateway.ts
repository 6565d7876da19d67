import type * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  defaultDictionary,
  DiameterServer,
  RELAY_APPLICATION_ID,
  type Dictionary,
  type Logger,
  type PeerConnection,
} from '@diam/diameter';
import type { GatewayConfig } from './config.js';
import { DraPool } from './dra-pool.js';
import { DraRequestRouter } from './dra-requests.js';
import { GatewayStats } from './gateway-stats.js';
import { LogicApp, LogicApps } from './logic-apps.js';
import { MessageLog } from './message-log.js';
import { startHttpEndpoints } from './metrics.js';
import { Relay } from './relay.js';
import { loadTlsMaterial } from './tls-material.js';

/**
 * The gateway (diameter-gateway.md): Logic Apps connect to its server side; their requests are relayed to the
 * DRA pool by priority and weight, answers come back to the connection they belong to; DRA-initiated requests
 * go the other way. It advertises the Relay application on both sides, so any CER is accepted.
 */
export class Gateway {
  readonly config: GatewayConfig;
  readonly stats = new GatewayStats();
  readonly logicApps = new LogicApps();
  readonly dras: DraPool;
  readonly server: DiameterServer;
  readonly relay: Relay;
  private readonly logger: Logger;
  private readonly dictionary: Dictionary;
  private statsTimer: NodeJS.Timeout | undefined;
  private http: http.Server | undefined;
  private stopping: Promise<void> | undefined;
  private readonly startedAt = Date.now();

  constructor(config: GatewayConfig, logger: Logger, dictionary: Dictionary = defaultDictionary()) {
    this.config = config;
    this.logger = logger;
    this.dictionary = dictionary;
    const tls = loadTlsMaterial(config);
    const identity = {
      originHost: config.originHost,
      originRealm: config.originRealm,
      productName: config.product,
      vendorId: config.vendorId,
      authApplicationIds: [RELAY_APPLICATION_ID],
      watchdogInterval: config.watchdogInterval,
      watchdogTimeout: config.watchdogTimeout,
      maxWatchdogFailures: config.maxWatchdogFailures,
    };
    const messages = new MessageLog(logger, dictionary, config.logRequests, config.logResponses);
    const draRequests = new DraRequestRouter(
      { ...this.localCapabilities() },
      dictionary,
      this.logicApps,
      this.stats,
      config.sessionTimeout,
      logger,
      messages,
    );
    this.dras = new DraPool(
      config.dras,
      {
        ...identity,
        reconnectInterval: config.reconnectInterval,
        maxReconnectDelay: config.maxReconnectDelay,
        requestTimeout: config.sessionTimeout,
        healthLogInterval: 30_000,
        dictionary,
        tls: tls.client,
      },
      config.connsPerDra,
      config.failbackHoldDown,
      draRequests,
      logger,
    );
    this.relay = new Relay(
      this.localCapabilities(),
      dictionary,
      this.dras,
      this.logicApps,
      this.stats,
      {
        sessionTimeout: config.sessionTimeout,
        maxInFlight: config.maxInFlight,
        maxInFlightPerApp: config.maxInFlightPerApp,
      },
      logger,
      messages,
    );
    this.server = new DiameterServer({
      ...identity,
      maxConnections: config.maxConnections,
      maxWriteBuffer: config.maxWriteBuffer,
      dictionary,
      logger,
      requestHandler: this.relay,
      ...(tls.server !== undefined && { tlsServer: tls.server }),
    });
    this.server.on('peer', (connection) => this.logicAppUp(connection));
    this.server.on('refused', (e) => this.logger.warn(e, 'Logic App refused'));
  }

  /** Listens for Logic Apps, dials the DRAs, serves HTTP metrics; resolves once listening. */
  async start(): Promise<{ diameter: AddressInfo; http: AddressInfo | undefined }> {
    const [host, port] = splitHostPort(this.config.listen);
    this.dras.start();
    const diameter = await this.server.listen(port, host);
    if (this.config.metricsListen !== 'off') {
      const [mh, mp] = splitHostPort(this.config.metricsListen);
      try {
        this.http = await startHttpEndpoints(this, mh, mp);
      } catch (error) {
        // Monitoring must not keep the relay from serving: say so loudly and go on without it.
        this.logger.error(
          { metricsListen: this.config.metricsListen, err: (error as Error).message },
          'HTTP endpoints not started',
        );
      }
    }
    if (this.config.statsInterval > 0) {
      this.statsTimer = setInterval(
        () => this.logger.info({ stats: this.snapshot() }, this.formatStats()),
        this.config.statsInterval,
      );
      this.statsTimer.unref();
    }
    this.logger.info(
      {
        listen: `${diameter.address}:${diameter.port}`,
        dras: this.config.dras.map((d) => `${d.name}=${d.host}:${d.port} p${d.priority} w${d.weight}`),
      },
      'gateway started',
    );
    return { diameter, http: this.http?.address() as AddressInfo | undefined };
  }

  /**
   * Reads the TLS files again (SIGHUP: certificate rotation). Handshakes from now on, on both sides, use them; the
   * connections open keep theirs. A file that does not load throws a ConfigError and changes nothing. False when
   * no TLS is configured.
   */
  reloadTls(): boolean {
    if (!this.config.listenTls && !this.config.dras.some((d) => d.tls)) return false;
    const material = loadTlsMaterial(this.config);
    if (material.server !== undefined) this.server.setSecureContext(material.server);
    this.dras.updateTls(material.client);
    return true;
  }

  /** Ready: at least one DRA connection is trusted by its watchdog. */
  isReady(): boolean {
    return this.dras.isReady();
  }

  /** DRA answers that came after their request had timed out (dropped). */
  get lateAnswers(): number {
    let n = 0;
    for (const d of this.dras.dras) for (const c of d.pool.allConnections) n += c.stats.unexpectedAnswers;
    return n;
  }

  /**
   * Graceful shutdown: stop accepting Logic Apps, let requests in flight finish up to `deadline`, then DPR/DPA
   * with the Logic Apps and the DRAs.
   */
  stop(deadline = this.config.shutdownTimeout): Promise<void> {
    this.stopping ??= (async () => {
      this.logger.info({ inFlight: this.relay.requestsInFlight, deadline }, 'gateway stopping');
      if (this.statsTimer !== undefined) clearInterval(this.statsTimer);
      await this.server.stopListening();
      const until = Date.now() + deadline;
      while (this.relay.requestsInFlight > 0 && Date.now() < until)
        await new Promise((r) => setTimeout(r, 20));
      const left = Math.max(0, until - Date.now());
      await this.server.close({ drainTimeout: Math.min(left, 1000), cause: 'REBOOTING' });
      await this.dras.close(Math.min(left, 1000));
      await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
      this.logger.info({ stats: this.snapshot() }, 'gateway stopped');
    })();
    return this.stopping;
  }

  /** Everything the seed's statistics show, plus per DRA and per Logic App, as one JSON-able object. */
  snapshot(): Record<string, unknown> {
    const s = this.stats;
    const dras = this.dras.dras;
    const conns = dras.flatMap((d) => d.pool.allConnections);
    const sent = conns.reduce((n, c) => n + c.stats.messagesSent, 0);
    const received = conns.reduce((n, c) => n + c.stats.messagesReceived, 0);
    return {
      uptime_s: Math.round((Date.now() - this.startedAt) / 1000),
      gateway: {
        total_requests: s.totalRequests,
        total_responses: s.totalResponses,
        active_sessions: s.activeSessions,
        total_errors: s.totalErrors,
        avg_latency_ms: round(s.latency.meanMs),
        p50_latency_ms: round(s.latency.quantileMs(0.5)),
        p99_latency_ms: round(s.latency.quantileMs(0.99)),
        p999_latency_ms: round(s.latency.quantileMs(0.999)),
      },
      forwarding: {
        to_dra: s.toDra,
        from_dra: s.fromDra,
        timeout_errors: s.timeoutErrors,
        routing_errors: s.routingErrors,
        too_busy: s.tooBusy,
        loops_detected: s.loopsDetected,
        retransmits: s.retransmits,
        dropped_answers: s.droppedAnswers,
        late_answers: this.lateAnswers,
      },
      sessions: { created: s.sessionsCreated, completed: s.sessionsCompleted, expired: s.sessionsExpired },
      logic_app_connections: {
        tls: this.config.listenTls,
        connected: this.logicApps.size,
        // Refused before or at the CER: the connection limit, a failed TLS handshake, a CER we could not accept.
        refused: this.server.refusedCount,
      },
      dra_pool: {
        active_priority: this.dras.activePriority ?? null,
        total_dras: dras.length,
        active_dras: dras.filter((d) => d.up).length,
        total_connections: conns.length,
        active_connections: conns.filter((c) => c.isUsable).length,
        failover_count: this.dras.failoverCount,
        failback_count: this.dras.failbackCount,
      },
      dra_messages: { sent, received },
      dra_initiated: {
        requests: s.draInitiatedRequests,
        answers: s.draInitiatedAnswers,
        errors: s.draInitiatedErrors,
      },
      dras: dras.map((d) => ({
        name: d.name,
        priority: d.priority,
        weight: d.weight,
        tls: d.tls,
        up: d.up,
        requests: d.requests,
        answers: d.answers,
        errors: d.errors,
        p50_latency_ms: round(d.latency.quantileMs(0.5)),
        p99_latency_ms: round(d.latency.quantileMs(0.99)),
        connections: d.pool.connectionStates(),
      })),
      logic_apps: this.logicApps.list().map((a) => ({
        origin_host: a.originHost,
        remote: a.connection.remote,
        requests: a.requests,
        answers: a.answers,
        errors: a.errors,
        in_flight: a.inFlight,
        dropped_answers: a.droppedAnswers,
        p50_latency_ms: round(a.latency.quantileMs(0.5)),
        p99_latency_ms: round(a.latency.quantileMs(0.99)),
      })),
    };
  }

  /** The seed's statistics block. */
  formatStats(): string {
    const snap = this.snapshot() as Record<string, Record<string, unknown>>;
    const section = (title: string, values: Record<string, unknown>) =>
      `${title}:\n${Object.entries(values)
        .map(([k, v]) => `  ${k}: ${String(v)}`)
        .join('\n')}`;
    return [
      '=== Gateway Statistics ===',
      section('Gateway', snap.gateway),
      section('Forwarding', snap.forwarding),
      section('Sessions', snap.sessions),
      section('DRA Pool', snap.dra_pool),
      section('DRA Messages', snap.dra_messages),
    ].join('\n\n');
  }

  private localCapabilities() {
    return {
      originHost: this.config.originHost,
      originRealm: this.config.originRealm,
      hostIPAddresses: [],
      vendorId: this.config.vendorId,
      productName: this.config.product,
      firmwareRevision: 1,
      originStateId: Math.floor(this.startedAt / 1000) >>> 0,
      supportedVendorIds: [10415],
      authApplicationIds: [RELAY_APPLICATION_ID],
      acctApplicationIds: [],
      vendorSpecificApplicationIds: [],
    };
  }

  private logicAppUp(connection: PeerConnection): void {
    const app = new LogicApp(connection, this.dictionary);
    this.logicApps.add(app);
    this.logger.info(
      { logicApp: app.originHost, remote: connection.remote, applications: [...app.applications] },
      'Logic App connected',
    );
    connection.once('closed', () => {
      this.logicApps.remove(connection);
      this.logger.info({ logicApp: app.originHost, inFlight: app.inFlight }, 'Logic App disconnected');
    });
    connection.on('failure', (e) => {
      if (e.kind !== 'disconnect-requested')
        this.logger.warn(
          { logicApp: app.originHost, kind: e.kind, err: e.cause.message },
          'Logic App connection failed',
        );
    });
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function splitHostPort(text: string): [string, number] {
  const i = text.lastIndexOf(':');
  return [text.slice(0, i).replace(/^\[|\]$/g, ''), Number(text.slice(i + 1))];
}
