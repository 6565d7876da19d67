import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AVP_TYPES, type AvpType } from '../codec/avp-type.js';
import { DiameterError } from '../errors.js';
import type { ApplicationDefinition, AvpDefinition, CommandDefinition } from './definitions.js';

/**
 * Loads dictionaries in Wireshark's XML format (the files tshark installs under /usr/share/wireshark/diameter/),
 * so users can add applications they already have described there. Wireshark's format carries codes, types,
 * flag rules, enumerated values and the members of Grouped AVPs, but no occurrence rules: loaded commands and
 * groups are open layouts (`*[ AVP ]`), good for decoding and the JSON form, not for strict validation.
 */

/** Vendors Wireshark's files name without defining in the same file. */
const KNOWN_VENDORS: Record<string, number> = {
  None: 0,
  TGPP: 10415,
  TGPP2: 5535,
  ETSI: 13019,
  Ericsson: 193,
  Nokia: 94,
};

const TYPE_ALIASES: Record<string, AvpType> = {
  IPAddress: 'Address',
  AppId: 'Unsigned32',
  VendorId: 'Unsigned32',
  OctetStringOrUTF8: 'OctetString',
  MIPRegistrationRequest: 'OctetString',
};

interface Element {
  readonly tag: string;
  readonly attrs: Record<string, string>;
  readonly selfClosing: boolean;
  readonly closing: boolean;
}

/** Reads a file, expanding its `<!ENTITY x SYSTEM "file.xml">` references relative to its folder. */
export function loadWiresharkDictionaryFile(path: string): ApplicationDefinition[] {
  return loadWiresharkDictionary(expandEntities(readFileSync(path, 'utf8'), dirname(path)), path);
}

function expandEntities(text: string, folder: string): string {
  const entities = new Map<string, string>();
  for (const m of text.matchAll(/<!ENTITY\s+(\S+)\s+SYSTEM\s+"([^"]+)"\s*>/g)) entities.set(m[1], m[2]);
  return text.replace(/&([A-Za-z0-9_]+);/g, (whole, name: string) => {
    const file = entities.get(name);
    if (file === undefined) return whole;
    try {
      return readFileSync(join(folder, file), 'utf8').replace(/<\?xml[^>]*\?>/, '');
    } catch {
      return '';
    }
  });
}

/** Parses the XML text of a Wireshark dictionary (entities already expanded, or none used). */
export function loadWiresharkDictionary(text: string, source = 'dictionary'): ApplicationDefinition[] {
  const body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[\s\S]*?\]>/, '');
  const vendors = new Map(Object.entries(KNOWN_VENDORS));
  for (const m of body.matchAll(/<vendor\s+([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (a['vendor-id'] !== undefined && a.code !== undefined) vendors.set(a['vendor-id'], Number(a.code));
  }
  const vendorOf = (name: string | undefined, where: string): number => {
    if (name === undefined) return 0;
    const v = vendors.get(name);
    if (v === undefined)
      throw new DiameterError('ERR_DICTIONARY', `${source}: ${where} names unknown vendor ${name}`);
    return v;
  };

  const apps: ApplicationDefinition[] = [];
  let app: { id: number; name: string; avps: AvpDefinition[]; commands: CommandDefinition[] } | undefined;
  let avp:
    | { attrs: Record<string, string>; type?: AvpType; values?: Record<string, number>; members?: string[] }
    | undefined;
  const finishAvp = (): void => {
    if (avp === undefined || app === undefined) return;
    const a = avp.attrs;
    const type: AvpType = avp.members !== undefined ? 'Grouped' : (avp.type ?? 'OctetString');
    const mandatory = a.mandatory === 'must' ? 'must' : a.mandatory === 'mustnot' ? 'mustnot' : 'may';
    const def: AvpDefinition = {
      name: a.name,
      code: Number(a.code),
      type,
      vendorId: vendorOf(a['vendor-id'], `AVP ${a.name}`),
      mandatory,
      ...(avp.values !== undefined && { values: avp.values }),
      ...(type === 'Grouped' && { grouped: '*[ AVP ]' }),
      spec: `Wireshark ${source}`,
    };
    app.avps.push(def);
    avp = undefined;
  };
  const finishApp = (): void => {
    if (app === undefined) return;
    apps.push({
      id: app.id,
      name: app.name,
      kind: 'auth',
      spec: `Wireshark ${source}`,
      avps: app.avps,
      commands: app.commands,
    });
    app = undefined;
  };

  for (const el of elements(body)) {
    switch (el.tag) {
      case 'base':
      case 'application':
        if (el.closing) {
          finishAvp();
          finishApp();
        } else {
          finishApp();
          app = {
            id: el.tag === 'base' ? 0 : Number(el.attrs.id),
            name: el.attrs.name ?? 'Diameter base',
            avps: [],
            commands: [],
          };
        }
        break;
      case 'command':
        if (app !== undefined && !el.closing) {
          const name = el.attrs.name;
          const initials = name
            .split('-')
            .map((w) => w[0]?.toUpperCase() ?? '')
            .join('');
          app.commands.push({
            code: Number(el.attrs.code),
            name,
            short: [`${initials}R`, `${initials}A`],
            proxiable: true,
            request: '*[ AVP ]',
            answer: '*[ AVP ]',
          });
        }
        break;
      case 'avp':
        if (el.closing) finishAvp();
        else {
          finishAvp();
          avp = { attrs: el.attrs };
          if (el.selfClosing) finishAvp();
        }
        break;
      case 'type':
        if (avp !== undefined && !el.closing) avp.type = typeName(el.attrs['type-name'], source);
        break;
      case 'enum':
        if (avp !== undefined && !el.closing) (avp.values ??= {})[el.attrs.name] = Number(el.attrs.code);
        break;
      case 'grouped':
        if (avp !== undefined && !el.closing) avp.members ??= [];
        break;
      case 'gavp':
        if (avp !== undefined) (avp.members ??= []).push(el.attrs.name);
        break;
    }
  }
  finishAvp();
  finishApp();
  return apps;
}

function typeName(name: string | undefined, source: string): AvpType {
  if (name === undefined) throw new DiameterError('ERR_DICTIONARY', `${source}: <type> without type-name`);
  if ((AVP_TYPES as readonly string[]).includes(name)) return name as AvpType;
  return TYPE_ALIASES[name] ?? 'OctetString';
}

function* elements(body: string): Generator<Element> {
  const re = /<(\/?)([A-Za-z][\w-]*)([^>]*?)(\/?)>/g;
  for (const m of body.matchAll(re)) {
    yield { closing: m[1] === '/', tag: m[2], attrs: attributes(m[3]), selfClosing: m[4] === '/' };
  }
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = m[2];
  return out;
}
