import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import * as view from '../src/codec/header-view.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';

const dict = defaultDictionary();
const str = buildMessage(
  dict,
  'STR',
  {
    'Session-Id': 'gw.example.net;1;42',
    'Origin-Host': 'app1.example.net',
    'Origin-Realm': 'example.net',
    'Destination-Realm': 'example.org',
    'Destination-Host': 'hss.example.org',
    'Auth-Application-Id': 16777251,
    'Termination-Cause': 'DIAMETER_LOGOUT',
    'Route-Record': ['r1.example.net', 'r2.example.net'],
  },
  { hopByHopId: 0x01020304, endToEndId: 0xa0b0c0d0 },
);

describe('header view', () => {
  it('reads the header fields from the bytes', () => {
    const buf = encodeMessage(str);
    expect(view.messageLength(buf)).toBe(buf.length);
    expect(view.isRequest(buf)).toBe(true);
    expect(view.commandCode(buf)).toBe(275);
    expect(view.applicationId(buf)).toBe(0);
    expect(view.hopByHopId(buf)).toBe(0x01020304);
    expect(view.endToEndId(buf)).toBe(0xa0b0c0d0);
    expect(view.commandFlags(buf)).toBe(0xc0);
  });

  it('rewrites Hop-by-Hop, End-to-End and flags in place and changes nothing else', () => {
    const buf = encodeMessage(str);
    const before = Buffer.from(buf);
    view.setHopByHopId(buf, 0xfffffffe);
    view.setEndToEndId(buf, 7);
    view.setCommandFlags(buf, view.commandFlags(buf) | 0x10);
    expect(view.hopByHopId(buf)).toBe(0xfffffffe);
    expect(view.endToEndId(buf)).toBe(7);
    const decoded = decodeMessage(buf, dict);
    expect(decoded.isRetransmit).toBe(true);
    expect(buf.subarray(20).equals(before.subarray(20))).toBe(true);
  });

  it('finds routing AVPs and reads their values', () => {
    const buf = encodeMessage(str);
    expect(view.findAvpString(buf, view.RoutingAvp.SESSION_ID)).toBe('gw.example.net;1;42');
    expect(view.findAvpString(buf, view.RoutingAvp.DESTINATION_HOST)).toBe('hss.example.org');
    expect(view.findAvpString(buf, view.RoutingAvp.DESTINATION_REALM)).toBe('example.org');
    expect(view.findAvpString(buf, view.RoutingAvp.ORIGIN_HOST)).toBe('app1.example.net');
    expect(view.findAvp(buf, 999999)).toBe(-1);
    const at = view.findAvp(buf, view.RoutingAvp.DESTINATION_HOST);
    expect(view.avpEqualsAscii(buf, at, 'hss.example.org')).toBe(true);
    expect(view.avpEqualsAscii(buf, at, 'hss.example.orh')).toBe(false);
    // Repeated AVPs: iterate with `from`.
    const records: string[] = [];
    for (
      let o = view.findAvp(buf, view.RoutingAvp.ROUTE_RECORD);
      o >= 0;
      o = view.findAvp(buf, view.RoutingAvp.ROUTE_RECORD, 0, view.nextAvpOffset(buf, o))
    ) {
      records.push(view.avpString(buf, o)!);
    }
    expect(records).toEqual(['r1.example.net', 'r2.example.net']);
  });

  it('stops at a malformed AVP instead of reading past the end', () => {
    const buf = encodeMessage(str);
    buf.writeUIntBE(0xfffff0, 25, 3); // first AVP claims to be huge
    expect(view.findAvp(buf, view.RoutingAvp.DESTINATION_HOST)).toBe(-1);
  });
});

describe('relayCheck', () => {
  it('tells ok, a loop through our identity, and AVP lengths that do not tile the message, in one walk', () => {
    const buf = encodeMessage(str);
    expect(view.relayCheck(buf, 'gw.example.net')).toBe('ok');
    expect(view.relayCheck(buf, 'r2.example.net')).toBe('loop');
    const bad = Buffer.from(buf);
    bad.writeUIntBE(0xffff, 20 + 5, 3);
    expect(view.relayCheck(bad, 'gw.example.net')).toBe('bad-avp-length');
    const short = Buffer.from(buf);
    short.writeUIntBE(4, 20 + 5, 3);
    expect(view.relayCheck(short, 'gw.example.net')).toBe('bad-avp-length');
  });
});
