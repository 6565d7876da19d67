// Redis restarted under load (a private redis-server, never the shared one): gateways keep local delivery,
// answer remote sends with errors, report not-ready, recover by themselves and re-publish presence within one
// refresh interval; every message is either delivered or reported to its sender. Also: the sweep retries
// presence releases that failed while Redis was away.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { GatewayProcess } from './support/gateway-process.js';
import { waitFor } from './support/in-process.js';
import { RedisProcess, uniqueName } from './support/redis.js';
import { TestClient } from './support/test-client.js';

const REFRESH_MS = 2000;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function gateway(redis: RedisProcess, id: string, extra: string[] = []): Promise<GatewayProcess> {
  const gw = await GatewayProcess.start(uniqueName(id), [
    '--redis',
    redis.url,
    '--presence-refresh-ms',
    String(REFRESH_MS),
    '--presence-ttl-ms',
    String(REFRESH_MS * 3),
    '--instance-heartbeat-ms',
    '200',
    '--redis-command-timeout-ms',
    '500',
    ...extra,
  ]);
  cleanup.push(() => gw.stop('SIGKILL'));
  await gw.waitReady();
  return gw;
}
async function user(gw: GatewayProcess, id: string): Promise<TestClient> {
  const c = await TestClient.user(gw.url, id);
  cleanup.push(() => c.close());
  return c;
}

describe('Redis restarted under load', () => {
  it('recovers by itself, presence complete within one refresh interval, no message silently dropped', async () => {
    const redis = await RedisProcess.start();
    cleanup.push(() => redis.kill());
    const admin = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    admin.on('error', () => undefined);
    cleanup.push(() => admin.disconnect());
    const g1 = await gateway(redis, 'r1');
    const g2 = await gateway(redis, 'r2');
    const N = 10;
    const senders = await Promise.all(Array.from({ length: N }, (_, i) => user(g1, `s${i}`)));
    const receivers = await Promise.all(Array.from({ length: N }, (_, i) => user(g2, `r${i}`)));
    const localPeer = await user(g1, 'local-peer');

    let seq = 0;
    let running = true;
    const sent: number[] = [];
    const load = (async () => {
      while (running) {
        for (let i = 0; i < N; i++) {
          const id = seq++;
          sent.push(id);
          senders[i].send({ type: 'message', to: `r${i}`, content: `m${id}`, id });
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();

    await new Promise((r) => setTimeout(r, 500));
    await redis.kill();
    await g1.waitReady(false, 3000);
    // local delivery keeps working during the outage
    const local = localPeer.next((f) => f.type === 'message');
    senders[0].send({ type: 'message', to: 'local-peer', content: 'local during outage' });
    expect((await local).content).toBe('local during outage');
    await new Promise((r) => setTimeout(r, 700));

    await redis.restart();
    const restartedAt = Date.now();
    await waitFor(
      async () => (await admin.keys('presence:*').catch(() => [])).length === 2 * N + 1,
      REFRESH_MS,
      'presence complete within one refresh interval',
    );
    const presenceAfterMs = Date.now() - restartedAt;
    await g1.waitReady(true, REFRESH_MS);
    await g2.waitReady(true, REFRESH_MS);
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await load;
    await new Promise((r) => setTimeout(r, 500));

    const delivered = new Set<number>();
    for (const r of receivers)
      for (const m of r.messages()) delivered.add(Number((m.content as string).slice(1)));
    const reported = new Set<number>();
    for (const s of senders) for (const f of s.frames) if (f.type === 'error') reported.add(f.id as number);
    const silent = sent.filter((id) => !delivered.has(id) && !reported.has(id));
    expect(silent).toEqual([]);
    expect(reported.size).toBeGreaterThan(0); // the outage really cost messages, and they were reported
    const stats1 = await g1.stats();
    expect(stats1.lost.redis_unavailable).toBeGreaterThan(0);
    expect(stats1.lost.redis_unavailable).toBeLessThanOrEqual(reported.size);
    expect(stats1.redisRecoveries).toBe(1);
    // traffic flows again after recovery: the last round was delivered
    const lastRound = sent.slice(-N);
    expect(lastRound.every((id) => delivered.has(id))).toBe(true);
    expect(presenceAfterMs).toBeLessThanOrEqual(REFRESH_MS);
  });

  it('the sweep releases presence whose removal failed while Redis was away', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsgw-aof-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const redis = await RedisProcess.start({ aofDir: dir });
    cleanup.push(() => redis.kill());
    const gw = await gateway(redis, 'sweep', ['--sweep-interval-ms', '300', '--presence-ttl-ms', '60000']);
    const leaving = await user(gw, 'leaving');
    await user(gw, 'staying');
    const admin = new Redis(redis.url, { maxRetriesPerRequest: 1, retryStrategy: () => 100 });
    admin.on('error', () => undefined);
    cleanup.push(() => admin.disconnect());
    expect(await admin.exists('presence:leaving')).toBe(1);
    await redis.kill();
    await gw.waitReady(false, 3000);
    leaving.close(); // its release fails: Redis is away
    await waitFor(async () => (await gw.stats()).connections === 1, 3000, 'disconnect seen');
    await redis.restart(); // the AOF brings the stale entry back
    await gw.waitReady(true, 3000);
    await waitFor(async () => (await admin.exists('presence:leaving')) === 0, 3000, 'sweep released it');
    expect(await admin.hget('presence:staying', 'gateway')).toBe(gw.id);
    await gw.waitLog((l) => l.msg === 'sweep removed stale entries' && l.released === 1, 3000);
  });
});
