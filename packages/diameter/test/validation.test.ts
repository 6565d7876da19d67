import { describe, expect, it } from 'vitest';
import { Avp } from '../src/codec/avp.js';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import { AvpFlag, CommandFlag } from '../src/codec/flags.js';
import type { Message } from '../src/codec/message.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import { createAnswer } from '../src/dictionary/answer.js';
import { createErrorAnswer, inspectMessage, validateMessage } from '../src/dictionary/validator.js';

const dict = defaultDictionary();
const identity = { originHost: 'gw.example.net', originRealm: 'example.net' };

function dwr(extra: Record<string, unknown> = {}): Message {
  return buildMessage(
    dict,
    'DWR',
    { 'Origin-Host': 'peer.example.org', 'Origin-Realm': 'example.org', ...extra } as never,
    {
      hopByHopId: 11,
      endToEndId: 22,
    },
  );
}

function str(): Message {
  return buildMessage(
    dict,
    'STR',
    {
      'Session-Id': 'peer;1',
      'Origin-Host': 'peer.example.org',
      'Origin-Realm': 'example.org',
      'Destination-Realm': 'example.net',
      'Auth-Application-Id': 4,
      'Termination-Cause': 1,
    },
    { hopByHopId: 5, endToEndId: 6 },
  );
}

describe('validation (RFC 6733 §7.1 Result-Codes)', () => {
  it('accepts a well-formed request', () => {
    expect(validateMessage(dwr(), dict)).toBeUndefined();
    expect(validateMessage(str(), dict)).toBeUndefined();
  });

  it('5005 MISSING_AVP with an example of the missing AVP in Failed-AVP', () => {
    const m = dwr();
    m.avps = m.avps.filter((a) => a.code !== 296);
    const p = validateMessage(m, dict)!;
    expect(p.resultCode).toBe(5005);
    expect(p.message).toMatch(/Origin-Realm is missing/);
    expect(p.failedAvp!.code).toBe(296);
  });

  it('5001 AVP_UNSUPPORTED for an unknown AVP with the M bit; an unknown AVP without it is ignored', () => {
    const m = dwr();
    m.avps.push(new Avp(99999, 0, 0, Buffer.from('x'), undefined));
    expect(validateMessage(m, dict)).toBeUndefined();
    m.avps.push(new Avp(99998, AvpFlag.MANDATORY, 0, Buffer.from('y'), undefined));
    const p = validateMessage(m, dict)!;
    expect(p.resultCode).toBe(5001);
    expect(p.failedAvp!.code).toBe(99998);
  });

  it('5009 AVP_OCCURS_TOO_MANY_TIMES', () => {
    const m = dwr();
    m.avps.push(m.avps[0]);
    const p = validateMessage(m, dict)!;
    expect(p.resultCode).toBe(5009);
    expect(p.failedAvp!.code).toBe(264);
  });

  it('5008 AVP_NOT_ALLOWED inside a closed Grouped layout, Failed-AVP holding its group', () => {
    const m = buildMessage(dict, 'CER', {
      'Origin-Host': 'a',
      'Origin-Realm': 'b',
      'Host-IP-Address': '127.0.0.1',
      'Vendor-Id': 0,
      'Product-Name': 'p',
      'Vendor-Specific-Application-Id': { 'Vendor-Id': 10415, 'Auth-Application-Id': 4, 'Origin-Host': 'x' },
    });
    const p = validateMessage(m, dict)!;
    expect(p.resultCode).toBe(5008);
    expect(p.failedAvp!.code).toBe(260);
    expect((p.failedAvp!.value as Avp[]).map((a) => a.code)).toEqual([264]);
  });

  it('5004 when a fixed-position AVP is out of place', () => {
    const m = str();
    m.avps.push(m.avps.shift()!);
    expect(validateMessage(m, dict)!.resultCode).toBe(5004);
  });

  it('3008 INVALID_HDR_BITS for a request with the E bit', () => {
    const m = dwr();
    m.flags |= CommandFlag.ERROR;
    expect(validateMessage(m, dict)!.resultCode).toBe(3008);
  });

  it('3009 INVALID_AVP_BITS for the M bit on an AVP whose rule is MUST NOT', () => {
    const m = buildMessage(dict, 'DPR', {
      'Origin-Host': 'a',
      'Origin-Realm': 'b',
      'Disconnect-Cause': 'REBOOTING',
    });
    m.avps.push(new Avp(281, AvpFlag.MANDATORY, 0, 'text', dict.avpByName('Error-Message')));
    expect(validateMessage(m, dict)!.resultCode).toBe(3009);
  });

  it('3001 COMMAND_UNSUPPORTED and 3007 APPLICATION_UNSUPPORTED', () => {
    const m = dwr();
    m.commandCode = 9999;
    expect(validateMessage(m, dict)!.resultCode).toBe(3001);
    m.applicationId = 123456;
    expect(validateMessage(m, dict)!.resultCode).toBe(3007);
  });

  describe('from bytes that do not decode', () => {
    it('5014 INVALID_AVP_LENGTH for an Unsigned32 of 5 bytes, the AVP as received in Failed-AVP', () => {
      const bytes = encodeMessage(dwr({ 'Origin-State-Id': 1 }));
      // Origin-State-Id is last: grow its length field by one (the padding byte becomes data).
      const at = bytes.length - 12;
      expect(bytes.readUInt32BE(at)).toBe(278);
      bytes[at + 7] = 13;
      const { problem } = inspectMessage(bytes, dict);
      expect(problem!.resultCode).toBe(5014);
      expect(problem!.failedAvp!.code).toBe(278);
    });

    it('5014 for an AVP whose length runs past the message', () => {
      const bytes = encodeMessage(dwr());
      bytes.writeUIntBE(200, 25, 3);
      expect(inspectMessage(bytes, dict).problem!.resultCode).toBe(5014);
    });

    it('5004 INVALID_AVP_VALUE for invalid UTF-8 (not silently replaced)', () => {
      const bytes = encodeMessage(dwr({ 'Origin-Host': 'ab' }));
      const at = 20 + 8; // data of the first AVP (Origin-Host)
      bytes[at] = 0xc3;
      bytes[at + 1] = 0x28;
      const { problem } = inspectMessage(bytes, dict);
      expect(problem!.resultCode).toBe(5004);
      expect(problem!.message).toMatch(/not valid UTF-8/);
    });

    it('5015 INVALID_MESSAGE_LENGTH when the header length disagrees with the bytes', () => {
      const bytes = encodeMessage(dwr());
      const longer = Buffer.concat([bytes, Buffer.alloc(4)]);
      expect(inspectMessage(longer, dict).problem!.resultCode).toBe(5015);
    });
  });
});

describe('answers', () => {
  it('createAnswer keeps the ids, copies Session-Id first and Proxy-Info, sets our identity', () => {
    const request = str();
    request.avps.push(
      ...buildMessage(dict, 'STR', { 'Proxy-Info': { 'Proxy-Host': 'p.example', 'Proxy-State': 'st' } }).avps,
    );
    const answer = createAnswer(request, identity);
    expect(answer.isRequest).toBe(false);
    expect(answer.isProxiable).toBe(true);
    expect(answer.hopByHopId).toBe(5);
    expect(answer.endToEndId).toBe(6);
    expect(answer.avps[0].code).toBe(263);
    expect(answer.get('Result-Code')).toBe(2001);
    expect(answer.get('Origin-Host')).toBe('gw.example.net');
    expect(answer.get('Proxy-Info.Proxy-Host')).toBe('p.example');
    expect(validateMessage(decodeMessage(encodeMessage(answer), dict), dict)).toBeUndefined();
  });

  it('createErrorAnswer works from undecodable bytes: E bit, Result-Code, Error-Message, Failed-AVP, same ids', () => {
    const bytes = encodeMessage(str());
    bytes[bytes.length - 4 - 8 + 7] = 13; // Termination-Cause length 13: 5014
    const { problem } = inspectMessage(bytes, dict);
    const answer = decodeMessage(encodeMessage(createErrorAnswer(bytes, problem!, identity, dict)), dict);
    expect(answer.isError).toBe(false); // 5xxx are not protocol errors: no E bit
    expect(answer.get('Result-Code')).toBe(5014);
    expect(answer.get('Session-Id')).toBe('peer;1');
    expect(answer.hopByHopId).toBe(5);
    expect(answer.get('Error-Message')).toMatch(/AVP 295/);
    expect((answer.get('Failed-AVP') as Avp[])[0].code).toBe(295);

    const m = str();
    m.commandCode = 9999;
    const unsupported = createErrorAnswer(m, validateMessage(m, dict)!, identity, dict);
    expect(unsupported.isError).toBe(true);
    expect(unsupported.get('Result-Code')).toBe(3001);
  });
});

describe('Failed-AVP', () => {
  it('is read leniently: an offending AVP inside it that does not decode stays raw bytes', () => {
    const bytes = encodeMessage(dwr({ 'Origin-Host': 'ab' }));
    bytes[28] = 0xc3; // invalid UTF-8 in Origin-Host
    bytes[29] = 0x28;
    const { problem } = inspectMessage(bytes, dict);
    expect(problem!.resultCode).toBe(5004);
    const answerBytes = encodeMessage(createErrorAnswer(bytes, problem!, identity, dict));
    const answer = decodeMessage(answerBytes, dict);
    const inner = (answer.get('Failed-AVP') as Avp[])[0];
    expect(inner.code).toBe(264);
    expect(inner.value).toEqual(Buffer.from([0xc3, 0x28]));
    expect(encodeMessage(answer).equals(answerBytes)).toBe(true);
  });
});
