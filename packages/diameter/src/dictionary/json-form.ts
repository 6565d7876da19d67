import type { OtherAddress } from '../codec/address.js';
import { Avp, type AvpValue } from '../codec/avp.js';
import { AvpFlag } from '../codec/flags.js';
import { Message } from '../codec/message.js';
import { DiameterError } from '../errors.js';
import type { AvpDef, Dictionary } from './dictionary.js';

/**
 * The JSON form of a message: names, types and vendors for people and logs, and enough to rebuild the identical
 * bytes (flags as received, 64-bit values as decimal strings, bytes as hex, Time as ISO-8601, enumerated values as
 * numbers with their name beside them). `messageFromJson(messageToJson(m))` encodes to the bytes of `m`.
 */

export interface MessageJson {
  command: string;
  commandCode: number;
  applicationId: number;
  flags: string;
  hopByHopId: number;
  endToEndId: number;
  avps: AvpJson[];
  version?: number;
}

export interface AvpJson {
  name: string;
  code: number;
  vendorId?: number;
  /** 'V', 'M', 'P' letters; or a number when reserved bits are set. */
  flags: string | number;
  type: string;
  value?: string | number | { family: number; hex: string };
  /** The name of an Enumerated value. */
  enum?: string;
  avps?: AvpJson[];
}

const COMMAND_FLAG_LETTERS: [number, string][] = [
  [0x80, 'R'],
  [0x40, 'P'],
  [0x20, 'E'],
  [0x10, 'T'],
];
const AVP_FLAG_LETTERS: [number, string][] = [
  [AvpFlag.VENDOR, 'V'],
  [AvpFlag.MANDATORY, 'M'],
  [AvpFlag.PROTECTED, 'P'],
];

export function messageToJson(message: Message, dictionary: Dictionary): MessageJson {
  const command = dictionary.command(message.commandCode, message.applicationId);
  const json: MessageJson = {
    command: command ? command.short[message.isRequest ? 0 : 1] : `Unknown-${message.commandCode}`,
    commandCode: message.commandCode,
    applicationId: message.applicationId,
    flags: flagsToLetters(message.flags, COMMAND_FLAG_LETTERS, 0x0f),
    hopByHopId: message.hopByHopId,
    endToEndId: message.endToEndId,
    avps: message.avps.map(avpToJson),
  };
  if (message.version !== 1) json.version = message.version;
  return json;
}

function flagsToLetters(flags: number, letters: [number, string][], reserved: number): string {
  if ((flags & reserved) !== 0) return `0x${flags.toString(16).padStart(2, '0')}`;
  let s = '';
  for (const [bit, letter] of letters) if ((flags & bit) !== 0) s += letter;
  return s;
}

function lettersToFlags(text: string | number, letters: [number, string][]): number {
  if (typeof text === 'number') return text;
  if (text.startsWith('0x')) return parseInt(text, 16);
  let flags = 0;
  for (const ch of text) {
    const entry = letters.find(([, l]) => l === ch);
    if (entry === undefined)
      throw new DiameterError('ERR_INVALID_JSON', `unknown flag letter ${ch} in "${text}"`);
    flags |= entry[0];
  }
  return flags;
}

export function avpToJson(avp: Avp): AvpJson {
  const def = avp.def as AvpDef | undefined;
  const json: AvpJson = {
    name: avp.name,
    code: avp.code,
    flags: flagsToLetters(avp.flags, AVP_FLAG_LETTERS, AvpFlag.RESERVED),
    type: def?.type ?? 'Unknown',
  };
  if (avp.vendorId !== 0) json.vendorId = avp.vendorId;
  const v = avp.value;
  if (Array.isArray(v)) json.avps = v.map(avpToJson);
  else if (Buffer.isBuffer(v)) json.value = v.toString('hex');
  else if (typeof v === 'bigint') json.value = v.toString();
  else if (v instanceof Date) json.value = v.toISOString();
  else if (typeof v === 'number') {
    json.value = Number.isFinite(v) ? v : String(v);
    const name = def?.type === 'Enumerated' ? def.valueName(v) : undefined;
    if (name !== undefined) json.enum = name;
  } else if (typeof v === 'string') json.value = v;
  else {
    const other = v as OtherAddress;
    json.value = { family: other.family, hex: other.bytes.toString('hex') };
  }
  return json;
}

export function messageFromJson(json: MessageJson, dictionary: Dictionary): Message {
  if (typeof json !== 'object' || json === null || !Array.isArray(json.avps)) {
    throw new DiameterError('ERR_INVALID_JSON', 'a message needs an "avps" array');
  }
  let commandCode = json.commandCode;
  let applicationId = json.applicationId;
  if (commandCode === undefined && typeof json.command === 'string') {
    const c = dictionary.commandByName(json.command, applicationId);
    if (c === undefined) throw new DiameterError('ERR_INVALID_JSON', `unknown command ${json.command}`);
    commandCode = c.code;
    applicationId ??= c.applicationId;
  }
  return new Message(
    lettersToFlags(json.flags ?? '', COMMAND_FLAG_LETTERS),
    commandCode,
    applicationId ?? 0,
    json.hopByHopId ?? 0,
    json.endToEndId ?? 0,
    json.avps.map((a, i) => avpFromJson(a, dictionary, `avps[${i}]`)),
    dictionary,
    json.version ?? 1,
  );
}

export function avpFromJson(json: AvpJson, dictionary: Dictionary, where: string): Avp {
  let def: AvpDef | undefined;
  if (typeof json.code === 'number') def = dictionary.avp(json.code, json.vendorId ?? 0);
  else if (typeof json.name === 'string') def = dictionary.avpByName(json.name);
  if (def === undefined && typeof json.code !== 'number') {
    throw new DiameterError('ERR_INVALID_JSON', `${where}: unknown AVP ${json.name}`);
  }
  const code = def?.code ?? json.code;
  const vendorId = def?.vendorId ?? json.vendorId ?? 0;
  let flags: number;
  if (json.flags !== undefined) flags = lettersToFlags(json.flags, AVP_FLAG_LETTERS);
  else flags = (def?.mandatory === 'must' ? AvpFlag.MANDATORY : 0) | (vendorId !== 0 ? AvpFlag.VENDOR : 0);
  const type = def?.type;
  let value: AvpValue;
  try {
    value = jsonValue(json, type, dictionary, where);
  } catch (error) {
    if (error instanceof DiameterError) throw error;
    throw new DiameterError(
      'ERR_INVALID_JSON',
      `${where} (${json.name ?? code}): ${(error as Error).message}`,
    );
  }
  return new Avp(code, flags, vendorId, value, def);
}

function jsonValue(json: AvpJson, type: string | undefined, dictionary: Dictionary, where: string): AvpValue {
  const v = json.value;
  if (json.avps !== undefined)
    return json.avps.map((a, i) => avpFromJson(a, dictionary, `${where}.avps[${i}]`));
  const need = (ok: boolean, what: string): void => {
    if (!ok)
      throw new DiameterError(
        'ERR_INVALID_JSON',
        `${where} (${json.name}): ${type ?? 'raw'} value must be ${what}`,
      );
  };
  switch (type) {
    case undefined:
    case 'OctetString':
      need(typeof v === 'string' && /^([0-9a-fA-F]{2})*$/.test(v), 'a hex string');
      return Buffer.from(v as string, 'hex');
    case 'Unsigned64':
    case 'Integer64':
      need(typeof v === 'string' || typeof v === 'number', 'a decimal string');
      return BigInt(v as string);
    case 'Time':
      need(typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'an ISO-8601 date');
      return new Date(v as string);
    case 'Float32':
    case 'Float64':
      need(typeof v === 'number' || typeof v === 'string', 'a number');
      return Number(v);
    case 'Integer32':
    case 'Unsigned32':
    case 'Enumerated':
      if (typeof v === 'string' && type === 'Enumerated') {
        const n = dictionary.avp(json.code, json.vendorId ?? 0)?.values?.get(v);
        need(n !== undefined, 'a number or a known name');
        return n as number;
      }
      need(typeof v === 'number' && Number.isInteger(v), 'an integer');
      return v as number;
    case 'Address':
      if (typeof v === 'object' && v !== null) return { family: v.family, bytes: Buffer.from(v.hex, 'hex') };
      need(typeof v === 'string', 'an IP address');
      return v as string;
    case 'Grouped':
      need(false, 'given as "avps"');
      return [];
    default:
      need(typeof v === 'string', 'a string');
      return v as string;
  }
}
