import { EncodeError } from '../errors.js';
import { addressLength, writeAddress, type AddressValue } from './address.js';
import type { Avp, AvpValue } from './avp.js';
import { AvpFlag, DIAMETER_VERSION, HEADER_LENGTH } from './flags.js';
import type { Message } from './message.js';
import { dateToNtp } from './time.js';

/**
 * Encodes in one pass, straight into a shared slab (as Node's own Buffer pool does): AVPs are written in order,
 * a Grouped AVP's length is patched once its members are written, and the result is a view of the slab, so no
 * length is measured twice, nothing is concatenated and nothing is copied. When the slab runs out mid-message
 * the message is written again into a fresh, larger slab (rare: slabs are 64 KiB). Flags are written as given
 * (decode keeps them as received), so a decoded message re-encodes to the same bytes.
 */

const SLAB_SIZE = 64 * 1024;

/**
 * The Buffer handed out: a view of the slab. Node makes its own Buffers the same way (a Uint8Array subclass whose
 * prototype chain runs through Buffer.prototype), so this is a Buffer in every respect (Buffer.isBuffer, every
 * method); constructing it directly costs a third of what `subarray()` does, which matters on small messages.
 */
class SlabView extends Uint8Array {}
Object.setPrototypeOf(SlabView.prototype, Buffer.prototype);
Object.defineProperty(SlabView.prototype, 'constructor', {
  value: Buffer,
  writable: true,
  configurable: true,
});

/** The current slab, its ArrayBuffer and offset (read once, not through getters per message), and the bytes used. */
class Slab {
  bytes = Buffer.allocUnsafe(SLAB_SIZE);
  arrayBuffer = this.bytes.buffer;
  base = this.bytes.byteOffset;
  used = 0;

  /** Hands out bytes [start, end) as a Buffer and moves past them (8-aligned, so numbers stay aligned). */
  take(start: number, end: number): Buffer {
    this.used = (end + 7) & ~7;
    return new SlabView(this.arrayBuffer, this.base + start, end - start) as Buffer;
  }

  renew(size: number): void {
    this.bytes = Buffer.allocUnsafe(size);
    this.arrayBuffer = this.bytes.buffer;
    this.base = this.bytes.byteOffset;
    this.used = 0;
  }
}
const slab = new Slab();

/** Thrown (one preallocated object, no stack) when the slab is too small; encodeMessage retries. */
const FULL = { full: true };

export function encodeMessage(message: Message): Buffer {
  // No loop and no shared dispatch here: this is the whole per-message overhead, and V8 optimizes a straight
  // try block around one call far better than a retry loop (measured: ~20 ns of a 150 ns DWR encode).
  const start = slab.used;
  try {
    return slab.take(start, writeMessage(slab.bytes, start, message));
  } catch (error) {
    if (error !== FULL) throw error;
    return encodeInFreshSlab(message.avps, message, start);
  }
}

/** Encodes AVPs alone (for instance to append to a relayed message). */
export function encodeAvps(avps: readonly Avp[]): Buffer {
  const start = slab.used;
  try {
    return slab.take(start, writeAvps(slab.bytes, start, avps));
  } catch (error) {
    if (error !== FULL) throw error;
    return encodeInFreshSlab(avps, undefined, start);
  }
}

/** The slab ran out mid-message: start over in a fresh one, doubling it while the message does not fit. */
function encodeInFreshSlab(avps: readonly Avp[], header: Message | undefined, failedAt: number): Buffer {
  let size = failedAt === 0 ? slab.bytes.length * 2 : SLAB_SIZE;
  for (;;) {
    slab.renew(size);
    try {
      const end = header === undefined ? writeAvps(slab.bytes, 0, avps) : writeMessage(slab.bytes, 0, header);
      return slab.take(0, end);
    } catch (error) {
      if (error !== FULL) throw error;
      size *= 2;
    }
  }
}

function writeMessage(buf: Buffer, start: number, message: Message): number {
  if (start + HEADER_LENGTH > buf.length) throw FULL;
  const end = writeAvps(buf, start + HEADER_LENGTH, message.avps);
  const length = end - start;
  buf[start] = message.version ?? DIAMETER_VERSION;
  put24(buf, start + 1, length);
  buf[start + 4] = message.flags;
  put24(buf, start + 5, message.commandCode);
  put32(buf, start + 8, message.applicationId);
  put32(buf, start + 12, message.hopByHopId);
  put32(buf, start + 16, message.endToEndId);
  return end;
}

function put24(buf: Buffer, o: number, v: number): void {
  buf[o] = v >>> 16;
  buf[o + 1] = (v >>> 8) & 0xff;
  buf[o + 2] = v & 0xff;
}

function put32(buf: Buffer, o: number, v: number): void {
  buf[o] = v >>> 24;
  buf[o + 1] = (v >>> 16) & 0xff;
  buf[o + 2] = (v >>> 8) & 0xff;
  buf[o + 3] = v & 0xff;
}

function writeAvps(buf: Buffer, offset: number, avps: readonly Avp[]): number {
  let o = offset;
  for (let i = 0; i < avps.length; i++) {
    const avp = avps[i];
    const header = (avp.flags & AvpFlag.VENDOR) !== 0 ? 12 : 8;
    // Room for the header and the widest fixed value; variable values check for themselves.
    if (o + header + 8 > buf.length) throw FULL;
    put32(buf, o, avp.code);
    buf[o + 4] = avp.flags;
    if (header === 12) put32(buf, o + 8, avp.vendorId);
    // The two commonest cases (Origin-Host/Realm and friends, Unsigned32 counters) are written here: a call to
    // writeValue's big switch is a measurable part of a small message's cost.
    const at = o + header;
    const value = avp.value;
    const type = avp.def?.type;
    let end: number;
    if (type === 'DiameterIdentity' && typeof value === 'string') {
      const bytes = identityBytes.get(value);
      if (bytes !== undefined && at + bytes.length <= buf.length) {
        buf.set(bytes, at);
        end = at + bytes.length;
      } else end = writeIdentity(buf, at, value);
    } else if (type === 'Unsigned32' && typeof value === 'number' && value >>> 0 === value) {
      put32(buf, at, value);
      end = at + 4;
    } else end = writeValue(buf, at, avp);
    put24(buf, o + 5, end - o);
    // Zero padding to the next multiple of 4 (not counted in the AVP Length).
    o = end;
    while ((o & 3) !== (offset & 3)) {
      if (o >= buf.length) throw FULL;
      buf[o++] = 0;
    }
  }
  return o;
}

/** Writes the value at `o`; returns the offset just past it. */
function writeValue(buf: Buffer, o: number, avp: Avp): number {
  const value: AvpValue = avp.value;
  switch (avp.def?.type) {
    case 'Unsigned32':
    case 'Integer32':
    case 'Enumerated':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(avp, 'an integer');
      put32(buf, o, value);
      return o + 4;
    case 'Grouped':
      if (Array.isArray(value)) return writeAvps(buf, o, value);
      return writeBytes(buf, o, value as Uint8Array, avp);
    case 'DiameterIdentity':
      if (typeof value === 'string') return writeIdentity(buf, o, value);
      return writeBytes(buf, o, value as Uint8Array, avp);
    case 'UTF8String':
    case 'DiameterURI':
    case 'IPFilterRule':
    case 'QoSFilterRule':
      if (typeof value === 'string') return writeText(buf, o, value);
      return writeBytes(buf, o, value as Uint8Array, avp);
    case 'Unsigned64':
      if (typeof value === 'bigint') {
        if (value < 0n || value > 0xffff_ffff_ffff_ffffn) throw mismatch(avp, 'an unsigned 64-bit integer');
        put32(buf, o, Number(value >> 32n));
        put32(buf, o + 4, Number(value & 0xffff_ffffn));
      } else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
        put32(buf, o, Math.floor(value / 0x1_0000_0000));
        put32(buf, o + 4, value >>> 0);
      } else throw mismatch(avp, 'a bigint (or a safe non-negative integer)');
      return o + 8;
    case 'Integer64':
      if (typeof value === 'bigint') buf.writeBigInt64BE(value, o);
      else if (typeof value === 'number' && Number.isSafeInteger(value))
        buf.writeBigInt64BE(BigInt(value), o);
      else throw mismatch(avp, 'a bigint (or a safe integer)');
      return o + 8;
    case 'Time': {
      const ntp = value instanceof Date ? dateToNtp(value) : undefined;
      if (ntp === undefined) throw mismatch(avp, 'a Date between 1968-01-20 and 2104-02-26');
      put32(buf, o, ntp);
      return o + 4;
    }
    case 'Address': {
      if (value instanceof Uint8Array) return writeBytes(buf, o, value, avp);
      const n = addressLength(value as AddressValue);
      if (n < 0) throw new EncodeError(`${String(value)} is not an IP address`, avp.name);
      if (o + n > buf.length) throw FULL;
      writeAddress(buf, o, value as AddressValue);
      return o + n;
    }
    case 'Float32':
      if (typeof value !== 'number') throw mismatch(avp, 'a number');
      buf.writeFloatBE(value, o);
      return o + 4;
    case 'Float64':
      if (typeof value !== 'number') throw mismatch(avp, 'a number');
      buf.writeDoubleBE(value, o);
      return o + 8;
    default:
      // OctetString, and AVPs the dictionary does not know: raw bytes (or text, or a group built by hand).
      if (value instanceof Uint8Array) return writeBytes(buf, o, value, avp);
      if (typeof value === 'string') return writeText(buf, o, value);
      if (Array.isArray(value)) return writeAvps(buf, o, value);
      throw mismatch(avp, 'a Buffer');
  }
}

interface FastWrites {
  latin1Write(text: string, offset: number, length: number): number;
  utf8Write(text: string, offset: number, length: number): number;
}

function writeText(buf: Buffer, o: number, text: string): number {
  const n = text.length;
  // Worst case 3 bytes per UTF-16 unit; the common ASCII case is checked exactly.
  if (o + n > buf.length) throw FULL;
  let i = 0;
  if (n <= 16) {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) break;
      buf[o + i] = c;
    }
    if (i === n) return o + n;
  }
  if (o + 3 * n > buf.length) throw FULL;
  return o + (buf as unknown as FastWrites).utf8Write(text, o, buf.length - o);
}

/**
 * DiameterIdentity values are few and repeat in every message (our Origin-Host and Origin-Realm, the peers'):
 * their bytes are kept by string, so writing one is a Map hit (V8 caches a string's hash) and a short copy instead
 * of a UTF-8 encoding call. Bounded: cleared when full.
 */
const identityBytes = new Map<string, Buffer>();
const IDENTITY_CACHE_LIMIT = 1024;

function writeIdentity(buf: Buffer, o: number, text: string): number {
  let bytes = identityBytes.get(text);
  if (bytes === undefined) {
    if (text.length > 255) return writeText(buf, o, text);
    bytes = Buffer.from(text, 'utf8');
    if (identityBytes.size >= IDENTITY_CACHE_LIMIT) identityBytes.clear();
    identityBytes.set(text, bytes);
  }
  const n = bytes.length;
  if (o + n > buf.length) throw FULL;
  if (n <= 16) for (let i = 0; i < n; i++) buf[o + i] = bytes[i];
  else buf.set(bytes, o);
  return o + n;
}

function writeBytes(buf: Buffer, o: number, bytes: Uint8Array, avp: Avp): number {
  if (!(bytes instanceof Uint8Array)) throw mismatch(avp, 'a Buffer');
  const n = bytes.length;
  if (o + n > buf.length) throw FULL;
  if (n <= 16) for (let i = 0; i < n; i++) buf[o + i] = bytes[i];
  else buf.set(bytes, o);
  return o + n;
}

function mismatch(avp: Avp, wanted: string): EncodeError {
  const got = avp.value === null ? 'null' : Array.isArray(avp.value) ? 'an array' : typeof avp.value;
  return new EncodeError(`${avp.def?.type ?? 'raw'} value must be ${wanted}, got ${got}`, avp.name);
}
