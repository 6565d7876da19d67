/**
 * Typed errors of the Diameter library. Callers branch on `code`, never on the message text.
 * Protocol errors carry the RFC 6733 Result-Code that the peer should be answered with.
 */

export type DiameterErrorCode =
  | 'ERR_FRAME_VERSION'
  | 'ERR_FRAME_LENGTH_TOO_SMALL'
  | 'ERR_FRAME_LENGTH_NOT_ALIGNED'
  | 'ERR_FRAME_TOO_LARGE'
  | 'ERR_MESSAGE_TRUNCATED'
  | 'ERR_AVP_DECODE'
  | 'ERR_AVP_ENCODE'
  | 'ERR_UNKNOWN_AVP_NAME'
  | 'ERR_UNKNOWN_COMMAND'
  | 'ERR_INVALID_JSON'
  | 'ERR_DICTIONARY'
  | 'ERR_INVALID_CONFIG'
  | 'ERR_INVALID_TRANSITION'
  | 'ERR_TIMEOUT'
  | 'ERR_CONNECTION_CLOSED'
  | 'ERR_CONNECTION_FAILED'
  | 'ERR_NOT_OPEN'
  | 'ERR_HANDSHAKE_FAILED'
  | 'ERR_ABORTED'
  | 'ERR_POOL_CLOSED'
  | 'ERR_NO_ACTIVE_CONNECTION'
  | 'ERR_UNKNOWN_CONNECTION'
  | 'ERR_BACKPRESSURE';

export class DiameterError extends Error {
  readonly code: DiameterErrorCode;
  constructor(code: DiameterErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A byte stream that is no longer Diameter: the framing is lost and the connection must be closed. */
export class FramingError extends DiameterError {
  /** Result-Code to report if an answer is still possible (5015 or 5011). */
  readonly resultCode: number;
  constructor(code: DiameterErrorCode, message: string, resultCode: number) {
    super(code, message);
    this.resultCode = resultCode;
  }
}

/**
 * A message or AVP that could not be decoded. `resultCode` is what RFC 6733 §7.1 says to answer with,
 * `offset` the byte offset of the offending AVP in the message and `avpCode`/`vendorId` identify it.
 */
export class DecodeError extends DiameterError {
  readonly resultCode: number;
  readonly offset: number;
  readonly avpCode: number | undefined;
  readonly vendorId: number | undefined;
  constructor(
    message: string,
    resultCode: number,
    offset: number,
    avpCode?: number,
    vendorId?: number,
    code: DiameterErrorCode = 'ERR_AVP_DECODE',
  ) {
    super(code, message);
    this.resultCode = resultCode;
    this.offset = offset;
    this.avpCode = avpCode;
    this.vendorId = vendorId;
  }
}

export class EncodeError extends DiameterError {
  readonly avpName: string | undefined;
  constructor(message: string, avpName?: string, options?: { cause?: unknown }) {
    super('ERR_AVP_ENCODE', avpName === undefined ? message : `${avpName}: ${message}`, options);
    this.avpName = avpName;
  }
}

/** A configuration value that cannot work; `field` is its path, e.g. `watchdog.interval`. */
export class InvalidConfigError extends DiameterError {
  readonly field: string;
  constructor(field: string, problem: string) {
    super('ERR_INVALID_CONFIG', `invalid configuration: ${field} ${problem}`);
    this.field = field;
  }
}

/** A state machine asked to make a move its table does not allow: a bug, never a peer's fault. */
export class InvalidTransitionError extends DiameterError {
  constructor(machine: string, from: string, to: string) {
    super('ERR_INVALID_TRANSITION', `${machine}: ${from} -> ${to} is not allowed`);
  }
}

/** An operation that did not finish in time: which one, and the limit in milliseconds. */
export class TimeoutError extends DiameterError {
  readonly operation: string;
  readonly timeoutMs: number;
  constructor(operation: string, timeoutMs: number) {
    super('ERR_TIMEOUT', `${operation} timed out after ${timeoutMs} ms`);
    this.operation = operation;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The connection a request was sent on closed or failed before the answer came. `retryable` is true when the
 * request may be sent again elsewhere (with the T flag, RFC 6733 §5.5.4): it was never answered.
 */
export class ConnectionClosedError extends DiameterError {
  readonly connectionId: string;
  readonly retryable: boolean;
  constructor(connectionId: string, reason: string, retryable = true, options?: { cause?: unknown }) {
    super('ERR_CONNECTION_CLOSED', `connection ${connectionId} closed: ${reason}`, options);
    this.connectionId = connectionId;
    this.retryable = retryable;
  }
}

/** Capabilities exchange failed: the CEA's Result-Code (0 when none came) says why. */
export class HandshakeError extends DiameterError {
  readonly resultCode: number;
  constructor(message: string, resultCode: number, options?: { cause?: unknown }) {
    super('ERR_HANDSHAKE_FAILED', message, options);
    this.resultCode = resultCode;
  }
}

export class AbortError extends DiameterError {
  constructor(operation: string, options?: { cause?: unknown }) {
    super('ERR_ABORTED', `${operation} was aborted`, options);
  }
}

export class PoolClosedError extends DiameterError {
  constructor(what = 'pool') {
    super('ERR_POOL_CLOSED', `the ${what} is closed`);
  }
}

export class NoActiveConnectionError extends DiameterError {
  readonly target: string;
  constructor(target: string) {
    super('ERR_NO_ACTIVE_CONNECTION', `no open connection to ${target}`);
    this.target = target;
  }
}
