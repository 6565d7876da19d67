// The gateway process: HTTP server (/stats, /health, /ready, /metrics), WebSocket upgrade on the configured path,
// the Redis link (when configured), timers (heartbeat, presence refresh, sweep, instance heartbeat), shutdown.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { WebSocketServer, type WebSocket } from 'ws';
import { tokenFromRequest, verifyToken } from './auth.js';
import type { GatewayConfig } from './config.js';
import { AuthError } from './errors.js';
import { Gateway } from './gateway.js';
import { Heartbeat } from './heartbeat.js';
import { createLogger } from './logger.js';
import { createMetricsRegistry, GatewayStats, statsJson, type StatsSource } from './metrics.js';
import { MemoryPresence } from './presence/memory-presence.js';
import type { Presence } from './presence/presence.js';
import { RedisPresence } from './presence/redis-presence.js';
import { RedisKeys } from './redis/redis-keys.js';
import { RedisLink } from './redis/redis-link.js';
import { LocalRouter } from './routing/local-router.js';
import { RedisRouter } from './routing/redis-router.js';
import type { RemoteRouter } from './routing/router.js';

function destroyOnError(this: Duplex): void {
  this.destroy();
}

/** The instance heartbeat key lives this many beats: one lost beat does not declare an instance dead. */
const ALIVE_TTL_BEATS = 3;

export interface GatewayServerOptions {
  readonly logger?: Logger;
}

export class GatewayServer implements StatsSource {
  readonly gatewayId: string;
  readonly mode: 'memory' | 'redis';
  readonly stats = new GatewayStats();
  readonly gateway: Gateway;
  readonly logger: Logger;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly heartbeat: Heartbeat;
  private readonly metrics: Registry;
  private readonly link: RedisLink | null = null;
  private readonly redisRouter: RedisRouter | null = null;
  private readonly timers: NodeJS.Timeout[] = [];
  private pendingUpgrades = 0;
  private everUp = false;
  private stopping: Promise<void> | null = null;

  constructor(
    readonly config: GatewayConfig,
    options: GatewayServerOptions = {},
  ) {
    this.gatewayId = config.id;
    this.mode = config.redisUrl === null ? 'memory' : 'redis';
    this.logger = options.logger ?? createLogger(config);
    let presence: Presence;
    let router: RemoteRouter;
    if (config.redisUrl === null) {
      presence = new MemoryPresence(config.id);
      router = new LocalRouter();
    } else {
      const keys = new RedisKeys(config.redisKeyPrefix);
      // The link delivers into the router, which needs the gateway: wire through `this` once all exist.
      const link = new RedisLink({
        url: config.redisUrl,
        commandTimeoutMs: config.redisCommandTimeoutMs,
        channel: keys.channel(config.id),
        sharedChannels: [keys.evictChannel],
        onMessage: (payload) => this.redisRouter!.dispatch(payload),
        logger: this.logger,
      });
      this.link = link;
      this.redisRouter = new RedisRouter(link, keys, {
        gatewayId: config.id,
        routeCacheMs: config.routeCacheMs,
        logger: this.logger,
      });
      presence = new RedisPresence(link, keys, {
        gatewayId: config.id,
        ttlMs: config.presenceTtlMs,
        batchSize: config.presenceBatchSize,
      });
      router = this.redisRouter;
      link.on('up', () => void this.onRedisUp());
      link.on('down', (cause) =>
        this.logger.warn({ cause }, 'redis down: local delivery only, remote sends fail'),
      );
    }
    this.gateway = new Gateway({ config, logger: this.logger, presence, router, stats: this.stats });
    this.heartbeat = new Heartbeat(config.heartbeatIntervalMs, config.idleTimeoutMs, {
      sessions: () => this.gateway.registry.all(),
      onIdle: (s, silentMs) => this.gateway.onIdle(s, silentMs),
    });
    this.metrics = createMetricsRegistry(this);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: config.maxPayloadBytes,
      perMessageDeflate: false,
      clientTracking: false,
      // Frames of one TCP chunk are handled in one go (fast); a flooding socket is cut by the per-connection
      // rate limit before any parsing, which keeps the others' latency bounded (see the flood test).
      allowSynchronousEvents: true,
    });
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
  }

  connectionCount(): number {
    return this.gateway.registry.connectionCount;
  }
  userCount(): number {
    return this.gateway.registry.userCount;
  }
  redisStatus(): string {
    return this.link ? this.link.linkStatus : 'none';
  }
  isReady(): boolean {
    return this.stopping === null && (this.link === null || this.link.isUp());
  }

  async start(): Promise<AddressInfo> {
    const c = this.config;
    this.link?.connect();
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(c.port, c.host, () => {
        this.http.off('error', reject);
        resolve();
      });
    });
    this.heartbeat.start();
    this.every(c.sweepIntervalMs, async () => {
      const r = await this.gateway.sweep();
      if (r.stale || r.released) this.logger.info(r, 'sweep removed stale entries');
    });
    if (this.link) {
      this.every(c.presenceRefreshMs, async () => {
        if (this.link!.isUp()) await this.gateway.refreshPresence();
      });
      this.every(c.instanceHeartbeatMs, async () => {
        if (this.link!.isUp()) await this.redisRouter!.beat(c.instanceHeartbeatMs * ALIVE_TTL_BEATS);
      });
    }
    const address = this.http.address() as AddressInfo;
    this.logger.info(
      { port: address.port, host: c.host, path: c.path, mode: this.mode, auth: c.authSecret !== null },
      'listening',
    );
    return address;
  }

  private every(ms: number, task: () => Promise<void>): void {
    const t = setInterval(() => {
      task().catch((err: Error) => this.logger.warn({ err: err.message }, 'periodic task failed'));
    }, ms);
    t.unref();
    this.timers.push(t);
  }

  /** Both Redis connections ready: heartbeat key, then re-publish every local user (Redis may have lost them). */
  private async onRedisUp(): Promise<void> {
    if (this.everUp) this.stats.redisRecoveries++;
    this.everUp = true;
    try {
      await this.redisRouter!.beat(this.config.instanceHeartbeatMs * ALIVE_TTL_BEATS);
      const n = await this.gateway.refreshPresence();
      this.logger.info({ users: n }, 'presence re-published');
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message },
        're-publishing presence failed; next refresh retries',
      );
    }
  }

  private reject(socket: Duplex, status: number, text: string): void {
    this.stats.rejectedConnections++;
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // A module function, not a closure: a closure here would share this function's context and keep `req`
    // (headers and all, about 1 KB) alive for the life of the connection.
    socket.on('error', destroyOnError);
    const path = (req.url ?? '/').split('?')[0];
    if (path !== this.config.path) return this.reject(socket, 404, 'Not Found');
    if (this.stopping) return this.reject(socket, 503, 'Service Unavailable');
    if (this.connectionCount() + this.pendingUpgrades >= this.config.maxConnections) {
      this.logger.warn(
        { limit: this.config.maxConnections },
        'connection refused: instance at maxConnections',
      );
      return this.reject(socket, 503, 'Service Unavailable');
    }
    let authUserId: string | null = null;
    if (this.config.authSecret !== null) {
      const token = tokenFromRequest(req);
      try {
        if (token === null) throw new AuthError('missing token');
        authUserId = verifyToken(token, this.config.authSecret);
      } catch (err) {
        this.logger.info({ remote: req.socket.remoteAddress, err: (err as Error).message }, 'auth refused');
        return this.reject(socket, 401, 'Unauthorized');
      }
    }
    this.pendingUpgrades++;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onWebSocket(ws, socket, authUserId));
  }

  private onWebSocket(ws: WebSocket, socket: Duplex, authUserId: string | null): void {
    this.pendingUpgrades--;
    socket.removeListener('error', destroyOnError); // ws handles socket errors from here on
    if (this.stopping) return ws.close(1001, 'gateway shutting down');
    this.gateway.accept(ws, authUserId);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    switch (path) {
      case '/stats':
        return json(200, statsJson(this));
      case '/health':
        return json(200, { status: 'ok', gatewayId: this.gatewayId });
      case '/ready': {
        const ready = this.isReady();
        return json(ready ? 200 : 503, {
          ready,
          gatewayId: this.gatewayId,
          redis: this.redisStatus(),
          stopping: this.stopping !== null,
        });
      }
      case '/metrics': {
        const body = await this.metrics.metrics();
        res.writeHead(200, { 'content-type': this.metrics.contentType });
        res.end(body);
        return;
      }
      default:
        return json(404, { error: 'not found' });
    }
  }

  /** Graceful stop: refuse new connections, close clients with a reason, release presence, close Redis. */
  stop(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    this.logger.info('shutting down');
    this.heartbeat.stop();
    for (const t of this.timers) clearInterval(t);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, this.config.shutdownGraceMs).unref());
    const work = (async () => {
      const released = await this.gateway.shutdown();
      await this.redisRouter?.close();
      this.logger.info({ released }, 'presence released');
    })();
    await Promise.race([work, deadline]);
    await this.link?.close();
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.logger.info('stopped');
  }
}
