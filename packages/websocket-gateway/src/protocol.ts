// The seed's JSON protocol on /ws: client frames (register, ping, message), server frames, and their validation.

/** Stable codes sent in the `code` field of every error frame (the seed's `error` text stays human-readable). */
export type ProtocolErrorCode =
  | 'MALFORMED_JSON'
  | 'INVALID_MESSAGE'
  | 'UNKNOWN_TYPE'
  | 'BINARY_UNSUPPORTED'
  | 'NOT_REGISTERED'
  | 'ALREADY_REGISTERED'
  | 'INVALID_USER_ID'
  | 'AUTH_MISMATCH'
  | 'CONTENT_TOO_LARGE'
  | 'USER_NOT_FOUND'
  | 'DELIVERY_FAILED'
  | 'RATE_LIMITED'
  | 'SESSION_REPLACED'
  | 'SHUTTING_DOWN';

export type MessageId = string | number;

export type ClientFrame =
  | { type: 'register'; userId: string | null }
  | { type: 'ping' }
  | { type: 'message'; to: string; content: string; id: MessageId | undefined };

export type ServerFrame =
  | { type: 'registered'; content: string; userId: string; gatewayId: string }
  | { type: 'pong' }
  | { type: 'message'; from: string; content: string }
  | { type: 'error'; error: string; code: ProtocolErrorCode; id?: MessageId; to?: string };

export interface ProtocolLimits {
  readonly maxUserIdLength: number;
  readonly maxContentBytes: number;
}

export type ParseResult =
  { ok: true; frame: ClientFrame } | { ok: false; code: ProtocolErrorCode; error: string; id?: MessageId };

export const REGISTERED_TEXT = 'Successfully registered';
export const USER_NOT_FOUND_TEXT = 'User not found';
const MAX_ID_LENGTH = 64;
// Control characters and whitespace would break logs and the inter-gateway envelope (newline separated).
const BAD_USER_ID_CHARS = /[\u0000-\u0020\u007f\u2028\u2029]/;

function fail(code: ProtocolErrorCode, error: string, id?: MessageId): ParseResult {
  return id === undefined ? { ok: false, code, error } : { ok: false, code, error, id };
}

/** Why a userId is unacceptable, or null when it is fine. Used for `register.userId` and `message.to`. */
export function userIdProblem(value: unknown, field: string, maxLength: number): string | null {
  if (typeof value !== 'string') return `${field} must be a string`;
  if (value.length === 0) return `${field} must not be empty`;
  if (value.length > maxLength) return `${field} longer than ${maxLength} characters`;
  if (BAD_USER_ID_CHARS.test(value)) return `${field} must not contain whitespace or control characters`;
  return null;
}

function messageId(value: unknown): MessageId | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.length <= MAX_ID_LENGTH) return value;
  return undefined;
}

/** Validate one text frame. Never throws: every problem becomes an error frame and the connection survives. */
export function parseClientFrame(text: string, limits: ProtocolLimits): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('MALFORMED_JSON', 'Malformed JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('INVALID_MESSAGE', 'Message must be a JSON object');
  }
  const obj = value as Record<string, unknown>;
  const type = obj.type;
  if (typeof type !== 'string') return fail('INVALID_MESSAGE', 'Missing message type');
  switch (type) {
    case 'ping':
      return { ok: true, frame: { type: 'ping' } };
    case 'register': {
      // userId may be omitted when an auth token names the user; the gateway checks that case.
      if (obj.userId === undefined || obj.userId === null) return { ok: true, frame: { type, userId: null } };
      const problem = userIdProblem(obj.userId, 'userId', limits.maxUserIdLength);
      if (problem) return fail('INVALID_USER_ID', problem);
      return { ok: true, frame: { type, userId: obj.userId as string } };
    }
    case 'message': {
      const id = messageId(obj.id);
      const problem = userIdProblem(obj.to, 'to', limits.maxUserIdLength);
      if (problem) return fail('INVALID_USER_ID', problem, id);
      const content = obj.content;
      if (typeof content !== 'string') return fail('INVALID_MESSAGE', 'content must be a string', id);
      // UTF-16 length * 3 bounds the UTF-8 size; only count bytes when that bound is not already enough.
      if (
        content.length * 3 > limits.maxContentBytes &&
        Buffer.byteLength(content) > limits.maxContentBytes
      ) {
        return fail('CONTENT_TOO_LARGE', `content exceeds ${limits.maxContentBytes} bytes`, id);
      }
      return { ok: true, frame: { type, to: obj.to as string, content, id } };
    }
    default:
      return fail('UNKNOWN_TYPE', `Unknown message type: ${type.slice(0, 32)}`);
  }
}

/** The delivered frame; `from` always comes from the sender's registered identity, never from the client. */
export function messageFrame(from: string, content: string): string {
  return JSON.stringify({ type: 'message', from, content });
}

export function errorFrame(code: ProtocolErrorCode, error: string, id?: MessageId, to?: string): string {
  const frame: ServerFrame = { type: 'error', error, code };
  if (id !== undefined) frame.id = id;
  if (to !== undefined) frame.to = to;
  return JSON.stringify(frame);
}

export const PONG_FRAME = '{"type":"pong"}';

export function registeredFrame(userId: string, gatewayId: string): string {
  return JSON.stringify({ type: 'registered', content: REGISTERED_TEXT, userId, gatewayId });
}
