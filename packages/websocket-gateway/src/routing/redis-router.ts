// Cross-instance delivery over Redis Pub/Sub: one Lua call looks the recipient up, checks its instance's
// heartbeat key and PUBLISHes to `gateway:{id}` (one round trip per message, auto-pipelined by ioredis).
//
// Envelopes are newline-separated (user ids cannot contain control characters; JSON escapes newlines), so the
// receiving instance forwards the prebuilt client frame without re-serialising it:
//   m \n to \n originGateway \n from \n idJSON \n frame      a message for a local user
//   e \n userId \n ts                                        evict: a newer registration exists elsewhere
//   u \n from \n to \n idJSON                                 the recipient was gone on arrival (back to origin)
import type { Logger } from 'pino';
import type { MessageId } from '../protocol.js';
import type { RedisKeys } from '../redis/redis-keys.js';
import type { RedisLink } from '../redis/redis-link.js';
import type { InboundHandler, RemoteRouter, RouteOutcome } from './router.js';

function encodeId(id: MessageId | undefined): string {
  return id === undefined ? '' : JSON.stringify(id);
}
function decodeId(text: string): MessageId | undefined {
  if (text === '') return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'string' || typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
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

export class RedisRouter implements RemoteRouter {
  readonly kind = 'redis' as const;
  constructor(
    private readonly link: RedisLink,
    private readonly keys: RedisKeys,
    private readonly gatewayId: string,
    private readonly logger: Logger,
  ) {}

  async route(to: string, from: string, id: MessageId | undefined, frame: string): Promise<RouteOutcome> {
    if (!this.link.isUp()) return 'unavailable';
    const payload = `m\n${to}\n${this.gatewayId}\n${from}\n${encodeId(id)}\n${frame}`;
    try {
      const n = await this.link.commands.routeMessage(
        this.keys.presence(to),
        this.gatewayId,
        this.keys.channelPrefix,
        this.keys.aliveSuffix,
        payload,
      );
      return n > 0 ? 'sent' : 'not-found';
    } catch {
      return 'unavailable';
    }
  }

  notifyUndeliverable(originGateway: string, from: string, to: string, id: MessageId | undefined): void {
    this.link.commands
      .publish(this.keys.channel(originGateway), `u\n${from}\n${to}\n${encodeId(id)}`)
      .catch(() => this.logger.debug({ originGateway, to }, 'could not report undeliverable message'));
  }

  /** Parse one envelope from our channel and hand it to the gateway. Unknown envelopes are logged and dropped. */
  dispatch(payload: string, handler: InboundHandler): void {
    switch (payload.charCodeAt(0)) {
      case 109 /* m */: {
        const f = fields(payload, 5);
        if (f) return handler.deliver(f[1], f[3], f[2], decodeId(f[4]), f[5]);
        break;
      }
      case 101 /* e */: {
        const f = fields(payload, 2);
        if (f) return handler.evict(f[1], Number(f[2]));
        break;
      }
      case 117 /* u */: {
        const f = fields(payload, 3);
        if (f) return handler.undeliverable(f[1], f[2], decodeId(f[3]));
        break;
      }
    }
    this.logger.warn({ payload: payload.slice(0, 80) }, 'malformed inter-gateway envelope dropped');
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
