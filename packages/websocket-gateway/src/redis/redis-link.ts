// The two Redis connections of one gateway (commands, and a duplicate() for Pub/Sub) and their joint status.
//
// Commands never wait in an offline queue: while Redis is away they fail at once (enableOfflineQueue false,
// maxRetriesPerRequest 0, unfulfilled commands not resent), so a sender gets an error instead of a message that
// might be delivered minutes later or never. ioredis keeps reconnecting; when both connections are ready again
// and the channel is re-subscribed the link emits 'up' and the gateway re-publishes its users' presence.
import { EventEmitter } from 'node:events';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { CLAIM_SCRIPT, REFRESH_SCRIPT, RELEASE_SCRIPT, ROUTE_SCRIPT } from '../presence/cas-script.js';

type Arg = string | number;
/** The commands the scripts add (ioredis `defineCommand`), callable on the client and on pipelines. */
export interface ScriptCommands {
  presenceClaim(key: string, ...args: Arg[]): Promise<[number, string]>;
  presenceRefresh(key: string, ...args: Arg[]): Promise<number>;
  presenceRelease(key: string, ...args: Arg[]): Promise<number>;
  routeMessage(key: string, ...args: Arg[]): Promise<[number, string]>;
}
export type ScriptedRedis = Redis & ScriptCommands;

export type LinkStatus = 'connecting' | 'up' | 'down' | 'closed';

export interface RedisLinkOptions {
  readonly url: string;
  readonly commandTimeoutMs: number;
  /** Channel this instance listens on; (re)subscribed on every ready of the subscriber connection. */
  readonly channel: string;
  /** Further channels shared by all instances (evictions), subscribed together with `channel`. */
  readonly sharedChannels?: readonly string[];
  readonly onMessage: (payload: string) => void;
  readonly logger: Logger;
}

/** Reconnect quickly at first, then every second: recovery within one presence refresh interval matters more. */
export function redisRetryDelay(attempt: number): number {
  return Math.min(50 * 2 ** Math.min(attempt, 5), 1000);
}

export class RedisLink extends EventEmitter<{ up: []; down: [cause: string] }> {
  readonly commands: ScriptedRedis;
  readonly subscriber: Redis;
  private subscribed = false;
  private status: LinkStatus = 'connecting';

  constructor(private readonly opts: RedisLinkOptions) {
    super();
    const options: RedisOptions = {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      autoResubscribe: false,
      enableAutoPipelining: true,
      commandTimeout: opts.commandTimeoutMs,
      connectTimeout: Math.max(1000, opts.commandTimeoutMs),
      retryStrategy: redisRetryDelay,
    };
    const commands = new Redis(opts.url, options);
    commands.defineCommand('presenceClaim', { numberOfKeys: 1, lua: CLAIM_SCRIPT });
    commands.defineCommand('presenceRefresh', { numberOfKeys: 1, lua: REFRESH_SCRIPT });
    commands.defineCommand('presenceRelease', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
    commands.defineCommand('routeMessage', { numberOfKeys: 1, lua: ROUTE_SCRIPT });
    this.commands = commands as ScriptedRedis;
    // The subscriber must not time out while idle in subscribe mode.
    this.subscriber = commands.duplicate({ commandTimeout: undefined, enableAutoPipelining: false });
    this.subscriber.on('message', (_channel: string, payload: string) => opts.onMessage(payload));
    for (const [role, client] of [
      ['commands', this.commands],
      ['subscriber', this.subscriber],
    ] as const) {
      client.on('ready', () => this.onReady(role));
      client.on('close', () => this.onLost(role, 'close'));
      client.on('reconnecting', () => this.onLost(role, 'reconnecting'));
      client.on('end', () => this.onLost(role, 'end'));
      // ioredis emits 'error' on every failed reconnect; the status transitions are what we log.
      client.on('error', (err: Error) => opts.logger.debug({ role, err: err.message }, 'redis error'));
    }
  }

  get linkStatus(): LinkStatus {
    return this.status;
  }

  isUp(): boolean {
    return this.status === 'up';
  }

  /** Start connecting; never throws. The link reports 'up' when both connections are ready and subscribed. */
  connect(): void {
    this.commands.connect().catch(() => undefined);
    this.subscriber.connect().catch(() => undefined);
  }

  private onReady(role: 'commands' | 'subscriber'): void {
    if (role === 'subscriber') {
      this.subscriber.subscribe(this.opts.channel, ...(this.opts.sharedChannels ?? [])).then(
        () => {
          this.subscribed = true;
          this.maybeUp();
        },
        (err: Error) => this.opts.logger.warn({ err: err.message }, 'redis subscribe failed'),
      );
      return;
    }
    this.maybeUp();
  }

  private maybeUp(): void {
    if (this.status === 'closed' || this.status === 'up') return;
    if (this.commands.status === 'ready' && this.subscriber.status === 'ready' && this.subscribed) {
      const from = this.status;
      this.status = 'up';
      this.opts.logger.info({ from, to: 'up' }, 'redis link up');
      this.emit('up');
    }
  }

  private onLost(role: 'commands' | 'subscriber', cause: string): void {
    if (role === 'subscriber') this.subscribed = false;
    if (this.status === 'closed' || this.status === 'down' || this.status === 'connecting') return;
    this.status = 'down';
    this.opts.logger.warn({ from: 'up', to: 'down', role, cause }, 'redis link down');
    this.emit('down', `${role} ${cause}`);
  }

  async close(): Promise<void> {
    this.status = 'closed';
    await Promise.allSettled([this.commands.quit(), this.subscriber.quit()]);
    this.commands.disconnect();
    this.subscriber.disconnect();
  }
}
