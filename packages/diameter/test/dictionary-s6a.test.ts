import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AVP_TYPES } from '../src/codec/avp-type.js';
import { base, baseAccounting } from '../src/dictionary/applications/base.js';
import { s13 } from '../src/dictionary/applications/s13.js';
import { s6a } from '../src/dictionary/applications/s6a.js';
import { s6t } from '../src/dictionary/applications/s6t.js';
import { t6a } from '../src/dictionary/applications/t6a.js';
import type { ApplicationDefinition } from '../src/dictionary/definitions.js';
import { Dictionary } from '../src/dictionary/dictionary.js';

const APPS: readonly ApplicationDefinition[] = [s6a, s13, s6t, t6a];
const WIRESHARK = '/usr/share/wireshark/diameter';

/**
 * AVPs absent from Wireshark's dictionary (newer than it): their codes are taken from the specification / other
 * implementations, so they cannot be cross-checked here.
 */
const NOT_IN_WIRESHARK = new Set(['SF-ULR-Timestamp', 'SF-Provisional-Indication']);

interface WiresharkAvp {
  name: string;
  type: string;
}

/** Minimal parse of Wireshark's XML: `<avp name= code= vendor-id=>` and its `<type type-name=>` or `<grouped>`. */
function loadWireshark(): Map<string, WiresharkAvp[]> {
  const vendors = new Map<string, number>([['None', 0]]);
  const files = readdirSync(WIRESHARK).filter((f) => f.endsWith('.xml'));
  const texts = files.map((f) => readFileSync(join(WIRESHARK, f), 'utf8'));
  for (const text of texts) {
    for (const m of text.matchAll(/<vendor\s+vendor-id="([^"]+)"\s+code="(\d+)"/g))
      vendors.set(m[1]!, Number(m[2]));
  }
  const avps = new Map<string, WiresharkAvp[]>();
  for (const text of texts) {
    const parts = text.split(/<avp\s/).slice(1);
    for (const part of parts) {
      const head = part.slice(0, part.indexOf('>'));
      const name = /name="([^"]+)"/.exec(head)?.[1];
      const code = /code="(\d+)"/.exec(head)?.[1];
      if (name === undefined || code === undefined) continue;
      const vendorName = /vendor-id="([^"]+)"/.exec(head)?.[1];
      const vendor = vendorName === undefined ? 0 : vendors.get(vendorName);
      if (vendor === undefined) continue;
      const body = part.slice(0, part.search(/<\/avp>|$/));
      const type = /<type\s+type-name="([^"]+)"/.exec(body)?.[1] ?? (/<grouped/.test(body) ? 'Grouped' : '?');
      const key = `${code}:${vendor}`;
      const list = avps.get(key) ?? [];
      list.push({ name, type });
      avps.set(key, list);
    }
  }
  return avps;
}

/** Wireshark's pseudo-types mapped onto RFC 6733 types. */
function sameType(ours: string, theirs: string): boolean {
  if (ours === theirs) return true;
  const alias: Record<string, string[]> = {
    OctetStringOrUTF8: ['OctetString', 'UTF8String'],
    IPAddress: ['Address'],
    AppId: ['Unsigned32'],
    VendorId: ['Unsigned32'],
    Unsigned32: ['Enumerated'],
    Enumerated: ['Unsigned32'],
  };
  return alias[theirs]?.includes(ours) ?? false;
}

describe.each(APPS.map((app) => [app.name, app] as const))('%s dictionary', (_name, app) => {
  const dictionary = new Dictionary([base, baseAccounting, app]);

  it('declares its commands, and resolves every request and answer layout', () => {
    expect(app.commands.length).toBeGreaterThan(0);
    for (const c of app.commands) {
      const command = dictionary.command(c.code, app.id);
      expect(command?.name).toBe(c.name);
      expect(() => command!.layout(true)).not.toThrow();
      expect(() => command!.layout(false)).not.toThrow();
      // Session-Id first, as every one of these command formats says.
      expect(command!.layout(true).rules[0]?.def.name).toBe('Session-Id');
      expect(command!.layout(false).rules[0]?.def.name).toBe('Session-Id');
    }
  });

  it('resolves every Grouped AVP layout down to defined AVPs', () => {
    for (const d of app.avps) {
      if (d.type !== 'Grouped') {
        expect(d.grouped, d.name).toBeUndefined();
        continue;
      }
      expect(d.grouped, d.name).toBeDefined();
      const def = dictionary.avp(d.code, d.vendorId ?? 0)!;
      expect(() => dictionary.groupedLayout(def), d.name).not.toThrow();
    }
  });

  it('uses valid types, vendor ids and enumerated values', () => {
    for (const d of app.avps) {
      expect(AVP_TYPES, d.name).toContain(d.type);
      expect([0, 10415], d.name).toContain(d.vendorId ?? 0);
      if (d.values !== undefined) expect(d.type, d.name).toBe('Enumerated');
      expect(d.spec, d.name).toBeTruthy();
    }
  });
});

describe('S6a/S13/S6t/T6a definitions together', () => {
  const all = APPS.flatMap((app) => app.avps);

  it('never give one name two (code, vendor) pairs, nor one (code, vendor) two names or types', () => {
    const byName = new Map<string, string>();
    const byKey = new Map<string, string>();
    for (const d of [...base.avps, ...all]) {
      const key = `${d.code}:${d.vendorId ?? 0}`;
      const seen = byName.get(d.name);
      if (seen !== undefined) expect(key, d.name).toBe(seen);
      byName.set(d.name, key);
      const sig = `${d.name}/${d.type}`;
      const other = byKey.get(key);
      if (other !== undefined) expect(sig, key).toBe(other);
      byKey.set(key, sig);
    }
  });

  it('do not redefine base protocol AVPs', () => {
    const baseKeys = new Set(base.avps.map((d) => `${d.code}:${d.vendorId ?? 0}`));
    for (const d of all) expect(baseKeys.has(`${d.code}:${d.vendorId ?? 0}`), d.name).toBe(false);
  });

  it('keys the T6a and S6t commands sharing codes by application', () => {
    const dictionary = new Dictionary([base, baseAccounting, s6a, s13, s6t, t6a]);
    expect(dictionary.command(8388718, s6t.id)?.applicationId).toBe(s6t.id);
    expect(dictionary.command(8388718, t6a.id)?.applicationId).toBe(t6a.id);
    expect(dictionary.command(316, s6a.id)?.short).toEqual(['ULR', 'ULA']);
    expect(dictionary.command(324, s13.id)?.short).toEqual(['ECR', 'ECA']);
    for (const c of dictionary.allCommands()) {
      expect(() => c.layout(true)).not.toThrow();
      expect(() => c.layout(false)).not.toThrow();
    }
  });

  it.skipIf(!existsSync(join(WIRESHARK, 'dictionary.xml')))(
    'agree with Wireshark on codes and vendors',
    () => {
      const wireshark = loadWireshark();
      const unique = new Map(all.map((d) => [`${d.code}:${d.vendorId ?? 0}`, d]));
      const missing: string[] = [];
      const typeDiffs: string[] = [];
      const nameDiffs: string[] = [];
      for (const [key, d] of unique) {
        if (NOT_IN_WIRESHARK.has(d.name)) continue;
        const theirs = wireshark.get(key);
        if (theirs === undefined) {
          missing.push(`${d.name} (${key})`);
          continue;
        }
        if (!theirs.some((w) => w.name === d.name))
          nameDiffs.push(`${key}: ours ${d.name}, Wireshark ${theirs.map((w) => w.name).join('/')}`);
        if (!theirs.some((w) => sameType(d.type, w.type))) {
          typeDiffs.push(
            `${d.name} (${key}): ours ${d.type}, Wireshark ${theirs.map((w) => w.type).join('/')}`,
          );
        }
      }
      if (nameDiffs.length > 0) console.log(`name differences vs Wireshark:\n  ${nameDiffs.join('\n  ')}`);
      if (typeDiffs.length > 0) console.log(`type differences vs Wireshark:\n  ${typeDiffs.join('\n  ')}`);
      expect(missing).toEqual([]);
      expect(typeDiffs.length).toBeLessThanOrEqual(unique.size * 0.1);
    },
  );
});
