// Presence compare-and-set on a real Redis: concurrent updates with shuffled timestamps, the newest always wins.
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisPresence } from '../src/presence/redis-presence.js';
import { RedisKeys } from '../src/redis/redis-keys.js';
import { RedisLink } from '../src/redis/redis-link.js';
import { waitFor } from './support/in-process.js';
import { deletePrefix, testRedis, uniqueName } from './support/redis.js';

const USERS = 20;
const UPDATES = 1000;
const LINKS = 4;
let url: string;
let prefix: string;
let keys: RedisKeys;
const links: RedisLink[] = [];
let admin: Redis;

beforeAll(async () => {
  url = await testRedis();
  prefix = `${uniqueName('cas')}:`;
  keys = new RedisKeys(prefix);
  admin = new Redis(url);
  for (let i = 0; i < LINKS; i++) {
    const link = new RedisLink({
      url,
      commandTimeoutMs: 5000,
      channel: keys.channel(`gw-${i}`),
      onMessage: () => undefined,
      logger: pino({ level: 'silent' }),
    });
    link.connect();
    links.push(link);
  }
  await waitFor(() => links.every((l) => l.isUp()), 5000, 'links up');
});
afterAll(async () => {
  await deletePrefix(url, prefix);
  admin.disconnect();
  await Promise.all(links.map((l) => l.close()));
});

function presenceFor(gateway: number): RedisPresence {
  return new RedisPresence(links[gateway % LINKS], keys, {
    gatewayId: `gw-${gateway}`,
    ttlMs: 60_000,
    batchSize: 100,
  });
}

function shuffle<T>(a: T[]): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('presence CAS', () => {
  it(`${UPDATES} concurrent updates with shuffled timestamps: the newest always wins`, async () => {
    const base = Date.now() * 1000;
    const updates = shuffle(
      Array.from({ length: UPDATES }, (_, i) => ({ user: `u${i % USERS}`, ts: base + i, gateway: i % 8 })),
    );
    const presences = Array.from({ length: 8 }, (_, g) => presenceFor(g));
    const results = await Promise.all(updates.map((u) => presences[u.gateway].claim(u.user, u.ts)));
    expect(results.some((r) => !r.accepted)).toBe(true); // the race really happened
    for (let u = 0; u < USERS; u++) {
      const newest = updates.filter((x) => x.user === `u${u}`).reduce((a, b) => (b.ts > a.ts ? b : a));
      const stored = await admin.hgetall(keys.presence(`u${u}`));
      expect(stored).toEqual({ gateway: `gw-${newest.gateway}`, ts: String(newest.ts) });
      expect(await admin.pttl(keys.presence(`u${u}`))).toBeGreaterThan(50_000);
    }
  });

  it('an older release, refresh or claim never touches a newer registration', async () => {
    const a = presenceFor(0);
    const b = presenceFor(1);
    const t = Date.now() * 1000;
    expect((await a.claim('moved', t)).accepted).toBe(true);
    expect(await b.claim('moved', t + 5)).toEqual({ accepted: true, previousGateway: 'gw-0' });
    expect(await a.release('moved', t)).toBe(false); // late cleanup from the old gateway
    expect(await a.refresh([{ userId: 'moved', ts: t }])).toEqual(['moved']);
    expect((await a.claim('moved', t + 1)).accepted).toBe(false);
    expect(await a.lookup('moved')).toEqual({ gateway: 'gw-1', ts: t + 5 });
    expect(await b.release('moved', t + 5)).toBe(true);
    expect(await a.lookup('moved')).toBeNull();
  });

  it('refresh re-creates entries lost by Redis in pipelined batches', async () => {
    const p = presenceFor(2);
    const t = Date.now() * 1000;
    const entries = Array.from({ length: 250 }, (_, i) => ({ userId: `r${i}`, ts: t + i }));
    expect(await p.refresh(entries)).toEqual([]);
    const stored = await admin.hget(keys.presence('r249'), 'gateway');
    expect(stored).toBe('gw-2');
    expect(await p.releaseAll(entries)).toBe(250);
  });
});
