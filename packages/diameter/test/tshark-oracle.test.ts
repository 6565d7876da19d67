import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Avp } from '../src/codec/avp.js';
import { encodeMessage } from '../src/codec/encoder.js';
import type { Message } from '../src/codec/message.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import type { AvpDef } from '../src/dictionary/dictionary.js';
import { writePcap } from './support/pcap.js';
import { sampleMessage } from './support/sample-messages.js';

/**
 * Wireshark's dissector is the judge of our bytes: one request and one answer of every built-in command go into a
 * pcap; tshark must find no malformed packet and no expert warning, and the AVPs it prints (code, length, flags and
 * value, at every nesting level) must be the ones we encoded.
 */
const hasTshark = (() => {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * AVPs of our dictionaries that Wireshark 4.0's lacks (newer releases of the specifications); tshark shows them
 * as "Unknown" with an expert warning, which is expected.
 */
const NOT_IN_WIRESHARK = new Set([549, 720, 721, 722, 1729, 1730, 2322, 2701]);

/** Where Wireshark's dictionary gives another type than the specification, and why we follow the specification. */
const WIRESHARK_TYPE_DIFFERS: Record<string, string> = {
  'Framed-IPX-Network':
    'RFC 7155 and RADIUS (RFC 2865 §5.23) make it a 4-octet number; Wireshark reads a UTF8String',
};

interface SeenAvp {
  depth: number;
  name: string;
  code: number;
  length: number;
  flags: string;
  value: string | undefined;
}

function parseTsharkAvps(text: string): SeenAvp[][] {
  const frames: SeenAvp[][] = [];
  let current: SeenAvp[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('Frame ')) {
      current = [];
      frames.push(current);
      continue;
    }
    const m = /^(\s*)AVP: (.+?)\((\d+)\) l=(\d+) f=(\S+)(?: vnd=\S+)?(?: val=(.*))?$/.exec(line);
    if (m && current) {
      current.push({
        depth: m[1].length,
        name: m[2],
        code: Number(m[3]),
        length: Number(m[4]),
        flags: m[5],
        value: m[6],
      });
    }
  }
  return frames;
}

const emptyMessage = { version: 1, flags: 0, commandCode: 0, applicationId: 0, hopByHopId: 0, endToEndId: 0 };

/** Our AVPs in tshark's order (depth first) with the AVP Length each carries on the wire. */
function flatten(avps: Avp[], depth: number, out: { depth: number; avp: Avp; length: number }[]): void {
  for (const avp of avps) {
    const bytes = encodeMessage({ ...emptyMessage, avps: [avp] } as Message);
    out.push({ depth, avp, length: bytes.readUIntBE(25, 3) });
    if (Array.isArray(avp.value)) flatten(avp.value, depth + 1, out);
  }
}

function valueMatches(avp: Avp, seen: string): boolean | 'unchecked' {
  const def = avp.def as AvpDef | undefined;
  const v = avp.value;
  switch (def?.type) {
    case 'Integer32':
    case 'Unsigned32':
    case 'Enumerated':
    case 'Integer64':
    case 'Unsigned64':
      return seen === String(v) || seen.endsWith(`(${String(v)})`) || seen.startsWith(`${String(v)} `);
    case 'UTF8String':
    case 'DiameterIdentity':
    case 'DiameterURI':
    case 'IPFilterRule':
    case 'QoSFilterRule':
      return seen === v || 'unchecked';
    case 'Address':
      return seen === v;
    case 'Float32':
    case 'Float64':
      return Number(seen) === v;
    case 'Time':
      return seen.includes('08:00:00') && seen.includes('2026');
    default:
      // OctetStrings: tshark prints hex unless a 3GPP dissector formats them.
      return seen === (v as Buffer).toString('hex') || 'unchecked';
  }
}

describe.skipIf(!hasTshark)('tshark oracle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'diameter-oracle-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dictionary = defaultDictionary();
  const messages: Message[] = [];
  let h2h = 1;
  for (const command of dictionary.allCommands()) {
    for (const request of [true, false]) {
      const m = sampleMessage(dictionary, command, request);
      m.hopByHopId = m.endToEndId = request ? h2h : h2h++;
      messages.push(m);
    }
  }
  const pcap = join(dir, 'oracle.pcap');
  const encoded = messages.map((m) => ({ bytes: encodeMessage(m), fromServer: !m.isRequest }));

  it(`writes ${messages.length} messages that tshark dissects without malformed packets or expert warnings`, () => {
    writePcap(pcap, encoded);
    const text = execFileSync('tshark', ['-r', pcap, '-V'], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const frames = text.split('\n').filter((l) => l.startsWith('Frame '));
    expect(frames).toHaveLength(messages.length);
    const findings: string[] = [];
    let avpLine = '';
    for (const line of text.split('\n')) {
      if (/^\s*AVP: /.test(line)) avpLine = line.trim();
      const expert = /\[Expert Info \((Warning|Error)\/(\w+)\): (.*)\]/.exec(line);
      if (line.includes('[Malformed Packet')) findings.push(`malformed after ${avpLine}`);
      if (expert === null) continue;
      const unknown = /^Unknown AVP (\d+) \(vendor=/.exec(expert[3]);
      if (unknown !== null && NOT_IN_WIRESHARK.has(Number(unknown[1]))) continue;
      if (Object.keys(WIRESHARK_TYPE_DIFFERS).some((name) => avpLine.includes(`AVP: ${name}(`))) continue;
      findings.push(`${expert[1]}: ${expert[3]} at ${avpLine}`);
    }
    expect(findings).toEqual([]);
  });

  it('sees the AVPs we encoded: code, length, flags and value, at every depth', () => {
    writePcap(pcap, encoded);
    const text = execFileSync('tshark', ['-r', pcap, '-V'], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const frames = parseTsharkAvps(text);
    expect(frames).toHaveLength(messages.length);
    const mismatches: string[] = [];
    let checked = 0;
    let unchecked = 0;
    frames.forEach((seenAvps, i) => {
      const ours: { depth: number; avp: Avp; length: number }[] = [];
      flatten(messages[i].avps, 0, ours);
      const label = `frame ${i + 1}`;
      let k = 0;
      for (let j = 0; j < ours.length; j++) {
        const { avp, length, depth } = ours[j];
        const seen = seenAvps[k++];
        const where = `${label} ${avp.name}(${avp.code})`;
        if (seen === undefined) {
          mismatches.push(`${where}: tshark shows no AVP here`);
          break;
        }
        const flags = `${avp.flags & 0x80 ? 'V' : '-'}${avp.flags & 0x40 ? 'M' : '-'}${avp.flags & 0x20 ? 'P' : '-'}`;
        if (seen.code !== avp.code) mismatches.push(`${where}: tshark code ${seen.code}`);
        if (seen.length !== length) mismatches.push(`${where}: tshark length ${seen.length}, ours ${length}`);
        if (seen.flags !== flags) mismatches.push(`${where}: tshark flags ${seen.flags}, ours ${flags}`);
        if (seen.name === 'Unknown') {
          // Wireshark lacks this AVP: it shows the data as hex (and no members of a group).
          if (!NOT_IN_WIRESHARK.has(avp.code)) mismatches.push(`${where}: Wireshark does not know it`);
          while (j + 1 < ours.length && ours[j + 1].depth > depth) j++;
          unchecked++;
          continue;
        }
        if (WIRESHARK_TYPE_DIFFERS[avp.name] !== undefined) {
          unchecked++;
          continue;
        }
        if (!Array.isArray(avp.value) && seen.value !== undefined) {
          const ok = valueMatches(avp, seen.value);
          if (ok === false)
            mismatches.push(`${where}: tshark value "${seen.value}", ours ${String(avp.value)}`);
          else if (ok === 'unchecked') unchecked++;
          else checked++;
        }
      }
      if (k !== seenAvps.length)
        mismatches.push(`${label}: tshark shows ${seenAvps.length} AVPs, we encoded ${k}`);
    });
    console.log(
      `tshark oracle: ${frames.length} messages, ${checked} AVP values equal, ${unchecked} formatted by tshark's own rules`,
    );
    expect(mismatches).toEqual([]);
  });
});

it.skipIf(existsSync('/usr/bin/tshark'))('tshark is installed (see .ci/run)', () => {
  expect.fail('tshark is missing: apt-get install -y tshark');
});
