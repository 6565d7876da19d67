// Bounds: frame size, send buffer (slow consumer), rate limit, connections per instance, idle limit.
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startGateway, waitFor, type InProcessGateway } from './support/in-process.js';
import { TestClient } from './support/test-client.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});
async function gateway(overrides: Parameters<typeof startGateway>[0]): Promise<InProcessGateway> {
  const gw = await startGateway(overrides);
  cleanup.push(() => gw.stop());
  return gw;
}
async function user(gw: InProcessGateway, id: string): Promise<TestClient> {
  const c = await TestClient.user(gw.url, id);
  cleanup.push(() => c.close());
  return c;
}
/** Stop reading on the client's TCP socket: the gateway's writes pile up in its send buffer. */
function stopReading(c: TestClient): void {
  (c.ws as WebSocket & { _socket: { pause(): void } })._socket.pause();
}

describe('limits', () => {
  it('a frame over maxPayloadBytes is closed by ws with 1009; content over the cap only gets an error', async () => {
    const gw = await gateway({ maxPayloadBytes: 4096, maxContentBytes: 2048 });
    const c = await user(gw, 'l-alice');
    const err = await c.request({ type: 'message', to: 'l-alice', content: 'x'.repeat(3000) });
    expect(err.code).toBe('CONTENT_TOO_LARGE');
    c.send({ type: 'message', to: 'l-alice', content: 'x'.repeat(5000) });
    expect((await c.closed).code).toBe(1009);
  });

  it('a slow consumer is closed with 1013 and a logged reason; the sender is told', async () => {
    const gw = await gateway({
      maxBufferedBytes: 64 * 1024,
      rateLimitPerSec: 100_000,
      rateLimitBurst: 100_000,
    });
    const slow = await user(gw, 'l-slow');
    const sender = await user(gw, 'l-sender');
    stopReading(slow);
    const content = 'y'.repeat(8000);
    const failed = sender.next((f) => f.code === 'DELIVERY_FAILED', 15_000);
    for (let i = 0; i < 4000 && !gw.server.stats.closed.slow_consumer; i++) {
      sender.send({ type: 'message', to: 'l-slow', content });
      if (i % 100 === 99) await new Promise((r) => setTimeout(r, 5));
    }
    await waitFor(() => gw.server.stats.closed.slow_consumer === 1, 10_000, 'slow consumer closed');
    expect(await failed).toMatchObject({ to: 'l-slow' });
    const log = gw.logs.find((l) => l.msg === 'closing' && l.code === 1013);
    expect(log).toMatchObject({ userId: 'l-slow', reason: 'slow consumer: send buffer full', limit: 65536 });
    expect(gw.server.stats.lost.slow_consumer).toBeGreaterThan(0);
  });

  it('frames over the rate limit are dropped with one RATE_LIMITED error per second', async () => {
    const gw = await gateway({ rateLimitPerSec: 10, rateLimitBurst: 20 });
    const c = await user(gw, 'l-flood');
    for (let i = 0; i < 200; i++) c.send({ type: 'ping' });
    await waitFor(() => gw.server.stats.rateLimited > 0, 3000, 'rate limit');
    await new Promise((r) => setTimeout(r, 200));
    const pongs = c.frames.filter((f) => f.type === 'pong').length;
    const limited = c.frames.filter((f) => f.code === 'RATE_LIMITED');
    expect(pongs).toBeGreaterThanOrEqual(19); // the burst (register used one token)
    expect(pongs).toBeLessThanOrEqual(25);
    expect(limited).toHaveLength(1);
    expect(limited[0].error).toBe('Rate limit exceeded: at most 10 messages/s');
    expect(gw.server.stats.rateLimited).toBeGreaterThanOrEqual(170);
    // tokens come back
    await new Promise((r) => setTimeout(r, 300));
    expect(await c.request({ type: 'ping' }, ['pong'])).toEqual({ type: 'pong' });
  });

  it('refuses upgrades beyond maxConnections with 503', async () => {
    const gw = await gateway({ maxConnections: 2 });
    await user(gw, 'l-one');
    await user(gw, 'l-two');
    await expect(TestClient.connect(gw.url)).rejects.toThrow(/503/);
    expect(gw.server.stats.rejectedConnections).toBe(1);
  });

  it('WebSocket pings keep a quiet but live client open; a silent one is closed past the idle limit', async () => {
    const gw = await gateway({ heartbeatIntervalMs: 100, idleTimeoutMs: 400 });
    const live = await user(gw, 'l-live');
    const dead = await user(gw, 'l-dead');
    stopReading(dead);
    await waitFor(() => gw.server.stats.closed.idle === 1, 3000, 'idle close');
    expect(gw.logs.find((l) => l.msg === 'closing' && l.userId === 'l-dead')).toMatchObject({ code: 4002 });
    await new Promise((r) => setTimeout(r, 300)); // well past the idle limit for `live` too
    expect(live.ws.readyState).toBe(live.ws.OPEN);
    expect(gw.server.gateway.registry.get('l-dead')).toBeUndefined();
    expect(gw.server.gateway.registry.get('l-live')).toBeDefined();
  });
});
