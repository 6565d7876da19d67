// Three real gateway processes on a real Redis: every cross-instance pair delivers exactly once, local messages
// never touch Redis, latest wins across instances, SIGKILL failover, dead-instance detection, CAS-guarded SIGTERM.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayProcess } from './support/gateway-process.js';
import { waitFor } from './support/in-process.js';
import { deletePrefix, testRedis, uniqueName } from './support/redis.js';
import { TestClient } from './support/test-client.js';

let url: string;
let prefix: string;
let admin: Redis;
const gateways: GatewayProcess[] = [];
const clients: TestClient[] = [];

async function start(id: string, extra: string[] = []): Promise<GatewayProcess> {
  const gw = await GatewayProcess.start(uniqueName(id), [
    '--redis',
    url,
    '--redis-key-prefix',
    prefix,
    '--instance-heartbeat-ms',
    '200',
    ...extra,
  ]);
  gateways.push(gw);
  await gw.waitReady();
  return gw;
}
async function user(gw: GatewayProcess, id: string): Promise<TestClient> {
  const c = await TestClient.user(gw.url, id);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  url = await testRedis();
  prefix = `${uniqueName('cluster')}:`;
  admin = new Redis(url);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all(gateways.map((g) => (g.child.signalCode === 'SIGSTOP' ? g.child.kill('SIGCONT') : 0)));
  await Promise.all(gateways.map((g) => g.stop('SIGKILL')));
  await deletePrefix(url, prefix);
  admin.disconnect();
});

describe('three instances', () => {
  it('every cross-instance pair delivers exactly once; same-instance messages stay off Redis', async () => {
    const gws = [await start('g1'), await start('g2'), await start('g3')];
    const users: { id: string; gw: number; c: TestClient }[] = [];
    for (let g = 0; g < 3; g++) {
      for (let k = 0; k < 3; k++) {
        const id = `u${g}${k}`;
        users.push({ id, gw: g, c: await user(gws[g], id) });
      }
    }
    const expected = new Map<string, string[]>();
    for (const from of users) {
      for (const to of users) {
        if (from.gw === to.gw) continue;
        const content = `${from.id}->${to.id}`;
        expected.set(to.id, [...(expected.get(to.id) ?? []), content]);
        from.c.send({ type: 'message', to: to.id, content });
      }
    }
    await waitFor(() => users.every((u) => u.c.messages().length >= 6), 10_000, 'all delivered');
    await new Promise((r) => setTimeout(r, 200)); // room for any duplicate to show up
    for (const u of users) {
      const got = u.c.messages().map((m) => m.content as string);
      expect(got.sort()).toEqual(expected.get(u.id)!.sort());
      for (const m of u.c.messages()) expect(m.from).toBe((m.content as string).split('->')[0]);
      expect(u.c.frames.filter((f) => f.type === 'error')).toEqual([]);
    }
    const before = await Promise.all(gws.map((g) => g.stats()));
    expect(before.map((s) => s.messages.remoteSent)).toEqual([18, 18, 18]);
    expect(before.map((s) => s.messages.remoteReceived)).toEqual([18, 18, 18]);

    // same instance: delivered locally, the remote counters do not move
    const got = users[1].c.next((f) => f.type === 'message');
    users[0].c.send({ type: 'message', to: users[1].id, content: 'local' });
    expect((await got).content).toBe('local');
    const after = await gws[0].stats();
    expect(after.messages.remoteSent).toBe(18);
    expect(after.messages.local).toBe(before[0].messages.local + 1);
    expect(await admin.hget(`${prefix}presence:u00`, 'gateway')).toBe(gws[0].id);
  });

  it('latest wins across instances: the older device is told and closed, messages go to the newer', async () => {
    const [g1, g2, g3] = gateways;
    const phone = await user(g1, 'dev-alice');
    const sender = await user(g3, 'dev-bob');
    const told = phone.next((f) => f.code === 'SESSION_REPLACED');
    const laptop = await user(g2, 'dev-alice');
    await told;
    expect((await phone.closed).code).toBe(4001);
    const got = laptop.next((f) => f.type === 'message');
    sender.send({ type: 'message', to: 'dev-alice', content: 'which device?' });
    expect((await got).content).toBe('which device?');
    expect(phone.messages()).toEqual([]);
    expect(await admin.hget(`${prefix}presence:dev-alice`, 'gateway')).toBe(g2.id);
  });

  it('route cache: a user who moved or reconnected elsewhere still gets every message exactly once', async () => {
    const [g1, g2, g3] = gateways;
    const sender = await user(g3, 'rc-bob');
    const first = await user(g1, 'rc-alice');
    const warm = first.next((f) => f.type === 'message');
    sender.send({ type: 'message', to: 'rc-alice', content: 'warm' }); // g3 now caches rc-alice -> g1
    expect((await warm).content).toBe('warm');
    // moved: the newer registration's eviction reaches every instance (g3 drops its cached route)
    const second = await user(g2, 'rc-alice');
    await first.closed;
    const moved = second.next((f) => f.type === 'message');
    sender.send({ type: 'message', to: 'rc-alice', content: 'moved' });
    expect((await moved).content).toBe('moved');
    // reconnected after a clean close (no eviction): g3 may still point at g2; g2 forwards through Redis
    const third = await user(g3, 'rc-carol');
    const warm2 = third.next((f) => f.type === 'message');
    sender.send({ type: 'message', to: 'rc-carol', content: 'local' });
    await warm2;
    const viaG1 = await user(g1, 'rc-dave');
    const got: string[] = [];
    const davesFirst = viaG1.next((f) => f.type === 'message');
    third.send({ type: 'message', to: 'rc-dave', content: 'one' }); // g3 caches rc-dave -> g1
    got.push((await davesFirst).content as string);
    viaG1.close();
    await viaG1.closed;
    await waitFor(async () => (await admin.exists(`${prefix}presence:rc-dave`)) === 0, 3000, 'released');
    const back = await user(g2, 'rc-dave');
    const next = back.next((f) => f.type === 'message');
    third.send({ type: 'message', to: 'rc-dave', content: 'two' });
    got.push((await next).content as string);
    await new Promise((r) => setTimeout(r, 200)); // room for a duplicate to show up
    expect(got).toEqual(['one', 'two']);
    expect(back.messages().map((m) => m.content)).toEqual(['two']);
    expect(second.messages().map((m) => m.content)).toEqual(['moved']);
    expect(sender.frames.filter((f) => f.type === 'error')).toEqual([]);
    // left: the cached instance no longer has the user and Redis has no entry -> User not found, once
    const erin = await user(g1, 'rc-erin');
    const erinsFirst = erin.next((f) => f.type === 'message');
    third.send({ type: 'message', to: 'rc-erin', content: 'hi' });
    await erinsFirst;
    erin.close();
    await erin.closed;
    await waitFor(async () => (await admin.exists(`${prefix}presence:rc-erin`)) === 0, 3000, 'released');
    const gone = await third.request({ type: 'message', to: 'rc-erin', content: 'void', id: 'g' });
    expect(gone).toMatchObject({ error: 'User not found', id: 'g', to: 'rc-erin' });
  });

  it("route cache: one sender's messages arrive in order across cache expiries (short routeCacheMs)", async () => {
    const flags = ['--route-cache-ms', '2', '--rate-limit-per-sec', '100000', '--rate-limit-burst', '100000'];
    const a = await start('order-a', flags);
    const b = await start('order-b', flags);
    const sender = await user(a, 'ord-bob');
    const recipient = await user(b, 'ord-alice');
    const N = 2000;
    for (let i = 0; i < N; i += 50) {
      for (let k = i; k < i + 50; k++) sender.send({ type: 'message', to: 'ord-alice', content: String(k) });
      await new Promise((r) => setTimeout(r, 1)); // many turns: batches, expiries and re-validations interleave
    }
    await waitFor(() => recipient.messages().length >= N, 10_000, 'all delivered');
    expect(recipient.messages().map((m) => Number(m.content))).toEqual(
      Array.from({ length: N }, (_, i) => i),
    );
    expect(sender.frames.filter((f) => f.type === 'error')).toEqual([]);
    await a.stop('SIGKILL');
    await b.stop('SIGKILL');
  });

  it('presence pointing at a hung instance (heartbeat key expired) answers User not found', async () => {
    const hung = await start('hung');
    await user(hung, 'h-zoe');
    const sender = await user(gateways[0], 'h-sender');
    hung.child.kill('SIGSTOP');
    await waitFor(
      async () => (await admin.exists(`${prefix}gateway:${hung.id}:alive`)) === 0,
      3000,
      'alive expiry',
    );
    const f = await sender.request({ type: 'message', to: 'h-zoe', content: 'into the void?', id: 9 });
    expect(f).toMatchObject({ error: 'User not found', id: 9 });
    expect(await admin.exists(`${prefix}presence:h-zoe`)).toBe(0); // stale entry removed
    hung.child.kill('SIGCONT');
    await hung.stop('SIGKILL');
  });

  it('seed failover: SIGKILL instance 1, its users reconnect to 2, messages reach them', async () => {
    const [g1, g2, g3] = gateways;
    const alice = await user(g1, 'f-alice');
    const bob = await user(g3, 'f-bob');
    await g1.stop('SIGKILL');
    await alice.closed;
    // before alice is back: an error, not a message into the void (PUBLISH reached no subscriber)
    const lost = await bob.request({ type: 'message', to: 'f-alice', content: 'are you there?', id: 1 });
    expect(lost).toMatchObject({ error: 'User not found', id: 1 });
    const alice2 = await user(g2, 'f-alice');
    const got = alice2.next((f) => f.type === 'message');
    bob.send({ type: 'message', to: 'f-alice', content: 'Are you still there?' });
    expect(await got).toEqual({ type: 'message', from: 'f-bob', content: 'Are you still there?' });
    expect(await admin.hget(`${prefix}presence:f-alice`, 'gateway')).toBe(g2.id);
  });

  it('SIGTERM removes the instance presence entries, but never a user who re-registered elsewhere', async () => {
    const g = await start('leaving');
    await user(g, 't-stays-gone');
    await user(g, 't-moved');
    // a newer registration elsewhere whose eviction has not arrived yet
    const newer = String(Date.now() * 1000 + 10_000_000);
    await admin.hset(`${prefix}presence:t-moved`, 'gateway', 'elsewhere', 'ts', newer);
    await g.stop('SIGTERM');
    expect((await g.exited).code).toBe(0);
    expect(await admin.exists(`${prefix}presence:t-stays-gone`)).toBe(0);
    expect(await admin.hgetall(`${prefix}presence:t-moved`)).toEqual({ gateway: 'elsewhere', ts: newer });
    expect(await admin.exists(`${prefix}gateway:${g.id}:alive`)).toBe(0);
  });
});
