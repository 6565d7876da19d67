import { AvpFlag, HEADER_LENGTH } from './flags.js';
import { readUtf8 } from './utf8.js';

/**
 * Reading and rewriting a received message in place, for relaying. Nothing here allocates except the values
 * asked for: the relay rewrites the Hop-by-Hop id, reads a routing AVP or two and forwards the same buffer.
 * Callers pass whole messages from the Framer, whose header has already been checked.
 */

/** Top-level AVP codes a relay routes on (RFC 6733 §8.8, §6.3, §6.6, §6.7.1). */
export const RoutingAvp = {
  SESSION_ID: 263,
  ORIGIN_HOST: 264,
  ORIGIN_REALM: 296,
  DESTINATION_HOST: 293,
  DESTINATION_REALM: 283,
  ROUTE_RECORD: 282,
  RESULT_CODE: 268,
} as const;

export function messageLength(buf: Buffer): number {
  return (buf[1] << 16) | (buf[2] << 8) | buf[3];
}

/** Patches the 24-bit message length (when a relay appends AVPs after the received bytes). */
export function setMessageLength(buf: Buffer, length: number): void {
  buf[1] = length >>> 16;
  buf[2] = (length >>> 8) & 0xff;
  buf[3] = length & 0xff;
}

export function commandFlags(buf: Buffer): number {
  return buf[4];
}

export function setCommandFlags(buf: Buffer, flags: number): void {
  buf[4] = flags;
}

export function isRequest(buf: Buffer): boolean {
  return (buf[4] & 0x80) !== 0;
}

export function commandCode(buf: Buffer): number {
  return (buf[5] << 16) | (buf[6] << 8) | buf[7];
}

export function applicationId(buf: Buffer): number {
  return ((buf[8] << 24) | (buf[9] << 16) | (buf[10] << 8) | buf[11]) >>> 0;
}

export function hopByHopId(buf: Buffer): number {
  return ((buf[12] << 24) | (buf[13] << 16) | (buf[14] << 8) | buf[15]) >>> 0;
}

export function setHopByHopId(buf: Buffer, id: number): void {
  buf[12] = id >>> 24;
  buf[13] = (id >>> 16) & 0xff;
  buf[14] = (id >>> 8) & 0xff;
  buf[15] = id & 0xff;
}

export function endToEndId(buf: Buffer): number {
  return ((buf[16] << 24) | (buf[17] << 16) | (buf[18] << 8) | buf[19]) >>> 0;
}

export function setEndToEndId(buf: Buffer, id: number): void {
  buf[16] = id >>> 24;
  buf[17] = (id >>> 16) & 0xff;
  buf[18] = (id >>> 8) & 0xff;
  buf[19] = id & 0xff;
}

/**
 * Offset of the first AVP with this code and vendor in [from, until), or -1: top-level by default; pass a Grouped
 * AVP's avpDataOffset and avpDataEnd to search inside it, and a previous match's nextAvpOffset to iterate over
 * repeated AVPs. Stops (returns -1) on a malformed AVP header rather than reading past the end.
 */
export function findAvp(
  buf: Buffer,
  code: number,
  vendorId = 0,
  from = HEADER_LENGTH,
  until = messageLength(buf),
): number {
  const end = Math.min(buf.length, until);
  let o = from;
  while (end - o >= 8) {
    const c = ((buf[o] << 24) | (buf[o + 1] << 16) | (buf[o + 2] << 8) | buf[o + 3]) >>> 0;
    const flags = buf[o + 4];
    const length = (buf[o + 5] << 16) | (buf[o + 6] << 8) | buf[o + 7];
    if (length < 8 || o + length > end) return -1;
    if (c === code) {
      const v = (flags & AvpFlag.VENDOR) !== 0 && length >= 12 ? buf.readUInt32BE(o + 8) : 0;
      if (v === vendorId) return o;
    }
    o += (length + 3) & ~3;
  }
  return -1;
}

/** What a relay learns from one walk over a request's top-level AVPs (see relayCheck). */
export type RelayCheck = 'ok' | 'bad-avp-length' | 'loop';

/**
 * The one walk a relay affords over a request it does not decode: do the top-level AVP headers tile the message
 * (each length at least its header, none past the end), and does a Route-Record hold `identity` (RFC 6733
 * §6.1.3: the request has already been through us)?
 */
export function relayCheck(buf: Buffer, identity: string): RelayCheck {
  const end = Math.min(buf.length, messageLength(buf));
  let o = HEADER_LENGTH;
  while (o < end) {
    if (end - o < 8) return 'bad-avp-length';
    const length = (buf[o + 5] << 16) | (buf[o + 6] << 8) | buf[o + 7];
    const vendor = (buf[o + 4] & AvpFlag.VENDOR) !== 0;
    if (length < (vendor ? 12 : 8) || o + length > end) return 'bad-avp-length';
    // Route-Record: code 282, no vendor.
    if (
      !vendor &&
      buf[o + 3] === 26 &&
      buf[o + 2] === 1 &&
      buf[o + 1] === 0 &&
      buf[o] === 0 &&
      avpEqualsAscii(buf, o, identity)
    ) {
      return 'loop';
    }
    o += (length + 3) & ~3;
  }
  return o === end ? 'ok' : 'bad-avp-length';
}

/** Offset just past the AVP at `avpOffset`, padding included. */
export function nextAvpOffset(buf: Buffer, avpOffset: number): number {
  const length = (buf[avpOffset + 5] << 16) | (buf[avpOffset + 6] << 8) | buf[avpOffset + 7];
  return avpOffset + ((length + 3) & ~3);
}

export function avpDataOffset(buf: Buffer, avpOffset: number): number {
  return avpOffset + ((buf[avpOffset + 4] & AvpFlag.VENDOR) !== 0 ? 12 : 8);
}

export function avpDataEnd(buf: Buffer, avpOffset: number): number {
  return avpOffset + ((buf[avpOffset + 5] << 16) | (buf[avpOffset + 6] << 8) | buf[avpOffset + 7]);
}

/** The UTF-8 value of the AVP at `avpOffset` (Session-Id, Origin-Host, …); undefined if not valid UTF-8. */
export function avpString(buf: Buffer, avpOffset: number): string | undefined {
  return readUtf8(buf, avpDataOffset(buf, avpOffset), avpDataEnd(buf, avpOffset));
}

export function avpUnsigned32(buf: Buffer, avpOffset: number): number {
  return buf.readUInt32BE(avpDataOffset(buf, avpOffset));
}

/** Whether the string AVP at `avpOffset` equals `text` (ASCII, case-sensitive), without allocating. */
export function avpEqualsAscii(buf: Buffer, avpOffset: number, text: string): boolean {
  const s = avpDataOffset(buf, avpOffset);
  const e = avpDataEnd(buf, avpOffset);
  if (e - s !== text.length) return false;
  for (let i = 0; i < text.length; i++) if (buf[s + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** Finds a top-level string AVP and returns its value, or undefined when absent. */
export function findAvpString(buf: Buffer, code: number, vendorId = 0): string | undefined {
  const o = findAvp(buf, code, vendorId);
  return o < 0 ? undefined : avpString(buf, o);
}
