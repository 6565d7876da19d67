/**
 * The Address data format (RFC 6733 §4.3.1): a 2-octet IANA address family followed by the address.
 * IPv4 and IPv6 appear as their text form ("192.0.2.1", "2001:db8::1"); other families keep their bytes.
 */

export const AddressFamily = { IPV4: 1, IPV6: 2 } as const;

/** An address of a family other than IPv4/IPv6 (E.164 = 8, for instance), kept as bytes. */
export interface OtherAddress {
  readonly family: number;
  readonly bytes: Buffer;
}

export type AddressValue = string | OtherAddress;

/** Formats the address in data [start, end); returns undefined when the length does not suit the family. */
export function readAddress(buf: Buffer, start: number, end: number): AddressValue | undefined {
  if (end - start < 2) return undefined;
  const family = (buf[start] << 8) | buf[start + 1];
  const o = start + 2;
  const n = end - o;
  if (family === AddressFamily.IPV4) {
    if (n !== 4) return undefined;
    return `${buf[o]}.${buf[o + 1]}.${buf[o + 2]}.${buf[o + 3]}`;
  }
  if (family === AddressFamily.IPV6) {
    if (n !== 16) return undefined;
    return formatIPv6(buf, o);
  }
  return { family, bytes: Buffer.from(buf.subarray(o, end)) };
}

const groups = new Uint16Array(8);

/** RFC 5952 canonical text: lower case, longest run (≥ 2) of zero groups compressed, first on a tie. */
function formatIPv6(buf: Buffer, o: number): string {
  for (let i = 0; i < 8; i++) groups[i] = (buf[o + 2 * i] << 8) | buf[o + 2 * i + 1];
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let text = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      text += '::';
      i += bestLen - 1;
      continue;
    }
    if (text.length > 0 && !text.endsWith(':')) text += ':';
    text += groups[i].toString(16);
  }
  return text;
}

/**
 * The wire form (family + address) of text addresses, cached: the same few addresses (our Host-IP-Address, the
 * gateways') are encoded over and over, and parsing IPv6 text is far dearer than a Map lookup. Bounded.
 */
const wireCache = new Map<string, Buffer | null>();
const WIRE_CACHE_LIMIT = 4096;

function wireForm(text: string): Buffer | null {
  let wire = wireCache.get(text);
  if (wire !== undefined) return wire;
  const out = Buffer.alloc(18);
  if (parseIPv4(text, out, 2)) {
    out[1] = AddressFamily.IPV4;
    wire = out.subarray(0, 6);
  } else if (parseIPv6(text, out, 2)) {
    out[1] = AddressFamily.IPV6;
    wire = out;
  } else wire = null;
  if (wireCache.size >= WIRE_CACHE_LIMIT) wireCache.clear();
  wireCache.set(text, wire);
  return wire;
}

/** Number of data bytes the value needs, or -1 when it is not a valid address. */
export function addressLength(value: AddressValue): number {
  if (typeof value === 'string') {
    const wire = wireForm(value);
    return wire === null ? -1 : wire.length;
  }
  return 2 + value.bytes.length;
}

export function writeAddress(buf: Buffer, offset: number, value: AddressValue): void {
  if (typeof value !== 'string') {
    buf[offset] = value.family >>> 8;
    buf[offset + 1] = value.family & 0xff;
    buf.set(value.bytes, offset + 2);
    return;
  }
  const wire = wireForm(value)!;
  for (let i = 0; i < wire.length; i++) buf[offset + i] = wire[i];
}

/** Parses dotted-quad text; writes the 4 bytes at `offset` when `out` is given. */
export function parseIPv4(text: string, out: Buffer | undefined, offset: number): boolean {
  let part = 0;
  let digits = 0;
  let index = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i === text.length ? 46 : text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || index > 3) return false;
      if (out) out[offset + index] = part;
      index++;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return false; // no leading zeros: "01" is ambiguous (octal)
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255) return false;
    } else return false;
  }
  return index === 4;
}

/** Parses IPv6 text (with "::" and an optional trailing dotted quad); writes 16 bytes when `out` is given. */
export function parseIPv6(text: string, out: Buffer | undefined, offset: number): boolean {
  if (text.length < 2 || text.indexOf(':') < 0) return false;
  const doubleColon = text.indexOf('::');
  if (doubleColon >= 0 && text.indexOf('::', doubleColon + 1) >= 0) return false;
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const result: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      if (i === pieces.length - 1 && p.includes('.')) {
        const v4 = Buffer.alloc(4);
        if (!parseIPv4(p, v4, 0)) return undefined;
        result.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
      result.push(parseInt(p, 16));
    }
    return result;
  };
  let groups: number[];
  if (doubleColon >= 0) {
    const head = parseGroups(text.slice(0, doubleColon));
    const tail = parseGroups(text.slice(doubleColon + 2));
    if (!head || !tail || head.length + tail.length > 7) return false;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = parseGroups(text);
    if (!all || all.length !== 8) return false;
    groups = all;
  }
  if (out) {
    for (let i = 0; i < 8; i++) {
      out[offset + 2 * i] = groups[i] >>> 8;
      out[offset + 2 * i + 1] = groups[i] & 0xff;
    }
  }
  return true;
}
