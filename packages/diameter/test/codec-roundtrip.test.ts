import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Avp } from '../src/codec/avp.js';
import { AVP_TYPES, type AvpType } from '../src/codec/avp-type.js';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import { AvpFlag } from '../src/codec/flags.js';
import { Message } from '../src/codec/message.js';
import { dateToNtp, ntpToDate } from '../src/codec/time.js';
import { Dictionary } from '../src/dictionary/dictionary.js';
import { defineApplication } from '../src/dictionary/definitions.js';
import { base } from '../src/dictionary/applications/base.js';
import { buildMessage } from '../src/dictionary/message-builder.js';

/** One AVP of every data type, IETF and vendor, so each type is exercised with and without the Vendor-Id field. */
const TYPES = AVP_TYPES.filter((t) => t !== 'Grouped');
const testApp = defineApplication({
  id: 99,
  name: 'Round-trip test',
  kind: 'auth',
  spec: 'test',
  avps: [
    ...TYPES.map((type, i) => ({ name: `T-${type}`, code: 90000 + i, type })),
    ...TYPES.map((type, i) => ({ name: `V-${type}`, code: 90100 + i, type, vendorId: 10415 })),
    { name: 'T-Group', code: 90200, type: 'Grouped' as const, grouped: '*[ AVP ]' },
    { name: 'V-Group', code: 90201, type: 'Grouped' as const, vendorId: 4491, grouped: '*[ AVP ]' },
  ],
  commands: [],
});
const dict = new Dictionary([base, testApp]);

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));

function valueArb(type: AvpType): fc.Arbitrary<unknown> {
  switch (type) {
    case 'OctetString':
      return fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a));
    case 'Integer32':
    case 'Enumerated':
      return fc.integer({ min: -0x8000_0000, max: 0x7fff_ffff });
    case 'Unsigned32':
      return fc.integer({ min: 0, max: 0xffff_ffff });
    case 'Integer64':
      return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    case 'Unsigned64':
      return fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    case 'Float32':
      return fc.float({ noDefaultInfinity: false, noNaN: true }).map((f) => Math.fround(f));
    case 'Float64':
      return fc.double({ noNaN: true });
    case 'Address':
      return fc.oneof(
        ipv4,
        fc.constantFrom('::', '::1', '2001:db8::1', 'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '2001:db8:0:1::'),
      );
    case 'Time':
      // Both NTP eras: 1968-01-20 … 2104-02-26, whole seconds.
      return fc
        .integer({ min: -2_208_988_800 + 0x8000_0000, max: -2_208_988_800 + 0x1_8000_0000 - 1 })
        .map((s) => new Date(s * 1000));
    default:
      return fc.string({ unit: 'grapheme', maxLength: 30 });
  }
}

const flagArb = (vendor: boolean) =>
  fc
    .constantFrom(0, AvpFlag.MANDATORY, AvpFlag.PROTECTED, AvpFlag.MANDATORY | AvpFlag.PROTECTED)
    .map((f) => (vendor ? f | AvpFlag.VENDOR : f));

function leafArb(): fc.Arbitrary<Avp> {
  return fc.oneof(
    ...TYPES.flatMap((type) => [
      fc.tuple(valueArb(type), flagArb(false)).map(([v, f]) => {
        const def = dict.avpByName(`T-${type}`)!;
        return new Avp(def.code, f, 0, v as never, def);
      }),
      fc.tuple(valueArb(type), flagArb(true)).map(([v, f]) => {
        const def = dict.avpByName(`V-${type}`)!;
        return new Avp(def.code, f, 10415, v as never, def);
      }),
    ]),
    // An AVP the dictionary does not know: kept as raw bytes, flags and vendor.
    fc
      .tuple(fc.integer({ min: 100000, max: 200000 }), fc.boolean(), fc.uint8Array({ maxLength: 13 }))
      .map(
        ([code, vendor, bytes]) =>
          new Avp(code, vendor ? AvpFlag.VENDOR : 0, vendor ? 5535 : 0, Buffer.from(bytes), undefined),
      ),
  );
}

const avpArb: fc.Arbitrary<Avp> = fc.letrec<{ avp: Avp }>((tie) => ({
  avp: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb(),
    fc.tuple(fc.array(tie('avp'), { maxLength: 4 }), fc.boolean()).map(([children, vendor]) => {
      const def = dict.avpByName(vendor ? 'V-Group' : 'T-Group')!;
      return new Avp(
        def.code,
        vendor ? AvpFlag.VENDOR | AvpFlag.MANDATORY : AvpFlag.MANDATORY,
        def.vendorId,
        children,
        def,
      );
    }),
  ),
})).avp;

const messageArb = fc
  .record({
    flags: fc.constantFrom(0x80, 0xc0, 0x00, 0x40, 0x20, 0x90),
    code: fc.integer({ min: 0, max: 0xffffff }),
    app: fc.integer({ min: 0, max: 0xffffffff }),
    h2h: fc.integer({ min: 0, max: 0xffffffff }),
    e2e: fc.integer({ min: 0, max: 0xffffffff }),
    avps: fc.array(avpArb, { maxLength: 12 }),
  })
  .map((r) => new Message(r.flags, r.code, r.app, r.h2h, r.e2e, r.avps, dict));

function strip(avps: Avp[]): unknown[] {
  return avps.map((a) => ({
    code: a.code,
    flags: a.flags,
    vendorId: a.vendorId,
    value: Array.isArray(a.value)
      ? strip(a.value)
      : Buffer.isBuffer(a.value)
        ? a.value.toString('hex')
        : a.value,
  }));
}

describe('codec round trip', () => {
  it('every data type survives encode → decode → encode, with the same bytes', () => {
    fc.assert(
      fc.property(messageArb, (m) => {
        const bytes = encodeMessage(m);
        expect(bytes.length % 4).toBe(0);
        expect(bytes.readUInt32BE(0) & 0xffffff).toBe(bytes.length);
        const decoded = decodeMessage(bytes, dict);
        expect(decoded.flags).toBe(m.flags);
        expect(decoded.commandCode).toBe(m.commandCode);
        expect(decoded.applicationId).toBe(m.applicationId);
        expect(decoded.hopByHopId).toBe(m.hopByHopId);
        expect(decoded.endToEndId).toBe(m.endToEndId);
        expect(strip(decoded.avps)).toEqual(strip(m.avps));
        expect(encodeMessage(decoded).equals(bytes)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('pads every data length to a multiple of 4 with zero bytes', () => {
    const def = dict.avpByName('T-OctetString')!;
    for (let n = 0; n <= 9; n++) {
      const m = new Message(0x80, 1, 0, 1, 1, [new Avp(def.code, 0, 0, Buffer.alloc(n, 0xff), def)], dict);
      const bytes = encodeMessage(m);
      expect(bytes.length).toBe(20 + ((8 + n + 3) & ~3));
      expect(bytes.readUIntBE(25, 3)).toBe(8 + n);
      for (let p = 28 + n; p < bytes.length; p++) expect(bytes[p]).toBe(0);
      expect(decodeMessage(bytes, dict).avps[0].value).toEqual(Buffer.alloc(n, 0xff));
    }
  });

  it('keeps 64-bit extremes exact', () => {
    const u = dict.avpByName('T-Unsigned64')!;
    const i = dict.avpByName('T-Integer64')!;
    const values: [typeof u, bigint][] = [
      [u, 0n],
      [u, 2n ** 64n - 1n],
      [u, 2n ** 53n + 1n],
      [i, -(2n ** 63n)],
      [i, 2n ** 63n - 1n],
      [i, -1n],
    ];
    for (const [def, v] of values) {
      const m = new Message(0x80, 1, 0, 1, 1, [new Avp(def.code, 0, 0, v, def)], dict);
      expect(decodeMessage(encodeMessage(m), dict).avps[0].value).toBe(v);
    }
  });

  it('reads Time across the 2036 NTP roll-over (RFC 4330 eras)', () => {
    expect(ntpToDate(0xffff_ffff).toISOString()).toBe('2036-02-07T06:28:15.000Z');
    expect(ntpToDate(0).toISOString()).toBe('2036-02-07T06:28:16.000Z');
    expect(ntpToDate(0x8000_0000).toISOString()).toBe('1968-01-20T03:14:08.000Z');
    expect(ntpToDate(0x7fff_ffff).toISOString()).toBe('2104-02-26T09:42:23.000Z');
    expect(dateToNtp(new Date('2036-02-07T06:28:16Z'))).toBe(0);
    expect(dateToNtp(new Date('2036-02-07T06:28:15Z'))).toBe(0xffff_ffff);
    expect(dateToNtp(new Date('2000-01-01T00:00:00Z'))).toBe(3_155_673_600);
    expect(dateToNtp(new Date('1960-01-01T00:00:00Z'))).toBeUndefined();
    expect(dateToNtp(new Date('2110-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('builds a CER from names and natural values and reads it back by name', () => {
    const cer = buildMessage(
      dict,
      'CER',
      {
        'Origin-Host': 'gw.example.net',
        'Origin-Realm': 'example.net',
        'Host-IP-Address': ['192.0.2.1', '2001:db8::7'],
        'Vendor-Id': 10415,
        'Product-Name': 'diam',
        'Auth-Application-Id': [4, 16777238],
        'Vendor-Specific-Application-Id': { 'Vendor-Id': 10415, 'Auth-Application-Id': 16777251 },
      },
      { hopByHopId: 7, endToEndId: 9 },
    );
    const decoded = decodeMessage(encodeMessage(cer), dict);
    expect(decoded.isRequest).toBe(true);
    expect(decoded.commandCode).toBe(257);
    expect(decoded.get('Origin-Host')).toBe('gw.example.net');
    expect(decoded.getAll('Host-IP-Address')).toEqual(['192.0.2.1', '2001:db8::7']);
    expect(decoded.getAll('Auth-Application-Id')).toEqual([4, 16777238]);
    expect(decoded.get('Vendor-Specific-Application-Id.Auth-Application-Id')).toBe(16777251);
    expect(decoded.avp('Product-Name')!.flags).toBe(0); // M-bit MUST NOT (RFC 6733 §5.3.7)
    expect(decoded.avp('Origin-Host')!.flags).toBe(AvpFlag.MANDATORY);
  });
});
