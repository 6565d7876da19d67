import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Avp } from '../src/codec/avp.js';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import { AvpFlag } from '../src/codec/flags.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { messageFromJson, messageToJson } from '../src/dictionary/json-form.js';
import { sampleMessage } from './support/sample-messages.js';

const dict = defaultDictionary();
const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'node_modules/.bin/diameter');

describe('JSON form', () => {
  it('message → JSON → message gives identical bytes for every built-in command', () => {
    for (const command of dict.allCommands()) {
      for (const request of [true, false]) {
        const bytes = encodeMessage(sampleMessage(dict, command, request));
        const json = JSON.parse(JSON.stringify(messageToJson(decodeMessage(bytes, dict), dict)));
        expect(encodeMessage(messageFromJson(json, dict)).equals(bytes)).toBe(true);
      }
    }
  });

  it('names, types, vendors and enum names appear; unknown AVPs and odd flags survive', () => {
    const m = sampleMessage(dict, dict.commandByName('DPR')!, true);
    m.avps.push(new Avp(4242, AvpFlag.VENDOR | 0x01, 9999, Buffer.from([0, 1, 2]), undefined));
    const json = messageToJson(decodeMessage(encodeMessage(m), dict), dict);
    expect(json.command).toBe('DPR');
    expect(json.avps.find((a) => a.name === 'Disconnect-Cause')).toMatchObject({
      type: 'Enumerated',
      value: 0,
      enum: 'REBOOTING',
    });
    expect(json.avps.at(-1)).toMatchObject({
      code: 4242,
      vendorId: 9999,
      type: 'Unknown',
      value: '000102',
      flags: '0x81',
    });
    expect(encodeMessage(messageFromJson(json, dict)).equals(encodeMessage(m))).toBe(true);
  });
});

describe.skipIf(!existsSync(join(root, 'packages/diameter/dist/src/cli/diameter.js')))('diameter CLI', () => {
  const cli = (args: string[], input?: string | Buffer) =>
    spawnSync(bin, args, { input, encoding: Buffer.isBuffer(input) ? undefined : 'utf8' });
  const hex = encodeMessage(sampleMessage(dict, dict.commandByName('CER')!, true)).toString('hex');

  it('decode prints the JSON form; encode turns it back into the same hex', () => {
    const spaced = hex.replace(/(.{8})/g, '$1 ');
    const decoded = cli(['decode', spaced]);
    expect(decoded.status).toBe(0);
    const json = JSON.parse(decoded.stdout as string);
    expect(json.command).toBe('CER');
    const encoded = cli(['encode'], decoded.stdout as string);
    expect(encoded.status).toBe(0);
    expect((encoded.stdout as string).trim()).toBe(hex);
  });

  it('decode reads hex from stdin, raw bytes with --raw, and prints a text view with --text', () => {
    expect(JSON.parse(cli(['decode'], hex).stdout as string).commandCode).toBe(257);
    const raw = spawnSync(bin, ['decode', '--raw', '--text'], {
      input: Buffer.from(hex, 'hex'),
      encoding: 'utf8',
    });
    expect(raw.status).toBe(0);
    expect(raw.stdout).toMatch(/Command Code: 257 Capabilities-Exchange-Request \(CER\)/);
    expect(raw.stdout).toMatch(/AVP: Origin-Host\(264\) f=M DiameterIdentity val=host\.example\.net/);
  });

  it('bad input says what and where, and exits non-zero', () => {
    const notHex = cli(['decode', '01zz']);
    expect(notHex.status).not.toBe(0);
    expect(notHex.stderr).toMatch(/not hex/);
    const bad = Buffer.from(hex, 'hex');
    bad.writeUIntBE(0xfff, 20 + 5, 3);
    const overrun = cli(['decode', bad.toString('hex')]);
    expect(overrun.status).toBe(1);
    expect(overrun.stderr).toMatch(/byte offset 20, AVP code 264, Result-Code 5014/);
    const truncated = cli(['decode', hex.slice(0, 40)]);
    expect(truncated.stderr).toMatch(/truncated/);
    const badJson = cli(['encode'], '{"avps": [{"name": "No-Such-AVP", "value": 1}]}');
    expect(badJson.status).toBe(1);
    expect(badJson.stderr).toMatch(/unknown AVP No-Such-AVP/);
  });

  it('dict lists applications, commands and AVPs', () => {
    expect(cli(['dict', 'apps']).stdout).toMatch(/^0\tauth\tDiameter Common Messages/m);
    expect(cli(['dict', 'commands']).stdout).toMatch(/^280\tDWR\/DWA\tDevice-Watchdog/m);
    expect(cli(['dict', 'avps', '--find', 'session-id']).stdout).toMatch(/^263\t0\tUTF8String\tSession-Id$/m);
  });
});
