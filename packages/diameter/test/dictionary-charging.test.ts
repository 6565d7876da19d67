import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AVP_TYPES } from '../src/codec/avp-type.js';
import { base, baseAccounting } from '../src/dictionary/applications/base.js';
import { creditControl } from '../src/dictionary/applications/credit-control.js';
import { gyRo } from '../src/dictionary/applications/gy-ro.js';
import { nasreq } from '../src/dictionary/applications/nasreq.js';
import type { ApplicationDefinition, AvpDefinition } from '../src/dictionary/definitions.js';
import { Dictionary } from '../src/dictionary/dictionary.js';

const WIRESHARK = '/usr/share/wireshark/diameter';

/** Spec AVPs that Wireshark's dictionary does not (yet) carry; checked by hand against the spec tables. */
const ABSENT_FROM_WIRESHARK = new Set([
  '10415:2701', // Transit-IOI-List, TS 32.299 §7.2
  '10415:2322', // IMS-Emergency-Indicator, TS 32.299 §7.2
  '10415:549', // Media-Component-Status, TS 29.214 §5.3.48
]);

/** Each application with what it needs to resolve: gyRo's grammars name RFC 4006 AVPs. */
const cases: [string, ApplicationDefinition[]][] = [
  ['creditControl', [creditControl]],
  ['nasreq', [nasreq]],
  ['gyRo', [creditControl, gyRo]],
];
const mine = [creditControl, nasreq, gyRo];
const allAvps: AvpDefinition[] = mine.flatMap((a) => a.avps);
const key = (d: { code: number; vendorId?: number }): string => `${d.vendorId ?? 0}:${d.code}`;

describe.each(cases)('%s', (_name, apps) => {
  const app = apps[apps.length - 1]!;
  const dictionary = new Dictionary([base, baseAccounting, ...apps]);

  it('resolves every command layout', () => {
    for (const c of app.commands) {
      const command = dictionary.commandByName(c.short[0], app.id);
      expect(command, c.name).toBeDefined();
      expect(() => command!.layout(true)).not.toThrow();
      expect(() => command!.layout(false)).not.toThrow();
    }
  });

  it('resolves every Grouped AVP layout, and only Grouped AVPs have one', () => {
    for (const d of app.avps) {
      expect(d.type === 'Grouped', `${d.name} grouped/type mismatch`).toBe(d.grouped !== undefined);
      const def = dictionary.avp(d.code, d.vendorId ?? 0);
      expect(def, d.name).toBeDefined();
      if (d.grouped !== undefined) expect(() => dictionary.groupedLayout(def!), d.name).not.toThrow();
    }
  });

  it('uses valid types and values, and unique names and codes within the file', () => {
    const names = new Set<string>();
    const codes = new Set<string>();
    for (const d of app.avps) {
      expect(AVP_TYPES, d.name).toContain(d.type);
      if (d.values !== undefined) expect(d.type, d.name).toBe('Enumerated');
      expect(names.has(d.name), `duplicate ${d.name}`).toBe(false);
      expect(codes.has(key(d)), `duplicate code ${key(d)}`).toBe(false);
      names.add(d.name);
      codes.add(key(d));
      if (d.vendorId === undefined) expect(d.code, `${d.name}: IETF code`).toBeLessThan(1 << 24);
    }
  });

  it('does not redefine base protocol AVPs', () => {
    const baseKeys = new Set(base.avps.map(key));
    for (const d of app.avps) expect(baseKeys.has(key(d)), d.name).toBe(false);
  });
});

describe('across the charging files', () => {
  it('gives every shared (code, vendor) the same name and type, and every name one (code, vendor)', () => {
    const byKey = new Map<string, AvpDefinition>();
    const byName = new Map<string, string>();
    for (const d of allAvps) {
      const prev = byKey.get(key(d));
      if (prev !== undefined) {
        expect(d.name, key(d)).toBe(prev.name);
        expect(d.type, d.name).toBe(prev.type);
        expect(d.mandatory ?? 'must', d.name).toBe(prev.mandatory ?? 'must');
      } else byKey.set(key(d), d);
      const k = byName.get(d.name);
      if (k !== undefined) expect(key(d), d.name).toBe(k);
      else byName.set(d.name, key(d));
    }
    for (const d of base.avps) expect(byName.get(d.name) ?? key(d), d.name).toBe(key(d));
  });

  it('decodes a Gy CCR-Initial layout with MSCC and PS-Information through one dictionary', () => {
    const dictionary = new Dictionary([base, baseAccounting, creditControl, nasreq, gyRo]);
    const ccr = dictionary.commandByName('CCR', 4)!;
    expect(ccr.layout(true).rules[0]!.def.name).toBe('Session-Id');
    expect(ccr.layout(true).open).toBe(true);
    const si = dictionary.avpByName('Service-Information')!;
    expect(si.vendorId).toBe(10415);
    const ps = dictionary.groupedLayout(dictionary.avpByName('PS-Information')!)!;
    expect(ps.rules.map((r) => r.def.name)).toContain('3GPP-User-Location-Info');
    expect(dictionary.avpByName('3GPP-User-Location-Info')!.type).toBe('OctetString');
    expect(dictionary.avpByName('3GPP-RAT-Type')!.code).toBe(21);
    expect(dictionary.avpByName('3GPP-MS-TimeZone')!.code).toBe(23);
    expect(dictionary.avpByName('Called-Station-Id')!.vendorId).toBe(0);
    expect(dictionary.avpByName('CC-Request-Type')!.valueName(1)).toBe('INITIAL_REQUEST');
    const aar = dictionary.commandByName('AAR', 1)!;
    expect(aar.code).toBe(265);
    expect(() => aar.layout(false)).not.toThrow();
    // Rf: the base ACR is open, so Service-Information rides in its *[ AVP ].
    expect(dictionary.commandByName('ACR')!.layout(true).open).toBe(true);
  });
});

/** Minimal reader of Wireshark's dictionary XML: `<avp name code vendor-id>` and its `<type type-name>`. */
function readWireshark(): { avps: Map<string, { name: string; type: string }> } {
  const vendors = new Map<string, number>();
  const avps = new Map<string, { name: string; type: string }>();
  const files = readdirSync(WIRESHARK).filter((f) => f.endsWith('.xml'));
  const texts = files.map((f) => readFileSync(join(WIRESHARK, f), 'latin1'));
  const attr = (tag: string, name: string): string | undefined =>
    new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  for (const text of texts) {
    for (const m of text.matchAll(/<vendor\b[^>]*>/g)) {
      const id = attr(m[0], 'vendor-id');
      const code = attr(m[0], 'code');
      if (id !== undefined && code !== undefined) vendors.set(id, Number(code));
    }
  }
  const typeMap: Record<string, string> = {
    IPAddress: 'Address',
    AppId: 'Unsigned32',
    VendorId: 'Unsigned32',
    MIPRegistrationRequest: 'OctetString',
  };
  for (const text of texts) {
    for (const m of text.matchAll(/<avp\b([^>]*)>([\s\S]*?)<\/avp>/g)) {
      const tag = m[1]!;
      const body = m[2]!;
      const name = attr(tag, 'name');
      const code = attr(tag, 'code');
      if (name === undefined || code === undefined) continue;
      const vendorName = attr(tag, 'vendor-id');
      const vendor = vendorName === undefined ? 0 : (vendors.get(vendorName) ?? -1);
      const raw =
        /<type\s+type-name="([^"]*)"/.exec(body)?.[1] ?? (/<grouped\b/.test(body) ? 'Grouped' : '?');
      const k = `${vendor}:${Number(code)}`;
      if (!avps.has(k)) avps.set(k, { name, type: typeMap[raw] ?? raw });
    }
  }
  return { avps };
}

describe('against the Wireshark dictionary (oracle)', () => {
  it.skipIf(!existsSync(join(WIRESHARK, 'dictionary.xml')))(
    'knows every code we define, with few type differences',
    () => {
      const { avps } = readWireshark();
      const seen = new Set<string>();
      const missing: string[] = [];
      const typeDiffs: string[] = [];
      const nameDiffs: string[] = [];
      for (const d of allAvps) {
        if (seen.has(key(d))) continue;
        seen.add(key(d));
        const w = avps.get(key(d));
        if (w === undefined) {
          if (ABSENT_FROM_WIRESHARK.has(key(d))) continue;
          missing.push(`${d.name} (${key(d)})`);
          continue;
        }
        if (w.type !== d.type) typeDiffs.push(`${d.name} (${key(d)}): ours ${d.type}, Wireshark ${w.type}`);
        if (w.name.toLowerCase() !== d.name.toLowerCase())
          nameDiffs.push(`${key(d)}: ours ${d.name}, Wireshark ${w.name}`);
      }
      if (typeDiffs.length > 0)
        console.log(`type differences (${typeDiffs.length}):\n  ${typeDiffs.join('\n  ')}`);
      if (nameDiffs.length > 0)
        console.log(`name differences (${nameDiffs.length}):\n  ${nameDiffs.join('\n  ')}`);
      expect(missing, 'codes unknown to Wireshark').toEqual([]);
      expect(typeDiffs.length / seen.size).toBeLessThanOrEqual(0.1);
    },
  );
});
