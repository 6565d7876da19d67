// The seed's protocol on one embedded (in-memory) instance: happy path, every bad input, multi-device rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type InProcessGateway } from './support/in-process.js';
import { TestClient } from './support/test-client.js';

let gw: InProcessGateway;
const clients: TestClient[] = [];
async function user(id: string): Promise<TestClient> {
  const c = await TestClient.user(gw.url, id);
  clients.push(c);
  return c;
}
async function raw(): Promise<TestClient> {
  const c = await TestClient.connect(gw.url);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  gw = await startGateway({ maxContentBytes: 1024, maxUserIdLength: 16 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await gw.stop();
});

describe('seed protocol', () => {
  it('register answers registered with the seed text', async () => {
    const c = await raw();
    const f = await c.request({ type: 'register', userId: 'alice' }, ['registered']);
    expect(f).toMatchObject({ type: 'registered', content: 'Successfully registered', userId: 'alice' });
  });

  it('ping answers pong', async () => {
    const c = await raw();
    expect(await c.request({ type: 'ping' }, ['pong'])).toEqual({ type: 'pong' });
  });

  it('delivers a message with from set by the gateway, never by the client', async () => {
    const a = await user('p-alice');
    const b = await user('p-bob');
    const got = b.next((f) => f.type === 'message');
    a.send({ type: 'message', to: 'p-bob', content: 'Hello Bob!', from: 'mallory' });
    expect(await got).toEqual({ type: 'message', from: 'p-alice', content: 'Hello Bob!' });
  });

  it('answers User not found for an offline recipient, echoing the message id', async () => {
    const a = await user('p-carol');
    const f = await a.request({ type: 'message', to: 'nobody', content: 'hi', id: 'm1' });
    expect(f).toMatchObject({
      type: 'error',
      error: 'User not found',
      code: 'USER_NOT_FOUND',
      id: 'm1',
      to: 'nobody',
    });
  });
});

describe('bad input: each gets an error with a clear text and the connection survives', () => {
  const long = 'x'.repeat(17);
  const cases: [string, unknown, string, RegExp][] = [
    ['malformed JSON', '{"type": "register", ', 'MALFORMED_JSON', /Malformed JSON/],
    ['a JSON array', '[1,2]', 'INVALID_MESSAGE', /JSON object/],
    ['a missing type', { userId: 'a' }, 'INVALID_MESSAGE', /Missing message type/],
    ['an unknown type', { type: 'subscribe' }, 'UNKNOWN_TYPE', /Unknown message type: subscribe/],
    [
      'a message before register',
      { type: 'message', to: 'x', content: 'y' },
      'NOT_REGISTERED',
      /register first/,
    ],
    ['an empty userId', { type: 'register', userId: '' }, 'INVALID_USER_ID', /userId must not be empty/],
    ['an over-long userId', { type: 'register', userId: long }, 'INVALID_USER_ID', /longer than 16/],
    ['a userId with spaces', { type: 'register', userId: 'a b' }, 'INVALID_USER_ID', /whitespace/],
    ['a numeric userId', { type: 'register', userId: 42 }, 'INVALID_USER_ID', /must be a string/],
  ];
  it.each(cases)('%s', async (_name, frame, code, text) => {
    const c = await raw();
    const f = await c.request(frame);
    expect(f.code).toBe(code);
    expect(f.error).toMatch(text);
    expect(await c.request({ type: 'ping' }, ['pong'])).toEqual({ type: 'pong' });
  });

  it('content over the size cap, non-string content and an empty recipient', async () => {
    const c = await user('p-dave');
    const big = await c.request({ type: 'message', to: 'p-dave', content: 'é'.repeat(600), id: 1 });
    expect(big).toMatchObject({ code: 'CONTENT_TOO_LARGE', error: 'content exceeds 1024 bytes', id: 1 });
    const obj = await c.request({ type: 'message', to: 'p-dave', content: { a: 1 } });
    expect(obj).toMatchObject({ code: 'INVALID_MESSAGE', error: 'content must be a string' });
    const empty = await c.request({ type: 'message', to: '', content: 'x' });
    expect(empty).toMatchObject({ code: 'INVALID_USER_ID', error: 'to must not be empty' });
    const self = c.next((f) => f.type === 'message');
    c.send({ type: 'message', to: 'p-dave', content: 'still here' });
    expect(await self).toEqual({ type: 'message', from: 'p-dave', content: 'still here' });
  });

  it('binary frames are refused with an error', async () => {
    const c = await raw();
    const wait = c.next();
    c.ws.send(Buffer.from('{"type":"ping"}'), { binary: true });
    expect(await wait).toMatchObject({ code: 'BINARY_UNSUPPORTED' });
    expect(await c.request({ type: 'ping' }, ['pong'])).toEqual({ type: 'pong' });
  });

  it('registering again under another name is refused (identity is fixed per connection)', async () => {
    const c = await user('p-erin');
    const f = await c.request({ type: 'register', userId: 'p-frank' });
    expect(f).toMatchObject({ code: 'ALREADY_REGISTERED', error: 'Already registered as p-erin' });
    const again = await c.request({ type: 'register', userId: 'p-erin' }, ['registered']);
    expect(again.userId).toBe('p-erin');
  });
});

describe('multi-device rule: latest wins', () => {
  it('the older connection is told, closed with 4001, and gets no more messages', async () => {
    const old = await user('p-gina');
    const sender = await user('p-hank');
    const told = old.next((f) => f.type === 'error');
    const fresh = await user('p-gina');
    expect(await told).toMatchObject({ code: 'SESSION_REPLACED' });
    expect(await old.closed).toEqual({ code: 4001, reason: 'replaced by a newer connection' });
    const got = fresh.next((f) => f.type === 'message');
    sender.send({ type: 'message', to: 'p-gina', content: 'to the new phone' });
    expect((await got).content).toBe('to the new phone');
    expect(old.messages()).toHaveLength(0);
    // the close of the old connection must not have removed the new one's registration
    expect(gw.server.gateway.registry.get('p-gina')).toBeDefined();
  });
});

describe('observability endpoints', () => {
  it('/stats has the seed fields plus traffic and errors; /health, /ready, /metrics answer', async () => {
    const stats = (await (await fetch(`${gw.http}/stats`)).json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(stats.gatewayId).toBe('gateway-01');
    expect(stats.connections).toBeGreaterThan(0);
    expect(stats.messages.in).toBeGreaterThan(0);
    expect(stats.messages.local).toBeGreaterThan(0);
    expect(stats.errors.byCode.USER_NOT_FOUND).toBeGreaterThan(0);
    expect(stats.mode).toBe('memory');
    expect((await fetch(`${gw.http}/health`)).status).toBe(200);
    const ready = await fetch(`${gw.http}/ready`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${gw.http}/metrics`)).text();
    expect(metrics).toMatch(/wsgw_messages_in_total\{gateway="gateway-01"\} \d+/);
    expect(metrics).toMatch(/wsgw_errors_total\{code="USER_NOT_FOUND",gateway="gateway-01"\} \d+/);
    expect(metrics).toMatch(/wsgw_connections\{gateway="gateway-01"\} \d+/);
  });

  it('upgrades on other paths are refused', async () => {
    await expect(TestClient.connect(gw.url.replace('/ws', '/other'))).rejects.toThrow(/404/);
  });
});
