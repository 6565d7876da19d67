// Typed errors with stable codes: callers and tests branch on `code`, never on the message.

export type GatewayErrorCode =
  | 'ERR_CONFIG'
  | 'ERR_AUTH'
  | 'ERR_REDIS_UNAVAILABLE'
  | 'ERR_NOT_CONNECTED'
  | 'ERR_CLIENT_CLOSED'
  | 'ERR_TIMEOUT';

export class GatewayError extends Error {
  readonly code: GatewayErrorCode;
  constructor(code: GatewayErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A configuration value failed validation; `field` is the dotted path of the first bad field. */
export class ConfigError extends GatewayError {
  readonly field: string;
  constructor(field: string, message: string) {
    super('ERR_CONFIG', `invalid config: ${field}: ${message}`);
    this.field = field;
  }
}

/** A connect token was missing, malformed, expired or signed with another secret. */
export class AuthError extends GatewayError {
  constructor(message: string) {
    super('ERR_AUTH', message);
  }
}

/** Redis could not run a command (down, reconnecting or timed out); the caller answers its client with an error. */
export class RedisUnavailableError extends GatewayError {
  constructor(operation: string, cause?: unknown) {
    super('ERR_REDIS_UNAVAILABLE', `redis unavailable during ${operation}`, { cause });
  }
}

export class ClientClosedError extends GatewayError {
  constructor() {
    super('ERR_CLIENT_CLOSED', 'client is closed');
  }
}

export class NotConnectedError extends GatewayError {
  constructor() {
    super('ERR_NOT_CONNECTED', 'not connected to a gateway');
  }
}

export class TimeoutError extends GatewayError {
  readonly operation: string;
  readonly limitMs: number;
  constructor(operation: string, limitMs: number) {
    super('ERR_TIMEOUT', `${operation} timed out after ${limitMs} ms`);
    this.operation = operation;
    this.limitMs = limitMs;
  }
}
