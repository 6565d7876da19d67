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
  | 'ERR_DICTIONARY';

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
