import { FramingError } from '../errors.js';
import { DIAMETER_VERSION, HEADER_LENGTH } from './flags.js';
import { ResultCode } from './result-codes.js';

export const DEFAULT_MAX_MESSAGE_LENGTH = 1024 * 1024;

/**
 * Cuts a TCP byte stream into whole Diameter messages. A message that lies inside one received chunk is handed
 * out as a view of that chunk (no copy); one that spans chunks is copied once, into a buffer of its exact length.
 * The header is checked as soon as its first 4 bytes are here, before the body is buffered, so a bogus length
 * can never make us hold more than `maxMessageLength` bytes.
 *
 * Errors are thrown from `push` as FramingError; the stream is unusable after one (the caller closes it).
 */
export class Framer {
  private readonly onMessage: (message: Buffer) => void;
  private readonly maxMessageLength: number;
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Length of the message being assembled, or 0 while its first 4 bytes are still missing. */
  private needed = 0;
  private failed = false;

  constructor(onMessage: (message: Buffer) => void, maxMessageLength = DEFAULT_MAX_MESSAGE_LENGTH) {
    this.onMessage = onMessage;
    this.maxMessageLength = maxMessageLength;
  }

  /** Bytes held while waiting for the rest of a message. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  push(chunk: Buffer): void {
    if (this.failed)
      throw new FramingError(
        'ERR_FRAME_LENGTH_TOO_SMALL',
        'framer used after a framing error',
        ResultCode.INVALID_MESSAGE_LENGTH,
      );
    if (this.buffered === 0) {
      this.scan(chunk);
      return;
    }
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.needed === 0) {
      if (this.buffered < 4) return;
      this.needed = this.check(this.peekHeader());
    }
    if (this.buffered < this.needed) return;
    // Assemble the spanning message, then continue on whatever follows it in the last chunk.
    const message = Buffer.allocUnsafe(this.needed);
    let filled = 0;
    let rest: Buffer | undefined;
    for (const c of this.chunks) {
      const take = Math.min(c.length, this.needed - filled);
      c.copy(message, filled, 0, take);
      filled += take;
      if (take < c.length) rest = c.subarray(take);
    }
    this.chunks = [];
    this.buffered = 0;
    this.needed = 0;
    this.onMessage(message);
    if (rest !== undefined) this.scan(rest);
  }

  /** Hands out every whole message of `chunk` as a view; keeps the incomplete tail. */
  private scan(chunk: Buffer): void {
    let o = 0;
    const n = chunk.length;
    while (n - o >= 4) {
      const length = this.check(
        ((chunk[o] << 24) | (chunk[o + 1] << 16) | (chunk[o + 2] << 8) | chunk[o + 3]) >>> 0,
      );
      if (n - o < length) {
        this.needed = length;
        break;
      }
      this.onMessage(chunk.subarray(o, o + length));
      o += length;
    }
    if (o < n) {
      this.chunks.push(o === 0 ? chunk : chunk.subarray(o));
      this.buffered = n - o;
    }
  }

  private peekHeader(): number {
    let word = 0;
    let got = 0;
    for (const c of this.chunks) {
      for (let i = 0; i < c.length && got < 4; i++, got++) word = (word << 8) | c[i];
      if (got === 4) break;
    }
    return word >>> 0;
  }

  /** Validates the version byte and 24-bit length of a header word; returns the length. */
  private check(word: number): number {
    const version = word >>> 24;
    const length = word & 0xffffff;
    let error: FramingError | undefined;
    if (version !== DIAMETER_VERSION) {
      error = new FramingError(
        'ERR_FRAME_VERSION',
        `Diameter version ${version}, expected 1`,
        ResultCode.UNSUPPORTED_VERSION,
      );
    } else if (length < HEADER_LENGTH) {
      error = new FramingError(
        'ERR_FRAME_LENGTH_TOO_SMALL',
        `message length ${length} is below the 20-byte header`,
        ResultCode.INVALID_MESSAGE_LENGTH,
      );
    } else if ((length & 3) !== 0) {
      error = new FramingError(
        'ERR_FRAME_LENGTH_NOT_ALIGNED',
        `message length ${length} is not a multiple of 4`,
        ResultCode.INVALID_MESSAGE_LENGTH,
      );
    } else if (length > this.maxMessageLength) {
      error = new FramingError(
        'ERR_FRAME_TOO_LARGE',
        `message length ${length} exceeds the maximum of ${this.maxMessageLength}`,
        ResultCode.INVALID_MESSAGE_LENGTH,
      );
    }
    if (error !== undefined) {
      this.failed = true;
      this.chunks = [];
      this.buffered = 0;
      throw error;
    }
    return length;
  }
}
