// Redis presence: `presence:{userId}` HASH {gateway, ts} written only through the CAS scripts, TTL refreshed in
// pipelined batches (one round trip per `presenceBatchSize` users, not one command per user).
import { RedisUnavailableError } from '../errors.js';
import type { RedisKeys } from '../redis/redis-keys.js';
import type { RedisLink, ScriptCommands } from '../redis/redis-link.js';
import type { ClaimResult, Presence, PresenceEntry, PresenceRecord } from './presence.js';

export interface RedisPresenceOptions {
  readonly gatewayId: string;
  readonly ttlMs: number;
  readonly batchSize: number;
}

export class RedisPresence implements Presence {
  readonly kind = 'redis' as const;
  constructor(
    private readonly link: RedisLink,
    private readonly keys: RedisKeys,
    private readonly opts: RedisPresenceOptions,
  ) {}

  async claim(userId: string, ts: number): Promise<ClaimResult> {
    try {
      const [accepted, prev] = await this.link.commands.presenceClaim(
        this.keys.presence(userId),
        this.opts.gatewayId,
        ts,
        this.opts.ttlMs,
        this.keys.evictChannel,
        userId,
      );
      return { accepted: accepted === 1, previousGateway: prev === '' ? null : prev };
    } catch (err) {
      throw new RedisUnavailableError('presence claim', err);
    }
  }

  async release(userId: string, ts: number): Promise<boolean> {
    try {
      const n = await this.link.commands.presenceRelease(this.keys.presence(userId), this.opts.gatewayId, ts);
      return n === 1;
    } catch (err) {
      throw new RedisUnavailableError('presence release', err);
    }
  }

  async releaseAll(entries: readonly PresenceEntry[]): Promise<number> {
    const results = await this.batch(entries, 'presenceRelease', 'presence release');
    return results.filter((r) => r === 1).length;
  }

  async refresh(entries: readonly PresenceEntry[]): Promise<string[]> {
    const results = await this.batch(entries, 'presenceRefresh', 'presence refresh');
    const lost: string[] = [];
    results.forEach((r, i) => {
      if (r === 0) lost.push(entries[i].userId);
    });
    return lost;
  }

  async lookup(userId: string): Promise<PresenceRecord | null> {
    try {
      const [gateway, ts] = await this.link.commands.hmget(this.keys.presence(userId), 'gateway', 'ts');
      return gateway && ts ? { gateway, ts: Number(ts) } : null;
    } catch (err) {
      throw new RedisUnavailableError('presence lookup', err);
    }
  }

  async close(): Promise<void> {
    // The link is owned by the server, which closes it after the router.
  }

  /** One pipeline per batch; a failed command inside a batch yields -1 for that entry. */
  private async batch(
    entries: readonly PresenceEntry[],
    command: 'presenceRefresh' | 'presenceRelease',
    operation: string,
  ): Promise<number[]> {
    const out: number[] = [];
    const ttlArgs = command === 'presenceRefresh' ? [this.opts.ttlMs] : [];
    for (let i = 0; i < entries.length; i += this.opts.batchSize) {
      const pipeline = this.link.commands.pipeline() as unknown as ScriptCommands & {
        exec(): Promise<[Error | null, unknown][] | null>;
      };
      const slice = entries.slice(i, i + this.opts.batchSize);
      for (const e of slice) {
        void pipeline[command](this.keys.presence(e.userId), this.opts.gatewayId, e.ts, ...ttlArgs);
      }
      let results: [Error | null, unknown][] | null;
      try {
        results = await pipeline.exec();
      } catch (err) {
        throw new RedisUnavailableError(operation, err);
      }
      if (!results) throw new RedisUnavailableError(operation);
      for (const [err, r] of results) out.push(err ? -1 : Number(r));
    }
    return out;
  }
}
