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
