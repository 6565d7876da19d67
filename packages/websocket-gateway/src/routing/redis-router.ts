// Cross-instance delivery over Redis Pub/Sub.
//
// Hot path: a short-lived local route cache (recipient -> holding instance, `routeCacheMs`) and one PUBLISH per
// destination instance per event-loop turn carrying every message queued for it in that turn. No Lua, no
// promise, no closure per message; Redis sees one command per batch instead of one script per message.
// Cache miss (first message to a user, or cache off): one Lua call looks the recipient up, checks its instance's
// heartbeat key and PUBLISHes the message (one round trip); the holder it returns is cached. An expired entry is
// re-validated the same way by the next message to that user while the entry keeps serving the others.
//
// A cached entry can be stale; nothing is lost or duplicated because of it:
// - the user moved to another instance: the presence CAS publishes an eviction on a channel every instance
//   listens to, which drops the cache entry; a message already on its way is re-routed by the receiving
//   instance through the Lua route (authoritative) instead of being refused;
// - the user left: the receiving instance finds no holder through the Lua route and tells the origin
//   (`User not found`), which also drops the entry;
// - the holder died: PUBLISH reaches no subscriber, the batch falls back to the Lua route per message (which
//   removes the stale presence entry); a hung holder is detected when its heartbeat key expires, plus at most
//   `routeCacheMs`.
//
// Envelopes are newline-separated (user ids cannot contain control characters; the frames are JSON.stringify
// output, which escapes them), so a receiving instance forwards the prebuilt client frames without parsing:
//   b \n origin \n (to \n from \n idJSON \n frame)+              messages routed through the cache (batched)
//   m \n to \n originGateway \n from \n idJSON \n frame         one message routed through the Lua lookup
//   e \n userId \n ts                                          evict: a newer registration exists (all instances)
//   u \n from \n to \n idJSON                                   the recipient was gone on arrival (back to origin)
import type { Logger } from 'pino';
import type { RedisKeys } from '../redis/redis-keys.js';
import type { RedisLink } from '../redis/redis-link.js';
import type { Session } from '../session.js';
import { ABSENT, DELIVERED, type InboundHandler, type RemoteRouter, type RouteOutcome } from './router.js';

/** Past this many cached recipients the cache is emptied (it refills at one Lua lookup per recipient). */
const MAX_CACHED_ROUTES = 200_000;

/**
 * Messages queued for one instance in the current turn: the envelope being built and the senders in the same
 * order (the other fields are read back from the envelope on the rare failure paths).
 */
class Batch {
  body: string;
  readonly senders: Session[] = [];
  constructor(
    readonly gateway: string,
    origin: string,
  ) {
    this.body = `b\n${origin}`;
  }
}

interface CachedRoute {
  gateway: string;
  expires: number;
}

export interface RedisRouterOptions {
  readonly gatewayId: string;
  /** How long a looked-up holder is reused without asking Redis; 0 disables the cache (Lua per message). */
  readonly routeCacheMs: number;
  readonly logger: Logger;
}

export class RedisRouter implements RemoteRouter {
  readonly kind = 'redis' as const;
  private handler: InboundHandler | null = null;
  private readonly gatewayId: string;
  private readonly cacheMs: number;
  private readonly logger: Logger;
  private readonly routes = new Map<string, CachedRoute>();
  private readonly channels = new Map<string, string>();
  private readonly pending = new Map<string, Batch>();
  private flushScheduled = false;
  private readonly flush = (): void => {
    this.flushScheduled = false;
    for (const batch of this.pending.values()) this.publishBatch(batch);
    this.pending.clear();
  };

  constructor(
    private readonly link: RedisLink,
    private readonly keys: RedisKeys,
    options: RedisRouterOptions,
  ) {
    this.gatewayId = options.gatewayId;
    this.cacheMs = options.routeCacheMs;
    this.logger = options.logger;
  }

  attach(handler: InboundHandler): void {
    this.handler = handler;
  }

  route(sender: Session, to: string, from: string, idJson: string, frame: string): void {
    if (!this.link.isUp()) return this.handler!.routed(sender, to, idJson, 'unavailable');
    const cached = this.cacheMs > 0 ? this.routes.get(to) : undefined;
    if (cached !== undefined) {
      const now = Date.now();
      if (cached.expires <= now) {
        // Expired: this message goes through the Lua lookup, which re-validates the entry. Until its answer the
        // entry keeps serving (one lookup per recipient per routeCacheMs, not every message while it is in flight).
        cached.expires = now + this.cacheMs;
        // Messages already queued for that instance leave first: one sender's messages stay in order.
        const queued = this.pending.get(cached.gateway);
        if (queued !== undefined) {
          this.pending.delete(cached.gateway);
          this.publishBatch(queued);
        }
        return this.lookupAndSend(sender, to, from, idJson, frame);
      }
      let batch = this.pending.get(cached.gateway);
      if (batch === undefined) {
        batch = new Batch(cached.gateway, this.gatewayId);
        this.pending.set(cached.gateway, batch);
        if (!this.flushScheduled) {
          // After the I/O phase: every socket read in this turn contributes to the same batches.
          this.flushScheduled = true;
          setImmediate(this.flush);
        }
      }
      batch.body += `\n${to}\n${from}\n${idJson}\n${frame}`;
      batch.senders.push(sender);
      return;
    }
    this.lookupAndSend(sender, to, from, idJson, frame);
  }

  /** One Lua call: look the recipient up, check its instance is alive, publish; cache the holder it names. */
  private lookupAndSend(sender: Session, to: string, from: string, idJson: string, frame: string): void {
    const payload = `m\n${to}\n${this.gatewayId}\n${from}\n${idJson}\n${frame}`;
    this.link.commands
      .routeMessage(
        this.keys.presence(to),
        this.gatewayId,
        this.keys.channelPrefix,
        this.keys.aliveSuffix,
        payload,
      )
      .then(
        ([n, holder]) => {
          if (n > 0) {
            this.remember(to, holder);
            this.handler!.routed(sender, to, idJson, 'sent');
          } else {
            this.routes.delete(to);
            this.handler!.routed(sender, to, idJson, 'not-found');
          }
        },
        () => this.handler!.routed(sender, to, idJson, 'unavailable'),
      );
  }

  private remember(to: string, holder: string): void {
    if (this.cacheMs <= 0) return;
    if (this.routes.size >= MAX_CACHED_ROUTES) this.routes.clear();
    const expires = Date.now() + this.cacheMs;
    const entry = this.routes.get(to);
    if (entry) {
      entry.gateway = holder;
      entry.expires = expires;
    } else this.routes.set(to, { gateway: holder, expires });
  }

  private channel(gateway: string): string {
    let ch = this.channels.get(gateway);
    if (ch === undefined) {
      ch = this.keys.channel(gateway);
      this.channels.set(gateway, ch);
    }
    return ch;
  }

  private publishBatch(batch: Batch): void {
    if (!this.link.isUp()) return this.settle(batch, 'unavailable');
    this.link.commands.publish(this.channel(batch.gateway), batch.body).then(
      (n) => {
        if (n > 0) return this.settle(batch, 'sent');
        // Nobody listens on that instance's channel any more (it died): forget it, ask Redis per message.
        for (const [user, r] of this.routes) if (r.gateway === batch.gateway) this.routes.delete(user);
        forEachRecord(batch, (sender, to, from, idJson, frame) =>
          this.lookupAndSend(sender, to, from, idJson, frame),
        );
      },
      () => this.settle(batch, 'unavailable'),
    );
  }

  private settle(batch: Batch, outcome: RouteOutcome): void {
    const h = this.handler!;
    if (outcome === 'sent') {
      for (const sender of batch.senders) h.routed(sender, '', '', outcome);
      return;
    }
    forEachRecord(batch, (sender, to, _from, idJson) => h.routed(sender, to, idJson, outcome));
  }

  /** Parse one envelope from our channel (or the shared eviction channel) and act on it. */
  dispatch(payload: string): void {
    const h = this.handler!;
    switch (payload.charCodeAt(0)) {
      case 98 /* b */:
        if (this.dispatchBatch(payload, h)) return;
        break;
      case 109 /* m */: {
        const f = fields(payload, 5);
        if (!f) break;
        const [, to, origin, from, idJson, frame] = f;
        if (h.deliver(to, frame) !== DELIVERED) this.giveUp(origin, from, to, idJson);
        return;
      }
      case 101 /* e */: {
        const f = fields(payload, 2);
        if (!f) break;
        this.routes.delete(f[1]);
        return h.evict(f[1], Number(f[2]));
      }
      case 117 /* u */: {
        const f = fields(payload, 3);
        if (!f) break;
        this.routes.delete(f[2]);
        return h.undeliverable(f[1], f[2], f[3]);
      }
    }
    this.logger.warn({ payload: payload.slice(0, 80) }, 'malformed inter-gateway envelope dropped');
  }

  /** `b` envelope: records of four lines after the origin line. False when malformed (nothing delivered). */
  private dispatchBatch(payload: string, h: InboundHandler): boolean {
    let nl = payload.indexOf('\n');
    if (nl < 0) return false;
    let start = nl + 1;
    nl = payload.indexOf('\n', start);
    if (nl < 0) return false;
    const origin = payload.slice(start, nl);
    start = nl + 1;
    const end = payload.length;
    while (start < end) {
      const a = payload.indexOf('\n', start);
      const b = a < 0 ? -1 : payload.indexOf('\n', a + 1);
      const c = b < 0 ? -1 : payload.indexOf('\n', b + 1);
      if (c < 0) return false;
      let d = payload.indexOf('\n', c + 1);
      if (d < 0) d = end;
      const to = payload.slice(start, a);
      const frame = payload.slice(c + 1, d);
      const result = h.deliver(to, frame);
      if (result !== DELIVERED) {
        const from = payload.slice(a + 1, b);
        const idJson = payload.slice(b + 1, c);
        // The sender's cache was stale (the user moved or left): ask Redis where the user is now.
        if (result === ABSENT) this.reroute(origin, to, from, idJson, frame);
        else this.giveUp(origin, from, to, idJson);
      }
      start = d + 1;
    }
    return true;
  }

  /** Forward a message that arrived here through a stale cache entry, via the authoritative Lua route. */
  private reroute(origin: string, to: string, from: string, idJson: string, frame: string): void {
    const payload = `m\n${to}\n${origin}\n${from}\n${idJson}\n${frame}`;
    this.link.commands
      .routeMessage(
        this.keys.presence(to),
        this.gatewayId,
        this.keys.channelPrefix,
        this.keys.aliveSuffix,
        payload,
      )
      .then(
        ([n]) => {
          if (n <= 0) this.giveUp(origin, from, to, idJson);
        },
        () => this.giveUp(origin, from, to, idJson),
      );
  }

  /** The message cannot be delivered: count it and tell its origin (which answers `User not found`). */
  private giveUp(origin: string, from: string, to: string, idJson: string): void {
    this.handler!.droppedInbound();
    if (origin === this.gatewayId) return this.handler!.undeliverable(from, to, idJson);
    this.link.commands
      .publish(this.channel(origin), `u\n${from}\n${to}\n${idJson}`)
      .catch(() => this.logger.debug({ origin, to }, 'could not report undeliverable message'));
  }

  /** Instance heartbeat: senders treat presence pointing at an instance without this key as stale. */
  async beat(ttlMs: number): Promise<void> {
    await this.link.commands.set(this.keys.alive(this.gatewayId), String(Date.now()), 'PX', ttlMs);
  }

  async close(): Promise<void> {
    try {
      await this.link.commands.del(this.keys.alive(this.gatewayId));
    } catch {
      // Redis away at shutdown: the key expires by itself within its TTL.
    }
  }
}

/** Walk the records of a batch built by `route` (failure paths only). */
function forEachRecord(
  batch: Batch,
  fn: (sender: Session, to: string, from: string, idJson: string, frame: string) => void,
): void {
  const lines = batch.body.split('\n');
  for (let i = 0, line = 2; i < batch.senders.length; i++, line += 4)
    fn(batch.senders[i], lines[line], lines[line + 1], lines[line + 2], lines[line + 3]);
}

/** Split the first `n` newline-separated fields off `payload`; the rest (which may contain anything) is last. */
function fields(payload: string, n: number): string[] | null {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const nl = payload.indexOf('\n', start);
    if (nl < 0) return null;
    out.push(payload.slice(start, nl));
    start = nl + 1;
  }
  out.push(payload.slice(start));
  return out;
}
