import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtInApplications } from '../src/dictionary/applications/index.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import type { AvpDefinition } from '../src/dictionary/definitions.js';
import { Dictionary } from '../src/dictionary/dictionary.js';
import { loadWiresharkDictionaryFile } from '../src/dictionary/wireshark-xml.js';

/**
 * The built-in dictionary as a whole: every layout resolves, definitions repeated across applications agree, and
 * every AVP is checked against Wireshark's installed dictionary (loaded with our own Wireshark XML loader), with
 * each difference either fixed or explained here.
 */
const dict = defaultDictionary();
const WIRESHARK = '/usr/share/wireshark/diameter/dictionary.xml';

/** Where we follow the specification and Wireshark 4.0 does not (or names the AVP differently). */
const EXPLAINED: Record<string, string> = {
  'Framed-IP-Address': 'RFC 7155 §4.4.10.5.1: OctetString (4 octets); Wireshark: Address',
  'Framed-IP-Netmask': 'RFC 7155: OctetString; Wireshark: Address',
  'Login-IP-Host': 'RFC 7155: OctetString; Wireshark: Address',
  'Framed-IPX-Network': 'RFC 7155 / RFC 2865 §5.23: a 4-octet number; Wireshark: UTF8String',
  '3GPP-CG-Address': 'TS 29.061: OctetString (RADIUS address octets); Wireshark: Address',
  '3GPP-SGSN-Address': 'TS 29.061: OctetString; Wireshark: Address',
  '3GPP-GGSN-Address': 'TS 29.061: OctetString; Wireshark: Address',
  '3GPP-NSAPI': 'TS 29.061: OctetString; Wireshark: UTF8String',
  '3GPP-Session-Stop-Indicator': 'TS 29.061: OctetString; Wireshark: UTF8String',
  'Change-Condition': 'TS 32.299: Integer32; Wireshark: Enumerated (same wire format)',
  Diagnostics: 'TS 32.299: Integer32; Wireshark: Enumerated (same wire format)',
  'Cause-Code': 'TS 32.299: Integer32; Wireshark: Enumerated (same wire format)',
  'From-Address': 'TS 32.299: UTF8String; Wireshark: Address',
  '3GPP2-BSID': '3GPP2 X.S0057: OctetString; Wireshark: UTF8String',
  'Codec-Data': 'TS 29.214 §5.3.7: OctetString; Wireshark: UTF8String',
  'Access-Network-Information': 'TS 32.299: OctetString; Wireshark: UTF8String',
};
/** Codes Wireshark 4.0's dictionary does not have (later releases of the specifications). */
const NOT_IN_WIRESHARK = new Set([
  '10415:549',
  '10415:720',
  '10415:721',
  '10415:722',
  '10415:1729',
  '10415:1730',
  '10415:2322',
  '10415:2701',
]);

/** Wireshark types 32-bit integers with value names as Enumerated: the same 4 bytes on the wire. */
function wireClass(type: string): string {
  if (type === 'Unsigned32' || type === 'Integer32' || type === 'Enumerated') return 'int32';
  return type;
}

describe('built-in dictionary', () => {
  it('resolves every command and Grouped layout', () => {
    for (const command of dict.allCommands()) {
      expect(() => command.layout(true), command.name).not.toThrow();
      expect(() => command.layout(false), command.name).not.toThrow();
    }
    for (const avp of dict.allAvps())
      if (avp.type === 'Grouped') expect(() => dict.groupedLayout(avp), avp.name).not.toThrow();
  });

  it('gives the same name and type wherever an AVP is defined twice', () => {
    const seen = new Map<string, AvpDefinition & { app: string }>();
    const conflicts: string[] = [];
    for (const app of builtInApplications) {
      for (const d of app.avps) {
        const key = `${d.vendorId ?? 0}:${d.code}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, { ...d, app: app.name });
        else if (first.name !== d.name || first.type !== d.type) {
          conflicts.push(
            `${key}: ${first.name}/${first.type} (${first.app}) vs ${d.name}/${d.type} (${app.name})`,
          );
        }
      }
    }
    expect(conflicts).toEqual([]);
  });

  it('defines each AVP once: applications sharing an AVP share its definition', () => {
    const seen = new Map<string, { def: AvpDefinition; app: string }>();
    const copies: string[] = [];
    for (const app of builtInApplications) {
      const own = new Set<string>();
      for (const d of app.avps) {
        const key = `${d.vendorId ?? 0}:${d.code}`;
        if (own.has(key)) copies.push(`${key} ${d.name} twice in ${app.name}`);
        own.add(key);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, { def: d, app: app.name });
        else if (first.def !== d)
          copies.push(`${key} ${d.name}: ${first.app} and ${app.name} define it apart`);
      }
    }
    expect(copies).toEqual([]);
  });

  it('lets each application stand alone with the base protocol', () => {
    const [base, baseAccounting] = builtInApplications;
    for (const app of builtInApplications.slice(3)) {
      const alone = new Dictionary([base!, baseAccounting!, app]);
      for (const command of alone.allCommands()) {
        expect(() => command.layout(true), `${app.name} ${command.name}`).not.toThrow();
        expect(() => command.layout(false), `${app.name} ${command.name}`).not.toThrow();
      }
      for (const avp of alone.allAvps())
        if (avp.type === 'Grouped')
          expect(() => alone.groupedLayout(avp), `${app.name} ${avp.name}`).not.toThrow();
    }
  });

  it('names each application the issue lists', () => {
    const ids = dict.applications().map((a) => a.id);
    // base, accounting, NASREQ, CC/Gy, S6a, S13, S6t, T6a, Gx, Rx, Cx, Sh, SWx
    for (const id of [
      0, 3, 1, 4, 16777251, 16777252, 16777345, 16777346, 16777238, 16777236, 16777216, 16777217, 16777265,
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.skipIf(!existsSync(WIRESHARK))(
    "matches Wireshark's dictionary in code, vendor and type, differences explained",
    () => {
      const wireshark = new Map<string, { name: string; type: string }>();
      for (const app of loadWiresharkDictionaryFile(WIRESHARK)) {
        for (const a of app.avps) {
          const key = `${a.vendorId ?? 0}:${a.code}`;
          if (!wireshark.has(key)) wireshark.set(key, { name: a.name, type: a.type });
        }
      }
      expect(wireshark.size).toBeGreaterThan(2000);
      const unexplained: string[] = [];
      const renamed: string[] = [];
      let same = 0;
      let displayOnly = 0;
      for (const avp of dict.allAvps()) {
        const key = `${avp.vendorId}:${avp.code}`;
        const theirs = wireshark.get(key);
        if (theirs === undefined) {
          if (!NOT_IN_WIRESHARK.has(key)) unexplained.push(`${avp.name} (${key}) is not in Wireshark`);
          continue;
        }
        if (wireClass(theirs.type) !== wireClass(avp.type) && EXPLAINED[avp.name] === undefined) {
          unexplained.push(
            `${avp.name} (${key}): ours ${avp.type}, Wireshark ${theirs.type} (${theirs.name})`,
          );
        } else if (theirs.type !== avp.type) displayOnly++;
        if (theirs.name !== avp.name) renamed.push(`${key} ${avp.name} = Wireshark ${theirs.name}`);
        else same++;
      }
      console.log(
        `${dict.allAvps().length} built-in AVPs; ${displayOnly} typed alike on the wire but named otherwise (e.g. Unsigned32 vs Enumerated); ${same} named as in Wireshark; ${renamed.length} named differently:\n  ${renamed.join('\n  ')}`,
      );
      expect(unexplained).toEqual([]);
    },
  );
});
