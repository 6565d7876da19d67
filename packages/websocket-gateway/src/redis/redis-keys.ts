// Names of everything this gateway keeps in Redis, all behind one configurable prefix.
//   {prefix}presence:{userId}     HASH gateway, ts          (PEXPIRE presenceTtlMs, refreshed in batches)
//   {prefix}gateway:{id}          Pub/Sub channel of one instance
//   {prefix}gateway:{id}:alive    instance heartbeat key    (PX 3 x instanceHeartbeatMs)
//   {prefix}gateways:evict        Pub/Sub channel of all instances: a user moved (close older, drop route cache)
// The Lua scripts build channel and heartbeat names from these prefixes, so the layout targets a standalone
// Redis (or Sentinel), not Redis Cluster.
export class RedisKeys {
  readonly channelPrefix: string;
  readonly aliveSuffix = ':alive';
  readonly evictChannel: string;
  constructor(private readonly prefix: string) {
    this.channelPrefix = `${prefix}gateway:`;
    this.evictChannel = `${prefix}gateways:evict`;
  }
  presence(userId: string): string {
    return `${this.prefix}presence:${userId}`;
  }
  presencePattern(): string {
    return `${this.prefix}presence:*`;
  }
  channel(gatewayId: string): string {
    return `${this.channelPrefix}${gatewayId}`;
  }
  alive(gatewayId: string): string {
    return `${this.channelPrefix}${gatewayId}${this.aliveSuffix}`;
  }
}
