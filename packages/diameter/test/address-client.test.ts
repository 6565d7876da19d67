import { afterEach, describe, expect, it } from 'vitest';
import { AddressClient } from '../src/client/address-client.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import { messageHandler } from '../src/peer/message-handler.js';
import { DiameterServer } from '../src/server/diameter-server.js';

const dict = defaultDictionary();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A server that answers after `delay` ms and counts the peers that connected. */
async function server(delay = 0): Promise<{ port: number; peers: () => number }> {
  let peers = 0;
  const s = new DiameterServer({
    originHost: 'server.test',
    originRealm: 'test',
    authApplicationIds: [4],
    requestHandler: messageHandler(
      () => new Promise((resolve) => setTimeout(() => resolve({ resultCode: 2001 }), delay)),
    ),
  });
  s.on('peer', () => peers++);
  const { port } = await s.listen(0, '127.0.0.1');
  cleanups.push(() => s.close({ drainTimeout: 50 }));
  return { port, peers: () => peers };
}

function client(extra: Partial<ConstructorParameters<typeof AddressClient>[0]> = {}): AddressClient {
  const c = new AddressClient({
    originHost: 'ac.test',
    originRealm: 'test',
    authApplicationIds: [4],
    ...extra,
  });
  cleanups.push(() => c.close());
  return c;
}

const ccr = (n: number) =>
  buildMessage(dict, 'CCR', {
    'Session-Id': `ac.test;${n}`,
    'Origin-Host': 'ac.test',
    'Origin-Realm': 'test',
    'Destination-Realm': 'test',
    'Auth-Application-Id': 4,
    'Service-Context-Id': 'x@test',
    'CC-Request-Type': 'EVENT_REQUEST',
    'CC-Request-Number': n,
  });

describe('AddressClient', () => {
  it('100 concurrent sends to a new address dial exactly once and all get their answers', async () => {
    const s = await server();
    const c = client();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => c.send(`127.0.0.1:${s.port}`, ccr(i))),
    );
    expect(answers.every((a) => a.get('Result-Code') === 2001)).toBe(true);
    expect(s.peers()).toBe(1);
    expect(c.metrics).toMatchObject({ created: 1, active: 1 });
  });

  it('keeps one connection per address', async () => {
    const [a, b] = [await server(), await server()];
    const c = client();
    await Promise.all([
      c.send(`127.0.0.1:${a.port}`, ccr(1)),
      c.send(`127.0.0.1:${b.port}`, ccr(2)),
      c.send(`127.0.0.1:${a.port}`, ccr(3)),
    ]);
    expect(c.metrics.created).toBe(2);
    expect(a.peers() + b.peers()).toBe(2);
  });

  it('closes an idle connection with DPR, and dials again on the next send', async () => {
    const s = await server();
    const c = client({ idleTimeout: 150 });
    const retired = new Promise((r) => c.once('retired', r));
    await c.send(`127.0.0.1:${s.port}`, ccr(1));
    expect(await retired).toMatchObject({ reason: 'idle' });
    expect(c.metrics.closedIdle).toBe(1);
    expect((await c.send(`127.0.0.1:${s.port}`, ccr(2))).get('Result-Code')).toBe(2001);
    expect(c.metrics.created).toBe(2);
  });

  it('retires a connection at its maximum lifetime without failing the requests in flight on it', async () => {
    const s = await server(300);
    const c = client({ maxLifetime: 100 });
    const slow = Array.from({ length: 10 }, (_, i) =>
      c.send(`127.0.0.1:${s.port}`, ccr(i), { timeout: 2000 }),
    );
    const retired = new Promise((r) => c.once('retired', r));
    expect(await retired).toMatchObject({ reason: 'lifetime' });
    // A new request after retirement goes over a new connection at once.
    const fresh = c.send(`127.0.0.1:${s.port}`, ccr(99), { timeout: 2000 });
    const answers = await Promise.all([...slow, fresh]);
    expect(answers.every((a) => a.get('Result-Code') === 2001)).toBe(true);
    expect(c.metrics.closedLifetime).toBeGreaterThanOrEqual(1);
    expect(c.metrics.created).toBeGreaterThanOrEqual(2);
  });

  it('counts a failed handshake and rejects the senders with the typed error', async () => {
    const s = new DiameterServer({
      originHost: 'server.test',
      originRealm: 'test',
      authApplicationIds: [16777251],
    });
    const { port } = await s.listen(0, '127.0.0.1');
    cleanups.push(() => s.close());
    const c = client({ reconnect: false });
    const results = await Promise.all(
      [1, 2, 3].map((n) => c.send(`127.0.0.1:${port}`, ccr(n)).catch((e: unknown) => e)),
    );
    for (const r of results) expect(r).toMatchObject({ code: 'ERR_HANDSHAKE_FAILED', resultCode: 5010 });
    expect(c.metrics.failedHandshakes).toBe(1);
  });

  it('refuses to send after close with ERR_POOL_CLOSED', async () => {
    const c = client();
    await c.close();
    await expect(c.send('127.0.0.1:1', ccr(1))).rejects.toMatchObject({ code: 'ERR_POOL_CLOSED' });
  });
});
