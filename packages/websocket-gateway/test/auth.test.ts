// Optional HS256 JWT on connect: the token's subject fixes the userId; off by default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../src/auth.js';
import { startGateway, type InProcessGateway } from './support/in-process.js';
import { TestClient } from './support/test-client.js';

const SECRET = 'test-secret-0123456789';
let gw: InProcessGateway;
const clients: TestClient[] = [];
beforeAll(async () => {
  gw = await startGateway({ authSecret: SECRET });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await gw.stop();
});
async function connect(query: string, headers?: Record<string, string>): Promise<TestClient> {
  const c = await TestClient.connect(`${gw.url}${query}`, { headers });
  clients.push(c);
  return c;
}

describe('auth', () => {
  it('refuses connections without a valid token (401)', async () => {
    await expect(connect('')).rejects.toThrow(/401/);
    await expect(connect(`?token=${signToken('a', 'another-secret-123456')}`)).rejects.toThrow(/401/);
    await expect(connect(`?token=${signToken('a', SECRET, -10)}`)).rejects.toThrow(/401/);
    await expect(connect('?token=not.a.token')).rejects.toThrow(/401/);
    expect(gw.server.stats.rejectedConnections).toBe(4);
  });

  it('the token fixes the userId: omitted userId uses it, another one is refused', async () => {
    const c = await connect(`?token=${signToken('alice', SECRET)}`);
    const denied = await c.request({ type: 'register', userId: 'bob' });
    expect(denied).toMatchObject({ code: 'AUTH_MISMATCH', error: 'userId does not match the auth token' });
    const ok = await c.request({ type: 'register' }, ['registered']);
    expect(ok.userId).toBe('alice');
  });

  it('accepts the token as a Bearer header too', async () => {
    const c = await connect('', { authorization: `Bearer ${signToken('carol', SECRET)}` });
    expect((await c.request({ type: 'register', userId: 'carol' }, ['registered'])).userId).toBe('carol');
  });

  it('verifyToken reports why a token is refused, with code ERR_AUTH', () => {
    expect(verifyToken(signToken('dave', SECRET), SECRET)).toBe('dave');
    expect(() => verifyToken(signToken('dave', SECRET, 1, 0), SECRET)).toThrow(
      expect.objectContaining({ code: 'ERR_AUTH', message: 'token expired' }),
    );
    expect(() => verifyToken('a.b', SECRET)).toThrow(expect.objectContaining({ message: 'malformed token' }));
  });
});
