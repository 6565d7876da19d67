import { EventEmitter } from 'node:events';
import type * as tls from 'node:tls';
import {
  ConnectionPool,
  type ConnectionPoolOptions,
  type FailureEvent,
  type Logger,
  type PeerConnection,
  type RequestHandler,
} from '@diam/diameter';
import type { DraConfig } from './config.js';
import { LatencyHistogram } from './latency-histogram.js';

/**
 * The DRAs behind the gateway: one ConnectionPool per DRA, grouped by priority (1 = best). Traffic goes to the best
 * priority that has a DRA whose watchdog is OKAY, spread over that group by weight (smooth weighted round robin).
 * When every DRA of that priority is down, traffic fails over to the next; when a better DRA is OKAY again (after
 * REOPEN and its three DWAs) and has stayed so for the hold-down, traffic fails back. The group is recomputed on
 * the pools' events, not per request: the hot path is an array index and a pool pick.
 */
export class Dra {
  readonly name: string;
  readonly priority: number;
  readonly weight: number;
  /** Dialled with TLS. */
  readonly tls: boolean;
  readonly pool: ConnectionPool;
  /** When it last became usable; undefined while down. */
  upSince: number | undefined;
  /** Requests sent, answers received, latency: maintained by the relay. */
  requests = 0;
  answers = 0;
  errors = 0;
  readonly latency = new LatencyHistogram();

  constructor(config: DraConfig, pool: ConnectionPool) {
    this.name = config.name;
    this.priority = config.priority;
    this.weight = config.weight;
    this.tls = config.tls;
    this.pool = pool;
  }

  get up(): boolean {
    return this.pool.activeCount > 0;
  }
}

export interface DraPoolEvents {
  /** The priority in use changed (failover or failback). */
  priority: [
    {
      readonly from: number | undefined;
      readonly to: number | undefined;
      readonly kind: 'failover' | 'failback' | 'initial' | 'none';
    },
  ];
  failure: [FailureEvent & { readonly dra: string }];
}

/** The files' part of a DRA's TLS options: what a reload replaces. */
const TLS_FILES = ['ca', 'cert', 'key'] as const;

export class DraPool extends EventEmitter<DraPoolEvents> {
  readonly dras: Dra[];
  failoverCount = 0;
  failbackCount = 0;
  private activePriorityValue: number | undefined;
  private schedule: Dra[] = [];
  private next = 0;
  private readonly byConnection = new Map<PeerConnection, Dra>();
  private lastConnection: PeerConnection | undefined;
  private lastDra: Dra | undefined;
  /** The TLS options of the DRAs dialled with TLS, one object each. */
  private readonly tlsOptions: tls.ConnectionOptions[] = [];
  private holdDownTimer: NodeJS.Timeout | undefined;
  private closing = false;
  private readonly holdDown: number;
  private readonly logger: Logger;

  constructor(
    configs: readonly DraConfig[],
    peer: Omit<ConnectionPoolOptions, 'host' | 'port' | 'name' | 'connections'>,
    connsPerDra: number,
    holdDown: number,
    requestHandler: RequestHandler,
    logger: Logger,
  ) {
    super();
    this.holdDown = holdDown;
    this.logger = logger;
    this.dras = configs.map((c) => {
      const pool = new ConnectionPool({
        ...peer,
        // `peer.tls` holds the client-side TLS options; only DRAs marked tls are dialled with them, each with an
        // object of its own that a reload updates in place (a connection reads it when it dials).
        tls: c.tls ? this.ownTls(peer.tls, c.servername) : undefined,
        host: c.host,
        port: c.port,
        name: c.name,
        connections: connsPerDra,
        logger,
        requestHandler,
      });
      const dra = new Dra(c, pool);
      for (const conn of pool.allConnections) this.byConnection.set(conn, dra);
      pool.on('active', () => this.recompute());
      pool.on('failure', (e) => this.emit('failure', { ...e, dra: c.name }));
      return dra;
    });
  }

  start(): void {
    for (const d of this.dras) d.pool.start();
  }

  /** New client-side TLS material (certificate rotation): connections dialled from now on use it. */
  updateTls(shared: tls.ConnectionOptions): void {
    for (const options of this.tlsOptions)
      for (const k of TLS_FILES) {
        if (shared[k] === undefined) delete options[k];
        else options[k] = shared[k] as never;
      }
  }

  private ownTls(
    shared: ConnectionPoolOptions['tls'],
    servername: string | undefined,
  ): tls.ConnectionOptions {
    const options: tls.ConnectionOptions = {
      ...(typeof shared === 'object' ? shared : {}),
      ...(servername !== undefined && { servername }),
    };
    this.tlsOptions.push(options);
    return options;
  }

  get activePriority(): number | undefined {
    return this.activePriorityValue;
  }

  get activeDras(): readonly Dra[] {
    return this.schedule.length === 0 ? [] : [...new Set(this.schedule)];
  }

  draOf(connection: PeerConnection): Dra | undefined {
    // Requests go out in runs on one connection: the last answer is the likely one (the map never changes).
    if (connection === this.lastConnection) return this.lastDra;
    const dra = this.byConnection.get(connection);
    this.lastConnection = connection;
    this.lastDra = dra;
    return dra;
  }

  /** A usable DRA connection by priority and weight; undefined when no DRA is usable. */
  pick(): PeerConnection | undefined {
    const n = this.schedule.length;
    for (let i = 0; i < n; i++) {
      const dra = this.schedule[this.next++ % n];
      if (this.next >= 0x4000_0000) this.next = 0;
      const c = dra.pool.pick();
      if (c !== undefined) return c;
    }
    // The group just went down and the event is on its way: take any usable DRA, best priority first.
    for (const dra of this.byPriority()) {
      const c = dra.pool.pick();
      if (c !== undefined) return c;
    }
    return undefined;
  }

  /** A usable connection on another DRA than `avoid` (for a retransmission after a failure), else any. */
  pickOther(avoid: PeerConnection): PeerConnection | undefined {
    const avoidDra = this.byConnection.get(avoid);
    for (const dra of this.byPriority()) {
      if (dra === avoidDra) continue;
      const c = dra.pool.pick();
      if (c !== undefined) return c;
    }
    const c = this.pick();
    return c === avoid ? undefined : c;
  }

  isReady(): boolean {
    return this.dras.some((d) => d.up);
  }

  async close(drainTimeout: number): Promise<void> {
    this.closing = true;
    if (this.holdDownTimer !== undefined) clearTimeout(this.holdDownTimer);
    await Promise.all(this.dras.map((d) => d.pool.close({ drainTimeout })));
  }

  private byPriority(): Dra[] {
    return [...this.dras].sort((a, b) => a.priority - b.priority);
  }

  /** Picks the active group again; called on every change of a pool's usable connections and hold-down expiry. */
  private recompute(): void {
    if (this.closing) return; // DRAs going away on shutdown are not a failover
    const now = Date.now();
    for (const d of this.dras) {
      if (d.up && d.upSince === undefined) d.upSince = now;
      if (!d.up) d.upSince = undefined;
    }
    const active = this.activePriorityValue;
    let waitUntil = Infinity;
    const ready = this.dras.filter((d) => {
      if (!d.up) return false;
      if (active === undefined || d.priority >= active) return true;
      // A better DRA than the ones in use: fail back only after it stayed OKAY for the hold-down.
      const at = d.upSince! + this.holdDown;
      if (now >= at) return true;
      waitUntil = Math.min(waitUntil, at);
      return false;
    });
    const best = ready.length === 0 ? undefined : Math.min(...ready.map((d) => d.priority));
    const group = ready.filter((d) => d.priority === best);
    this.schedule = weightedSchedule(group);
    if (best !== active) {
      const kind =
        active === undefined
          ? 'initial'
          : best === undefined
            ? 'none'
            : best > active
              ? 'failover'
              : 'failback';
      if (kind === 'failover' || (kind === 'none' && active !== undefined)) this.failoverCount++;
      if (kind === 'failback') this.failbackCount++;
      this.activePriorityValue = best;
      const log = kind === 'initial' || kind === 'failback' ? 'info' : 'warn';
      this.logger[log](
        { from: active, to: best, kind, dras: group.map((d) => d.name) },
        `DRA priority ${active ?? '-'} -> ${best ?? '-'} (${kind})`,
      );
      this.emit('priority', { from: active, to: best, kind });
    }
    if (this.holdDownTimer !== undefined) clearTimeout(this.holdDownTimer);
    this.holdDownTimer = undefined;
    if (waitUntil !== Infinity) {
      this.holdDownTimer = setTimeout(() => this.recompute(), waitUntil - now + 1);
      this.holdDownTimer.unref();
    }
  }
}

/**
 * Smooth weighted round robin (as nginx): a sequence in which each DRA appears in proportion to its weight, spread
 * out rather than in runs. Computed once per change of the active group.
 */
function weightedSchedule(group: Dra[]): Dra[] {
  if (group.length <= 1) return group;
  const gcd = group.reduce((g, d) => gcdOf(g, d.weight), 0);
  const weights = group.map((d) => d.weight / gcd);
  const total = weights.reduce((a, b) => a + b, 0);
  const length = Math.min(total, 1000);
  const current = new Array<number>(group.length).fill(0);
  const out: Dra[] = [];
  for (let i = 0; i < length; i++) {
    let best = 0;
    for (let k = 0; k < group.length; k++) {
      current[k] += weights[k];
      if (current[k] > current[best]) best = k;
    }
    current[best] -= total;
    out.push(group[best]);
  }
  return out;
}

function gcdOf(a: number, b: number): number {
  return b === 0 ? a : gcdOf(b, a % b);
}
