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

/** RFC 5952 canonical text: lower case, longest run (≥ 2) of zero groups compressed, first on a tie. */
function formatIPv6(buf: Buffer, o: number): string {
  const groups = new Array<number>(8);
  for (let i = 0; i < 8; i++) groups[i] = (buf[o + 2 * i] << 8) | buf[o + 2 * i + 1];
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
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
  if (bestStart < 0) return groups.map((g) => g.toString(16)).join(':');
  const head = groups.slice(0, bestStart).map((g) => g.toString(16)).join(':');
  const tail = groups.slice(bestStart + bestLen).map((g) => g.toString(16)).join(':');
  return `${head}::${tail}`;
}

/** Number of data bytes the value needs, or -1 when it is not a valid address. */
export function addressLength(value: AddressValue): number {
  if (typeof value === 'string') {
    if (parseIPv4(value, undefined, 0)) return 6;
    if (parseIPv6(value, undefined, 0)) return 18;
    return -1;
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
  if (parseIPv4(value, buf, offset + 2)) {
    buf[offset] = 0;
    buf[offset + 1] = AddressFamily.IPV4;
    return;
  }
  parseIPv6(value, buf, offset + 2);
  buf[offset] = 0;
  buf[offset + 1] = AddressFamily.IPV6;
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
