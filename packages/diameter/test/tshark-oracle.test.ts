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
    const malformed = execFileSync('tshark', ['-r', pcap, '-Y', '_ws.malformed || _ws.expert.severity >= warning'], {
      encoding: 'utf8',
    });
    expect(malformed.trim()).toBe('');
    const frames = execFileSync('tshark', ['-r', pcap, '-Y', 'diameter', '-T', 'fields', '-e', 'frame.number'], {
      encoding: 'utf8',
    });
    expect(frames.trim().split('\n')).toHaveLength(messages.length);
  });

  it("sees the AVPs we encoded: code, length, flags and value, at every depth", () => {
    writePcap(pcap, encoded);
    const text = execFileSync('tshark', ['-r', pcap, '-V'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const frames = parseTsharkAvps(text);
    expect(frames).toHaveLength(messages.length);
    const mismatches: string[] = [];
    let checked = 0;
    let unchecked = 0;
    frames.forEach((seenAvps, i) => {
      const ours: { depth: number; avp: Avp; length: number }[] = [];
      flatten(messages[i].avps, 0, ours);
      const label = `frame ${i + 1}`;
      if (seenAvps.length !== ours.length) {
        mismatches.push(`${label}: tshark shows ${seenAvps.length} AVPs, we encoded ${ours.length}`);
        return;
      }
      const baseDepth = seenAvps[0]?.depth ?? 0;
      ours.forEach(({ avp, length }, k) => {
        const seen = seenAvps[k];
        const flags = `${avp.flags & 0x80 ? 'V' : '-'}${avp.flags & 0x40 ? 'M' : '-'}${avp.flags & 0x20 ? 'P' : '-'}`;
        const where = `${label} ${avp.name}(${avp.code})`;
        if (seen.code !== avp.code) mismatches.push(`${where}: tshark code ${seen.code}`);
        if (seen.length !== length) mismatches.push(`${where}: tshark length ${seen.length}, ours ${length}`);
        if (seen.flags !== flags) mismatches.push(`${where}: tshark flags ${seen.flags}, ours ${flags}`);
        if (seen.depth <= baseDepth !== (ours[k].depth === 0)) mismatches.push(`${where}: nesting differs`);
        if (!Array.isArray(avp.value) && seen.value !== undefined) {
          const ok = valueMatches(avp, seen.value);
          if (ok === false) mismatches.push(`${where}: tshark value "${seen.value}", ours ${String(avp.value)}`);
          else if (ok === 'unchecked') unchecked++;
          else checked++;
        }
      });
    });
    console.log(`tshark oracle: ${frames.length} messages, ${checked} AVP values equal, ${unchecked} formatted by tshark's own rules`);
    expect(mismatches).toEqual([]);
  });
});

it.skipIf(existsSync('/usr/bin/tshark'))('tshark is installed (see .ci/run)', () => {
  expect.fail('tshark is missing: apt-get install -y tshark');
});
