import { describe, expect, it } from 'vitest';
import { Avp } from '../src/codec/avp.js';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import { AvpFlag } from '../src/codec/flags.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import { realisticMessages } from '../bench/realistic-messages.js';
import { sampleMessage } from './support/sample-messages.js';

/** Where other Diameter codecs lose information (see the codec speed issue): each case on a message built for it. */
const dict = defaultDictionary();
const same = (bytes: Buffer) => encodeMessage(decodeMessage(bytes, dict)).equals(bytes);

describe('codec correctness', () => {
  it('decodes and re-encodes every realistic message to the same bytes', () => {
    for (const { name, message } of realisticMessages(dict)) {
      const bytes = encodeMessage(message);
      expect(same(bytes), name).toBe(true);
    }
  });

  it('decodes a request and an answer of every built-in command, Cx and Sh included, to the leaves', () => {
    for (const command of dict.allCommands()) {
      for (const request of [true, false]) {
        const bytes = encodeMessage(sampleMessage(dict, command, request));
        const decoded = decodeMessage(bytes, dict);
        const unparsed: string[] = [];
        const walk = (avps: Avp[]) => {
          for (const a of avps) {
            if (a.def === undefined) unparsed.push(`${command.short[request ? 0 : 1]}: ${a.code}`);
            if (a.def?.type === 'Grouped' && !Array.isArray(a.value))
              unparsed.push(`${a.name} left as bytes`);
            if (Array.isArray(a.value)) walk(a.value);
          }
        };
        walk(decoded.avps);
        expect(unparsed).toEqual([]);
        expect(encodeMessage(decoded).equals(bytes)).toBe(true);
      }
    }
  });

  it('reads 3GPP grouped AVPs to their leaves: Service-Information in an ACR, Service-Selection in APN-Configuration', () => {
    const acr = buildMessage(dict, 'ACR', {
      'Session-Id': 'pgw;1;rf',
      'Origin-Host': 'pgw.example',
      'Origin-Realm': 'example',
      'Destination-Realm': 'example',
      'Accounting-Record-Type': 'START_RECORD',
      'Accounting-Record-Number': 0,
      'Service-Information': {
        'PS-Information': { '3GPP-Charging-Id': Buffer.from([1, 2, 3, 4]), 'Called-Station-Id': 'internet' },
      },
    });
    const decoded = decodeMessage(encodeMessage(acr), dict);
    expect(decoded.get('Service-Information.PS-Information.Called-Station-Id')).toBe('internet');
    const ula = realisticMessages(dict).find((m) => m.name.startsWith('S6a ULA'))!;
    const ulaDecoded = decodeMessage(encodeMessage(ula.message), dict);
    expect(
      ulaDecoded.getAll('Subscription-Data.APN-Configuration-Profile.APN-Configuration.Service-Selection'),
    ).toEqual(['internet', 'ims']);
  });

  it('keeps an AVP the dictionary does not know as raw bytes with its flags and vendor', () => {
    const m = buildMessage(dict, 'DWR', { 'Origin-Host': 'a', 'Origin-Realm': 'b' });
    m.avps.push(
      new Avp(
        0xfeed,
        AvpFlag.VENDOR | AvpFlag.MANDATORY | AvpFlag.PROTECTED,
        28458,
        Buffer.from([0xde, 0xad, 0xbe]),
        undefined,
      ),
    );
    m.avps.push(new Avp(0xbeef, 0, 0, Buffer.alloc(0), undefined));
    const bytes = encodeMessage(m);
    const decoded = decodeMessage(bytes, dict);
    const unknown = decoded.avps[2];
    expect(unknown.def).toBeUndefined();
    expect(unknown.flags).toBe(0xe0);
    expect(unknown.vendorId).toBe(28458);
    expect(unknown.value).toEqual(Buffer.from([0xde, 0xad, 0xbe]));
    expect(encodeMessage(decoded).equals(bytes)).toBe(true);
  });

  it('keeps the flags of a received AVP as received, not as the dictionary would set them', () => {
    const m = buildMessage(dict, 'DWR', { 'Origin-Host': 'a', 'Origin-Realm': 'b', 'Origin-State-Id': 5 });
    m.avps[0].flags = 0; // M bit cleared although the rule is MUST
    m.avps[2].flags = AvpFlag.MANDATORY | AvpFlag.PROTECTED; // P bit set
    const bytes = encodeMessage(m);
    const decoded = decodeMessage(bytes, dict);
    expect(decoded.avps.map((a) => a.flags)).toEqual([
      0,
      AvpFlag.MANDATORY,
      AvpFlag.MANDATORY | AvpFlag.PROTECTED,
    ]);
    expect(encodeMessage(decoded).equals(bytes)).toBe(true);
  });

  it('round-trips enumerated values by number, known or not, and never confuses application ids', () => {
    const ccr = buildMessage(
      dict,
      'CCR',
      {
        'Session-Id': 's',
        'Origin-Host': 'a',
        'Origin-Realm': 'b',
        'Destination-Realm': 'c',
        'Auth-Application-Id': 16777238,
        'CC-Request-Type': 99, // not a defined value
        'CC-Request-Number': 0,
      },
      { applicationId: 16777238 },
    );
    const decoded = decodeMessage(encodeMessage(ccr), dict);
    expect(decoded.get('Auth-Application-Id')).toBe(16777238);
    expect(decoded.get('CC-Request-Type')).toBe(99);
    expect(same(encodeMessage(ccr))).toBe(true);
  });

  it('keeps binary OctetStrings as bytes (ULI, authentication vectors), never as text', () => {
    const aia = realisticMessages(dict).find((m) => m.name === 'S6a AIA')!;
    const decoded = decodeMessage(encodeMessage(aia.message), dict);
    const kasme = decoded.get<Buffer>('Authentication-Info.E-UTRAN-Vector.KASME')!;
    expect(Buffer.isBuffer(kasme)).toBe(true);
    expect(kasme).toEqual(Buffer.alloc(32, 0xc3));
    const ccr = realisticMessages(dict)[3];
    const uli = decodeMessage(encodeMessage(ccr.message), dict).get<Buffer>(
      'Service-Information.PS-Information.3GPP-User-Location-Info',
    )!;
    expect(uli.toString('hex')).toBe('8262f210000162f21000000101');
  });

  it('reads Unsigned64 and Integer64 as bigint over their whole range', () => {
    const m = buildMessage(dict, 'CCR', {
      'Session-Id': 's',
      'Origin-Host': 'a',
      'Origin-Realm': 'b',
      'Destination-Realm': 'c',
      'Auth-Application-Id': 4,
      'Service-Context-Id': 'x',
      'CC-Request-Type': 'TERMINATION_REQUEST',
      'CC-Request-Number': 1,
      'Multiple-Services-Credit-Control': {
        'Used-Service-Unit': { 'CC-Total-Octets': 2n ** 64n - 1n, 'CC-Input-Octets': 0n },
      },
      'Accounting-Sub-Session-Id': 2n ** 63n,
    });
    const decoded = decodeMessage(encodeMessage(m), dict);
    expect(decoded.get('Multiple-Services-Credit-Control.Used-Service-Unit.CC-Total-Octets')).toBe(
      2n ** 64n - 1n,
    );
    expect(decoded.get('Accounting-Sub-Session-Id')).toBe(2n ** 63n);
  });

  it('hands out buffers that stay intact across slab renewals, and encodes messages larger than a slab', () => {
    const kept: [number, Buffer][] = [];
    for (let i = 0; i < 5000; i++) {
      const m = buildMessage(dict, 'DWR', {
        'Origin-Host': 'h'.repeat(1 + (i % 700)),
        'Origin-Realm': 'r',
        'Origin-State-Id': i,
      });
      kept.push([i, encodeMessage(m)]);
    }
    const big = encodeMessage(
      buildMessage(dict, 'DWR', { 'Origin-Host': 'x'.repeat(200_000), 'Origin-Realm': 'r' }),
    );
    for (const [i, bytes] of kept) {
      const m = decodeMessage(bytes, dict);
      expect(m.get('Origin-State-Id')).toBe(i);
      expect(m.get<string>('Origin-Host')!.length).toBe(1 + (i % 700));
    }
    expect(Buffer.isBuffer(big)).toBe(true);
    expect(decodeMessage(big, dict).get<string>('Origin-Host')!.length).toBe(200_000);
  });
});
