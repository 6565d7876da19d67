import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { AVP_TYPES } from '../src/codec/avp-type.js';
import { base, baseAccounting } from '../src/dictionary/applications/base.js';
import { cx } from '../src/dictionary/applications/cx.js';
import { gx } from '../src/dictionary/applications/gx.js';
import { rx } from '../src/dictionary/applications/rx.js';
import { sh } from '../src/dictionary/applications/sh.js';
import { swx } from '../src/dictionary/applications/swx.js';
import type { ApplicationDefinition, AvpDefinition } from '../src/dictionary/definitions.js';
import { Dictionary } from '../src/dictionary/dictionary.js';

const APPS: readonly ApplicationDefinition[] = [gx, rx, cx, sh, swx];
const WIRESHARK_DIR = '/usr/share/wireshark/diameter';
/**
 * AVPs that Wireshark's dictionary does not know yet: TS 29.329 Release 13 Call-Reference-Info and its members, and
 * TS 29.214 §5.3.48 Media-Component-Status, a member of the Flows AVP that Gx and Rx carry.
 */
const NEWER_THAN_WIRESHARK = new Set(['720/10415', '721/10415', '722/10415', '549/10415']);

interface WiresharkAvp {
  readonly name: string;
  readonly type: string | undefined;
}

/** Minimal parse of Wireshark's dictionary XML: `<vendor>` codes and `<avp name code vendor-id>` + `<type type-name>`. */
function loadWireshark(): Map<string, WiresharkAvp[]> {
  const files = readdirSync(WIRESHARK_DIR).filter((f) => f.endsWith('.xml'));
  const texts = files.map((f) => readFileSync(`${WIRESHARK_DIR}/${f}`, 'utf8'));
  const vendors = new Map<string, number>();
  for (const text of texts) {
    for (const m of text.matchAll(/<vendor\s+([^>]*)>/g)) {
      const id = /vendor-id="([^"]+)"/.exec(m[1] ?? '')?.[1];
      const code = /code="(\d+)"/.exec(m[1] ?? '')?.[1];
      if (id !== undefined && code !== undefined) vendors.set(id, Number(code));
    }
  }
  const avps = new Map<string, WiresharkAvp[]>();
  for (const text of texts) {
    for (const m of text.matchAll(
      /<avp\s+([^>]*?)\/?>([\s\S]*?)(?=<avp\s|<\/application>|<\/dictionary>|$)/g,
    )) {
      const attrs = m[1] ?? '';
      const name = /name="([^"]+)"/.exec(attrs)?.[1];
      const code = /code="(\d+)"/.exec(attrs)?.[1];
      if (name === undefined || code === undefined) continue;
      const vendorName = /vendor-id="([^"]+)"/.exec(attrs)?.[1];
      const vendor = vendorName === undefined ? 0 : (vendors.get(vendorName) ?? -1);
      const body = m[2] ?? '';
      const type =
        /<type\s+type-name="([^"]+)"/.exec(body)?.[1] ?? (/<grouped>/.test(body) ? 'Grouped' : undefined);
      const key = `${code}/${vendor}`;
      const list = avps.get(key) ?? [];
      list.push({ name, type });
      avps.set(key, list);
    }
  }
  return avps;
}

/** Wireshark's type names for the RFC 6733 formats it spells differently. */
function sameType(ours: string, theirs: string | undefined): boolean {
  if (theirs === undefined || theirs === ours) return true;
  const aliases: Record<string, readonly string[]> = {
    Address: ['IPAddress', 'IPv4Address', 'IPv6Address'],
    Time: ['Time'],
    OctetString: ['OctetString', 'OctetStringOrUTF8'],
    UTF8String: ['UTF8String'],
    Unsigned32: ['Unsigned32', 'AppId', 'VendorId'],
  };
  return aliases[ours]?.includes(theirs) ?? false;
}

for (const app of APPS) {
  describe(`3GPP dictionary: ${app.name} (${app.id})`, () => {
    const dictionary = new Dictionary([base, baseAccounting, app]);

    it('is a vendor-specific auth application', () => {
      expect(app.kind).toBe('auth');
      expect(app.vendorId).toBe(10415);
    });

    it('resolves every command layout', () => {
      expect(app.commands.length).toBeGreaterThan(0);
      for (const c of app.commands) {
        const command = dictionary.command(c.code, app.id);
        expect(command?.applicationId).toBe(app.id);
        expect(() => command?.layout(true)).not.toThrow();
        expect(() => command?.layout(false)).not.toThrow();
        const request = command!.layout(true);
        if (c.request.trimStart().startsWith('< Session-Id >')) expect(request.rules[0]?.fixed).toBe(true);
        expect(request.open).toBe(true);
      }
    });

    it('resolves every Grouped AVP down to the leaves', () => {
      for (const def of app.avps) {
        const compiled = dictionary.avp(def.code, def.vendorId ?? 0);
        expect(compiled, def.name).toBeDefined();
        if (def.type === 'Grouped') {
          expect(def.grouped, `${def.name} has an ABNF`).toBeDefined();
          expect(() => dictionary.groupedLayout(compiled!)).not.toThrow();
        } else {
          expect(def.grouped, `${def.name} is not Grouped`).toBeUndefined();
        }
      }
    });

    it('uses valid AVP types and Enumerated values', () => {
      for (const def of app.avps) {
        expect(AVP_TYPES, def.name).toContain(def.type);
        if (def.values !== undefined) expect(def.type, def.name).toBe('Enumerated');
        if (def.type === 'Enumerated') expect(def.values, def.name).toBeDefined();
      }
    });
  });
}

describe('3GPP dictionaries: consistency', () => {
  const all: (AvpDefinition & { app: string })[] = APPS.flatMap((a) =>
    a.avps.map((d) => ({ ...d, app: a.name })),
  );

  it('gives each name one (code, vendor) and each (code, vendor) one name and type', () => {
    const byName = new Map<string, string>();
    const byCode = new Map<string, string>();
    for (const d of all) {
      const key = `${d.code}/${d.vendorId ?? 0}`;
      const seenKey = byName.get(d.name);
      if (seenKey !== undefined) expect(key, `${d.name} in ${d.app}`).toBe(seenKey);
      byName.set(d.name, key);
      const sig = `${d.name}:${d.type}`;
      const seenSig = byCode.get(key);
      if (seenSig !== undefined) expect(sig, `AVP ${key} in ${d.app}`).toBe(seenSig);
      byCode.set(key, sig);
    }
  });

  it('loads all five applications into one dictionary', () => {
    const dictionary = new Dictionary([base, baseAccounting, ...APPS]);
    for (const app of APPS) {
      expect(dictionary.application(app.id)?.name).toBe(app.name);
      for (const c of app.commands) {
        const command = dictionary.command(c.code, app.id)!;
        expect(command.applicationId).toBe(app.id);
        command.layout(true);
        command.layout(false);
      }
    }
    // Gx's RAR is its own, not the base one.
    expect(dictionary.command(258, gx.id)?.applicationId).toBe(gx.id);
    expect(dictionary.command(303, swx.id)?.applicationId).toBe(swx.id);
  });

  it.skipIf(!existsSync(`${WIRESHARK_DIR}/dictionary.xml`))(
    'agrees with Wireshark on codes and mostly on types',
    () => {
      const wireshark = loadWireshark();
      const seen = new Set<string>();
      const missing: string[] = [];
      const typeDiffs: string[] = [];
      const nameDiffs: string[] = [];
      for (const d of all) {
        const key = `${d.code}/${d.vendorId ?? 0}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const theirs = wireshark.get(key);
        if (theirs === undefined) {
          if (NEWER_THAN_WIRESHARK.has(key)) continue;
          missing.push(`${d.name} ${key}`);
          continue;
        }
        if (!theirs.some((t) => t.name === d.name))
          nameDiffs.push(`${key}: ours ${d.name}, Wireshark ${theirs.map((t) => t.name).join('/')}`);
        if (!theirs.some((t) => sameType(d.type, t.type))) {
          typeDiffs.push(
            `${d.name} ${key}: ours ${d.type}, Wireshark ${theirs.map((t) => t.type).join('/')}`,
          );
        }
      }
      if (nameDiffs.length > 0) console.log(`name differences with Wireshark:\n  ${nameDiffs.join('\n  ')}`);
      if (typeDiffs.length > 0) console.log(`type differences with Wireshark:\n  ${typeDiffs.join('\n  ')}`);
      expect(missing, 'codes unknown to Wireshark').toEqual([]);
      expect(typeDiffs.length).toBeLessThanOrEqual(Math.floor(seen.size * 0.1));
    },
  );
});
