import { EncodeError } from '../errors.js';
import { addressLength, writeAddress, type AddressValue } from './address.js';
import type { Avp, AvpValue } from './avp.js';
import type { AvpType } from './avp-type.js';
import { AvpFlag, DIAMETER_VERSION, HEADER_LENGTH } from './flags.js';
import type { Message } from './message.js';
import { dateToNtp } from './time.js';
import { utf8Length, writeUtf8 } from './utf8.js';

/**
 * Encodes into one buffer sized up front. The first pass measures every AVP and records each data length in
 * pre-order in a scratch array; the second pass writes, reading the lengths back in the same order, so nothing is
 * measured twice and no intermediate buffers are concatenated. Flags are written as given (decode keeps them as
 * received), so a decoded message re-encodes to the same bytes.
 */

let sizes = new Int32Array(256);
let sizeCount = 0;

export function encodeMessage(message: Message): Buffer {
  sizeCount = 0;
  const length = HEADER_LENGTH + measureAvps(message.avps);
  const buf = Buffer.allocUnsafe(length);
  buf[0] = message.version ?? DIAMETER_VERSION;
  buf[1] = length >>> 16;
  buf[2] = (length >>> 8) & 0xff;
  buf[3] = length & 0xff;
  buf.writeUInt32BE(((message.flags & 0xff) << 24 | (message.commandCode & 0xffffff)) >>> 0, 4);
  buf.writeUInt32BE(message.applicationId >>> 0, 8);
  buf.writeUInt32BE(message.hopByHopId >>> 0, 12);
  buf.writeUInt32BE(message.endToEndId >>> 0, 16);
  sizeCount = 0;
  writeAvps(buf, HEADER_LENGTH, message.avps);
  return buf;
}

/** Encodes AVPs alone (for instance to append to a relayed message). */
export function encodeAvps(avps: readonly Avp[]): Buffer {
  sizeCount = 0;
  const buf = Buffer.allocUnsafe(measureAvps(avps));
  sizeCount = 0;
  writeAvps(buf, 0, avps);
  return buf;
}

function pushSize(n: number): number {
  if (sizeCount === sizes.length) {
    const bigger = new Int32Array(sizes.length * 2);
    bigger.set(sizes);
    sizes = bigger;
  }
  sizes[sizeCount] = n;
  return sizeCount++;
}

function measureAvps(avps: readonly Avp[]): number {
  let total = 0;
  for (let i = 0; i < avps.length; i++) {
    const avp = avps[i];
    const header = (avp.flags & AvpFlag.VENDOR) !== 0 ? 12 : 8;
    const slot = pushSize(0);
    const n = measureValue(avp);
    sizes[slot] = n;
    total += (header + n + 3) & ~3;
  }
  return total;
}

function measureValue(avp: Avp): number {
  const value = avp.value;
  const type: AvpType | undefined = avp.def?.type;
  switch (type) {
    case 'Unsigned32':
    case 'Integer32':
    case 'Enumerated':
    case 'Float32':
    case 'Time':
      return 4;
    case 'Unsigned64':
    case 'Integer64':
    case 'Float64':
      return 8;
    case 'UTF8String':
    case 'DiameterIdentity':
    case 'DiameterURI':
    case 'IPFilterRule':
    case 'QoSFilterRule':
      if (typeof value === 'string') return utf8Length(value);
      if (value instanceof Uint8Array) return value.length;
      throw mismatch(avp, 'a string');
    case 'Address': {
      if (value instanceof Uint8Array) return value.length;
      const n = addressLength(value as AddressValue);
      if (n < 0) throw new EncodeError(`${String(value)} is not an IP address`, avp.name);
      return n;
    }
    case 'Grouped':
      if (Array.isArray(value)) return measureAvps(value);
      if (value instanceof Uint8Array) return value.length;
      throw mismatch(avp, 'an array of AVPs');
    default:
      // OctetString, and AVPs the dictionary does not know: raw bytes (or a group built by hand).
      if (value instanceof Uint8Array) return value.length;
      if (typeof value === 'string') return utf8Length(value);
      if (Array.isArray(value)) return measureAvps(value);
      throw mismatch(avp, 'a Buffer');
  }
}

function writeAvps(buf: Buffer, offset: number, avps: readonly Avp[]): number {
  let o = offset;
  for (let i = 0; i < avps.length; i++) {
    const avp = avps[i];
    const n = sizes[sizeCount++];
    const vendor = (avp.flags & AvpFlag.VENDOR) !== 0;
    const header = vendor ? 12 : 8;
    const length = header + n;
    const code = avp.code;
    buf[o] = code >>> 24;
    buf[o + 1] = (code >>> 16) & 0xff;
    buf[o + 2] = (code >>> 8) & 0xff;
    buf[o + 3] = code & 0xff;
    buf[o + 4] = avp.flags;
    buf[o + 5] = length >>> 16;
    buf[o + 6] = (length >>> 8) & 0xff;
    buf[o + 7] = length & 0xff;
    if (vendor) {
      const v = avp.vendorId;
      buf[o + 8] = v >>> 24;
      buf[o + 9] = (v >>> 16) & 0xff;
      buf[o + 10] = (v >>> 8) & 0xff;
      buf[o + 11] = v & 0xff;
    }
    writeValue(buf, o + header, n, avp);
    const padded = (length + 3) & ~3;
    for (let p = o + length; p < o + padded; p++) buf[p] = 0;
    o += padded;
  }
  return o;
}

function writeValue(buf: Buffer, o: number, n: number, avp: Avp): void {
  const value: AvpValue = avp.value;
  switch (avp.def?.type) {
    case 'Unsigned32':
    case 'Integer32':
    case 'Enumerated': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw mismatch(avp, 'an integer');
      buf[o] = value >>> 24;
      buf[o + 1] = (value >>> 16) & 0xff;
      buf[o + 2] = (value >>> 8) & 0xff;
      buf[o + 3] = value & 0xff;
      return;
    }
    case 'Unsigned64':
      if (typeof value === 'bigint') buf.writeBigUInt64BE(value, o);
      else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
        buf.writeUInt32BE(Math.floor(value / 0x1_0000_0000), o);
        buf.writeUInt32BE(value >>> 0, o + 4);
      } else throw mismatch(avp, 'a bigint (or a safe non-negative integer)');
      return;
    case 'Integer64':
      if (typeof value === 'bigint') buf.writeBigInt64BE(value, o);
      else if (typeof value === 'number' && Number.isSafeInteger(value)) buf.writeBigInt64BE(BigInt(value), o);
      else throw mismatch(avp, 'a bigint (or a safe integer)');
      return;
    case 'Float32':
      if (typeof value !== 'number') throw mismatch(avp, 'a number');
      buf.writeFloatBE(value, o);
      return;
    case 'Float64':
      if (typeof value !== 'number') throw mismatch(avp, 'a number');
      buf.writeDoubleBE(value, o);
      return;
    case 'Time': {
      const ntp = value instanceof Date ? dateToNtp(value) : undefined;
      if (ntp === undefined) throw mismatch(avp, 'a Date between 1968-01-20 and 2104-02-26');
      buf.writeUInt32BE(ntp, o);
      return;
    }
    case 'Address':
      if (value instanceof Uint8Array) buf.set(value, o);
      else writeAddress(buf, o, value as AddressValue);
      return;
    case 'Grouped':
      if (Array.isArray(value)) writeAvps(buf, o, value);
      else buf.set(value as Uint8Array, o);
      return;
    default:
      if (typeof value === 'string') writeUtf8(buf, value, o, n);
      else if (Array.isArray(value)) writeAvps(buf, o, value);
      else if (n <= 16) {
        const bytes = value as Uint8Array;
        for (let i = 0; i < n; i++) buf[o + i] = bytes[i];
      } else buf.set(value as Uint8Array, o);
  }
}

function mismatch(avp: Avp, wanted: string): EncodeError {
  const got = avp.value === null ? 'null' : Array.isArray(avp.value) ? 'an array' : typeof avp.value;
  return new EncodeError(`${avp.def?.type ?? 'raw'} value must be ${wanted}, got ${got}`, avp.name);
}
