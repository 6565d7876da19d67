import { DecodeError } from '../errors.js';
import { readAddress } from './address.js';
import { Avp, type AvpValue } from './avp.js';
import type { AvpTypeInfo, CodecDictionary } from './avp-type.js';
import { AvpFlag, DIAMETER_VERSION, HEADER_LENGTH } from './flags.js';
import { Message } from './message.js';
import { ResultCode } from './result-codes.js';
import { ntpToDate } from './time.js';
import { readUtf8 } from './utf8.js';

/**
 * Full decode of one message: every AVP to its typed value, Grouped AVPs recursively, in one pass over the buffer.
 * Problems throw a DecodeError carrying the RFC 6733 Result-Code and the offset of the offending AVP, so the peer
 * layer can answer with it (see validation). OctetString values are views into `buf`, not copies.
 */
export function decodeMessage(buf: Buffer, dictionary: CodecDictionary): Message {
  if (buf.length < HEADER_LENGTH) {
    throw new DecodeError(
      `message of ${buf.length} bytes is shorter than the 20-byte header`,
      ResultCode.INVALID_MESSAGE_LENGTH,
      0,
      undefined,
      undefined,
      'ERR_MESSAGE_TRUNCATED',
    );
  }
  const version = buf[0];
  if (version !== DIAMETER_VERSION) {
    throw new DecodeError(`unsupported Diameter version ${version}`, ResultCode.UNSUPPORTED_VERSION, 0);
  }
  const length = (buf[1] << 16) | (buf[2] << 8) | buf[3];
  if (length !== buf.length || (length & 3) !== 0) {
    throw new DecodeError(
      `message length field says ${length} but ${buf.length} bytes were given`,
      ResultCode.INVALID_MESSAGE_LENGTH,
      1,
    );
  }
  const flags = buf[4];
  const commandCode = (buf[5] << 16) | (buf[6] << 8) | buf[7];
  const applicationId = u32(buf, 8);
  const hopByHopId = u32(buf, 12);
  const endToEndId = u32(buf, 16);
  const avps = decodeAvps(buf, HEADER_LENGTH, length, dictionary);
  return new Message(flags, commandCode, applicationId, hopByHopId, endToEndId, avps, dictionary, version);
}

const FAILED_AVP = 279;

/** Big-endian unsigned 32 bits; the caller has checked the bounds (no per-call range check, unlike readUInt32BE). */
function u32(buf: Buffer, o: number): number {
  return ((buf[o] << 24) | (buf[o + 1] << 16) | (buf[o + 2] << 8) | buf[o + 3]) >>> 0;
}

/** Decodes the AVPs in buf[start, end); `lenient`: values that do not decode stay raw bytes. */
export function decodeAvps(
  buf: Buffer,
  start: number,
  end: number,
  dictionary: CodecDictionary,
  lenient = false,
): Avp[] {
  const avps: Avp[] = [];
  let o = start;
  while (o < end) {
    if (end - o < 8) {
      throw new DecodeError(
        `${end - o} stray bytes where an AVP header was expected`,
        ResultCode.INVALID_MESSAGE_LENGTH,
        o,
      );
    }
    const code = u32(buf, o);
    const flags = buf[o + 4];
    const length = (buf[o + 5] << 16) | (buf[o + 6] << 8) | buf[o + 7];
    let vendorId = 0;
    let dataStart = o + 8;
    if ((flags & AvpFlag.VENDOR) !== 0) {
      if (length < 12 || end - o < 12) {
        throw new DecodeError(
          `AVP ${code}: length ${length} is too small for a vendor AVP`,
          ResultCode.INVALID_AVP_LENGTH,
          o,
          code,
        );
      }
      vendorId = u32(buf, o + 8);
      dataStart = o + 12;
    } else if (length < 8) {
      throw new DecodeError(
        `AVP ${code}: length ${length} is below the 8-byte header`,
        ResultCode.INVALID_AVP_LENGTH,
        o,
        code,
      );
    }
    const dataEnd = o + length;
    if (dataEnd > end) {
      throw new DecodeError(
        `AVP ${code}: length ${length} runs ${dataEnd - end} bytes past its container`,
        ResultCode.INVALID_AVP_LENGTH,
        o,
        code,
        vendorId,
      );
    }
    const def = dictionary.avp(code, vendorId);
    let value: AvpValue;
    if (def === undefined) value = buf.subarray(dataStart, dataEnd);
    else if (!lenient) value = decodeValue(buf, dataStart, dataEnd, def, o, dictionary);
    else {
      try {
        value = decodeValue(buf, dataStart, dataEnd, def, o, dictionary);
      } catch (error) {
        if (!(error instanceof DecodeError)) throw error;
        value = buf.subarray(dataStart, dataEnd);
      }
    }
    avps.push(new Avp(code, flags, vendorId, value, def));
    o = dataEnd + ((4 - (length & 3)) & 3);
  }
  if (o > end) {
    // The last AVP's padding ran past the container: the container's length does not cover it.
    throw new DecodeError(
      'the last AVP is not padded to a multiple of 4 bytes',
      ResultCode.INVALID_MESSAGE_LENGTH,
      end,
    );
  }
  return avps;
}

function decodeValue(
  buf: Buffer,
  s: number,
  e: number,
  def: AvpTypeInfo,
  avpOffset: number,
  dictionary: CodecDictionary,
): AvpValue {
  const n = e - s;
  switch (def.type) {
    case 'OctetString':
      return buf.subarray(s, e);
    case 'UTF8String':
    case 'DiameterIdentity':
    case 'DiameterURI':
    case 'IPFilterRule':
    case 'QoSFilterRule': {
      const text = readUtf8(buf, s, e);
      if (text === undefined)
        throw invalid(def, avpOffset, ResultCode.INVALID_AVP_VALUE, 'is not valid UTF-8');
      return text;
    }
    case 'Unsigned32':
      if (n !== 4) throw badLength(def, avpOffset, n, 4);
      return ((buf[s] << 24) | (buf[s + 1] << 16) | (buf[s + 2] << 8) | buf[s + 3]) >>> 0;
    case 'Integer32':
    case 'Enumerated':
      if (n !== 4) throw badLength(def, avpOffset, n, 4);
      return (buf[s] << 24) | (buf[s + 1] << 16) | (buf[s + 2] << 8) | buf[s + 3];
    case 'Grouped':
      // Failed-AVP holds the AVPs a peer found wrong (RFC 6733 §7.5): an inner one that does not decode is kept
      // as raw bytes instead of making the whole error answer unreadable.
      return def.code === FAILED_AVP && def.vendorId === 0
        ? decodeAvps(buf, s, e, dictionary, true)
        : decodeAvps(buf, s, e, dictionary);
    case 'Unsigned64':
      if (n !== 8) throw badLength(def, avpOffset, n, 8);
      return buf.readBigUInt64BE(s);
    case 'Integer64':
      if (n !== 8) throw badLength(def, avpOffset, n, 8);
      return buf.readBigInt64BE(s);
    case 'Time':
      if (n !== 4) throw badLength(def, avpOffset, n, 4);
      return ntpToDate(u32(buf, s));
    case 'Address': {
      const address = readAddress(buf, s, e);
      if (address === undefined)
        throw invalid(
          def,
          avpOffset,
          ResultCode.INVALID_AVP_LENGTH,
          `has an address of ${n} bytes that does not suit its family`,
        );
      return address;
    }
    case 'Float32':
      if (n !== 4) throw badLength(def, avpOffset, n, 4);
      return buf.readFloatBE(s);
    case 'Float64':
      if (n !== 8) throw badLength(def, avpOffset, n, 8);
      return buf.readDoubleBE(s);
  }
}

function badLength(def: AvpTypeInfo, offset: number, got: number, want: number): DecodeError {
  return invalid(
    def,
    offset,
    ResultCode.INVALID_AVP_LENGTH,
    `has ${got} data bytes, ${def.type} needs ${want}`,
  );
}

function invalid(def: AvpTypeInfo, offset: number, resultCode: number, what: string): DecodeError {
  return new DecodeError(`${def.name} (AVP ${def.code}) ${what}`, resultCode, offset, def.code, def.vendorId);
}
