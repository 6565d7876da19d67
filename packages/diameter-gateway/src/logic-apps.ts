import { buildAvp, encodeAvps, type Dictionary, type PeerConnection } from '@diam/diameter';
import { LatencyHistogram } from './latency-histogram.js';

/**
 * The Logic Apps connected to the gateway, by connection, by Origin-Host and by the applications they advertised
 * in their CER (for routing DRA-initiated requests). Each carries its counters and the Route-Record AVP the relay
 * appends to its requests (RFC 6733 §6.1.9: the identity of the peer the request came from), encoded once.
 */
export class LogicApp {
  readonly connection: PeerConnection;
  readonly originHost: string;
  readonly applications: ReadonlySet<number>;
  readonly routeRecord: Buffer;
  inFlight = 0;
  requests = 0;
  answers = 0;
  errors = 0;
  droppedAnswers = 0;
  readonly latency = new LatencyHistogram();

  constructor(connection: PeerConnection, dictionary: Dictionary) {
    const caps = connection.capabilities!;
    this.connection = connection;
    this.originHost = caps.originHost;
    const apps = new Set<number>([...caps.authApplicationIds, ...caps.acctApplicationIds]);
    for (const v of caps.vendorSpecificApplicationIds) {
      if (v.authApplicationId !== undefined) apps.add(v.authApplicationId);
      if (v.acctApplicationId !== undefined) apps.add(v.acctApplicationId);
    }
    this.applications = apps;
    this.routeRecord = routeRecordAvp(dictionary, caps.originHost);
  }
}

/** A Route-Record AVP for `identity`, as bytes of our own (not a slab view). */
export function routeRecordAvp(dictionary: Dictionary, identity: string): Buffer {
  return Buffer.from(encodeAvps([buildAvp(dictionary, dictionary.avpByName('Route-Record')!, identity)]));
}

export class LogicApps {
  private readonly byConnection = new Map<PeerConnection, LogicApp>();
  private readonly byHost = new Map<string, LogicApp>();
  private rr = 0;
  /** The last lookup: requests come in runs from one connection (one received chunk), so most hit it. */
  private lastConnection: PeerConnection | undefined;
  private lastApp: LogicApp | undefined;

  add(app: LogicApp): void {
    this.byConnection.set(app.connection, app);
    this.byHost.set(app.originHost, app);
  }

  remove(connection: PeerConnection): LogicApp | undefined {
    const app = this.byConnection.get(connection);
    if (app === undefined) return undefined;
    this.byConnection.delete(connection);
    if (this.lastConnection === connection) this.lastConnection = this.lastApp = undefined;
    if (this.byHost.get(app.originHost) === app) this.byHost.delete(app.originHost);
    return app;
  }

  of(connection: PeerConnection): LogicApp | undefined {
    if (connection === this.lastConnection) return this.lastApp;
    const app = this.byConnection.get(connection);
    if (app !== undefined) {
      this.lastConnection = connection;
      this.lastApp = app;
    }
    return app;
  }

  withHost(originHost: string): LogicApp | undefined {
    const app = this.byHost.get(originHost);
    return app !== undefined && app.connection.isUsable ? app : undefined;
  }

  /** Round robin over the usable Logic Apps that advertised this application (or Relay). */
  forApplication(applicationId: number): LogicApp | undefined {
    const candidates = [...this.byConnection.values()].filter(
      (a) => a.connection.isUsable && (a.applications.has(applicationId) || a.applications.has(0xffffffff)),
    );
    if (candidates.length === 0) return undefined;
    return candidates[this.rr++ % candidates.length];
  }

  get size(): number {
    return this.byConnection.size;
  }

  list(): LogicApp[] {
    return [...this.byConnection.values()];
  }
}
