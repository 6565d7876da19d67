// Optional connect-time auth: an HS256 JWT (shared secret) whose `sub` fixes the userId of the connection.
// Standard JWT so any issuer (jose, jsonwebtoken, an API gateway) can mint tokens; verified with node:crypto.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AuthError } from './errors.js';

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sign(data: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/** Mint a token for `userId` valid `ttlSec` seconds (dev tooling, tests; production tokens come from your IdP). */
export function signToken(userId: string, secret: string, ttlSec = 3600, nowMs = Date.now()): string {
  const payload = Buffer.from(
    JSON.stringify({ sub: userId, exp: Math.floor(nowMs / 1000) + ttlSec }),
  ).toString('base64url');
  const body = `${HEADER}.${payload}`;
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

/** Returns the token's `sub`. Throws AuthError on a bad shape, algorithm, signature or an expired token. */
export function verifyToken(token: string, secret: string, nowMs = Date.now()): string {
  const parts = token.split('.');
  if (parts.length !== 3) throw new AuthError('malformed token');
  const [h, p, s] = parts;
  let header: { alg?: unknown };
  let payload: { sub?: unknown; exp?: unknown };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    throw new AuthError('malformed token');
  }
  if (header.alg !== 'HS256') throw new AuthError('unsupported token algorithm');
  const expected = sign(`${h}.${p}`, secret);
  const given = Buffer.from(s, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new AuthError('bad signature');
  if (typeof payload.exp === 'number' && payload.exp * 1000 < nowMs) throw new AuthError('token expired');
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new AuthError('token has no subject');
  return payload.sub;
}

/** The token from `?token=` or `Authorization: Bearer`, as browsers cannot set headers on WebSocket. */
export function tokenFromRequest(req: IncomingMessage): string | null {
  const auth = req.headers.authorization;
  if (auth && auth.startsWith('Bearer ')) return auth.slice(7).trim();
  const q = req.url?.indexOf('?') ?? -1;
  if (q >= 0) {
    const token = new URLSearchParams(req.url!.slice(q + 1)).get('token');
    if (token) return token;
  }
  return null;
}
