// Counters kept as plain numbers on the hot path, exposed as /stats JSON and, through collect callbacks,
// as Prometheus metrics on /metrics (prom-client does no work per message).
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProtocolErrorCode } from './protocol.js';

export type LostReason = 'redis_unavailable' | 'undeliverable' | 'slow_consumer';
export type CloseReason = 'idle' | 'slow_consumer' | 'replaced' | 'shutdown' | 'rate_limit';

export class GatewayStats {
  messagesIn = 0;
  messagesOut = 0;
  deliveredLocal = 0;
  routedRemote = 0;
  deliveredFromRemote = 0;
  rateLimited = 0;
  rejectedConnections = 0;
  redisRecoveries = 0;
  readonly errors = new Map<ProtocolErrorCode, number>();
  readonly lost: Record<LostReason, number> = { redis_unavailable: 0, undeliverable: 0, slow_consumer: 0 };
  readonly closed: Record<CloseReason, number> = {
    idle: 0,
    slow_consumer: 0,
    replaced: 0,
    shutdown: 0,
    rate_limit: 0,
  };

  error(code: ProtocolErrorCode): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  errorTotal(): number {
    let n = 0;
    for (const v of this.errors.values()) n += v;
    return n;
  }
}

export interface StatsSource {
  readonly gatewayId: string;
  readonly mode: 'memory' | 'redis';
  readonly stats: GatewayStats;
  connectionCount(): number;
  userCount(): number;
  redisStatus(): string;
}

/** The seed's `/stats` (`gatewayId`, `connections`) plus traffic, errors and lost-message counts. */
export function statsJson(src: StatsSource): Record<string, unknown> {
  const s = src.stats;
  return {
    gatewayId: src.gatewayId,
    connections: src.connectionCount(),
    users: src.userCount(),
    mode: src.mode,
    redis: src.redisStatus(),
    messages: {
      in: s.messagesIn,
      out: s.messagesOut,
      local: s.deliveredLocal,
      remoteSent: s.routedRemote,
      remoteReceived: s.deliveredFromRemote,
    },
    errors: { total: s.errorTotal(), byCode: Object.fromEntries(s.errors) },
    lost: { ...s.lost, total: s.lost.redis_unavailable + s.lost.undeliverable + s.lost.slow_consumer },
    closed: { ...s.closed },
    rateLimited: s.rateLimited,
    rejectedConnections: s.rejectedConnections,
    redisRecoveries: s.redisRecoveries,
    memory: (({ rss, heapUsed, external }) => ({ rss, heapUsed, external }))(process.memoryUsage()),
  };
}

export function createMetricsRegistry(src: StatsSource): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ gateway: src.gatewayId });
  collectDefaultMetrics({ register: registry });
  const s = src.stats;
  const counter = (name: string, help: string, read: () => number): void => {
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  };
  const labelled = (name: string, help: string, label: string, read: () => Record<string, number>): void => {
    new Counter({
      name,
      help,
      labelNames: [label],
      registers: [registry],
      collect() {
        this.reset();
        for (const [k, v] of Object.entries(read())) this.inc({ [label]: k }, v);
      },
    });
  };
  counter('wsgw_messages_in_total', 'Frames received from clients', () => s.messagesIn);
  counter('wsgw_messages_out_total', 'Frames sent to clients', () => s.messagesOut);
  labelled('wsgw_messages_delivered_total', 'Chat messages delivered, by route', 'route', () => ({
    local: s.deliveredLocal,
    remote_received: s.deliveredFromRemote,
  }));
  counter(
    'wsgw_messages_routed_remote_total',
    'Chat messages published to another instance',
    () => s.routedRemote,
  );
  labelled('wsgw_errors_total', 'Error frames sent, by code', 'code', () => Object.fromEntries(s.errors));
  labelled(
    'wsgw_messages_lost_total',
    'Messages not delivered (sender was told), by reason',
    'reason',
    () => ({
      ...s.lost,
    }),
  );
  labelled('wsgw_connections_closed_total', 'Connections closed by the gateway, by reason', 'reason', () => ({
    ...s.closed,
  }));
  counter('wsgw_rate_limited_total', 'Frames dropped by the per-connection rate limit', () => s.rateLimited);
  counter(
    'wsgw_rejected_connections_total',
    'Upgrades refused (limit, auth, shutdown)',
    () => s.rejectedConnections,
  );
  new Gauge({
    name: 'wsgw_connections',
    help: 'Open WebSocket connections',
    registers: [registry],
    collect() {
      this.set(src.connectionCount());
    },
  });
  new Gauge({
    name: 'wsgw_users',
    help: 'Registered users on this instance',
    registers: [registry],
    collect() {
      this.set(src.userCount());
    },
  });
  new Gauge({
    name: 'wsgw_redis_up',
    help: '1 when both Redis connections are ready (always 1 in embedded mode)',
    registers: [registry],
    collect() {
      this.set(src.mode === 'memory' || src.redisStatus() === 'up' ? 1 : 0);
    },
  });
  return registry;
}
