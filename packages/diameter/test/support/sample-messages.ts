import type { Avp } from '../../src/codec/avp.js';
import type { Message } from '../../src/codec/message.js';
import type { AvpDef, CommandDef, Dictionary, ResolvedLayout } from '../../src/dictionary/dictionary.js';
import { buildAvp, buildMessage, type NaturalValue } from '../../src/dictionary/message-builder.js';

/**
 * A well-formed request or answer of any dictionary command, generated from its ABNF: every required AVP, and
 * (with `optional`) one of every optional AVP, Grouped AVPs filled the same way down to `depth`.
 */
export function sampleMessage(
  dictionary: Dictionary,
  command: CommandDef,
  request: boolean,
  optional = true,
): Message {
  const avps = fill(dictionary, command.layout(request), optional, 0);
  return buildMessage(
    dictionary,
    command,
    avps.map((a) => [a.name, a] as [string, NaturalValue]),
    {
      request,
      hopByHopId: 0x1234_5678,
      endToEndId: 0x0abc_def0,
    },
  );
}

const MAX_DEPTH = 6;

function fill(dictionary: Dictionary, layout: ResolvedLayout, optional: boolean, depth: number): Avp[] {
  const out: Avp[] = [];
  for (const rule of layout.rules) {
    const count = rule.min > 0 ? rule.min : optional && depth < MAX_DEPTH ? 1 : 0;
    for (let i = 0; i < Math.min(count, 2); i++) {
      const value = sampleValue(dictionary, rule.def, optional, depth);
      if (value !== undefined) out.push(buildAvp(dictionary, rule.def, value));
    }
  }
  return out;
}

function sampleValue(
  dictionary: Dictionary,
  def: AvpDef,
  optional: boolean,
  depth: number,
): NaturalValue | undefined {
  switch (def.type) {
    case 'Grouped': {
      const layout = dictionary.groupedLayout(def);
      const inner = layout === undefined ? [] : fill(dictionary, layout, optional && depth < 3, depth + 1);
      // An open layout with no named members (Failed-AVP: 1*{ AVP }) still gets one AVP: never an empty group.
      if (inner.length === 0)
        inner.push(buildAvp(dictionary, dictionary.avpByName('Origin-Host')!, 'host.example.net'));
      return inner;
    }
    case 'Enumerated':
      return def.values && def.values.size > 0 ? [...def.values.values()][0] : 0;
    case 'Integer32':
      return -7;
    case 'Unsigned32':
      return def.name.endsWith('Result-Code') ? 2001 : 42;
    case 'Integer64':
      return -(2n ** 40n);
    case 'Unsigned64':
      return 2n ** 40n + 5n;
    case 'Float32':
      return 1.5;
    case 'Float64':
      return 2.25;
    case 'Time':
      return new Date('2026-11-26T08:00:00Z');
    case 'Address':
      return '192.0.2.10';
    case 'DiameterIdentity':
      return 'host.example.net';
    case 'DiameterURI':
      return 'aaa://host.example.net:3868;transport=tcp';
    case 'IPFilterRule':
      return 'permit out ip from 192.0.2.0/24 to any';
    case 'QoSFilterRule':
      return 'permit out ip from any to any';
    case 'UTF8String':
      if (def.name === 'Session-Id') return 'host.example.net;1;2;oracle';
      if (def.name === 'RAI') return '262010001ff'; // MCC MNC LAC RAC in hex digits (TS 29.061)
      return `${def.name.toLowerCase()}-value`;
    case 'OctetString':
      return (
        FORMATTED_OCTETS[def.name] ?? formattedByName(def.name) ?? Buffer.from([0x01, 0x23, 0x45, 0x67, 0x89])
      );
  }
}

/**
 * OctetStrings whose specification gives them an inner format that Wireshark's 3GPP dissectors check: the
 * samples must be well-formed, or tshark (rightly) calls the packet malformed.
 */
const FORMATTED_OCTETS: Record<string, Buffer> = {
  // RFC 3162: reserved, prefix length, prefix.
  'Framed-IPv6-Prefix': Buffer.from([0, 64, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1]),
  // TS 29.061 §16.4.7.2: geographic location type 130 (TAI + ECGI).
  '3GPP-User-Location-Info': Buffer.from('8262f210000162f21000000101', 'hex'),
  // RFC 4006 §8.50: IMEISV, 8 octets BCD.
  'User-Equipment-Info-Value': Buffer.from('5343650011325410', 'hex'),
  '3GPP-SGSN-IPv6-Address': Buffer.from('20010db8000000000000000000000001', 'hex'),
  '3GPP-GGSN-IPv6-Address': Buffer.from('20010db8000000000000000000000002', 'hex'),
};

function formattedByName(name: string): Buffer | undefined {
  if (name.includes('PLMN-Id')) return Buffer.from([0x62, 0xf2, 0x10]); // MCC 262, MNC 01 (TS 29.272 §7.3.9)
  if (/(IP-Address|IP-Host|IP-Netmask|SGSN-Address|GGSN-Address|CG-Address)$/.test(name))
    return Buffer.from([192, 0, 2, 10]);
  return undefined;
}
