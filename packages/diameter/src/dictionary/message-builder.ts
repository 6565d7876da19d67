import { Avp, type AvpValue } from '../codec/avp.js';
import { AvpFlag, CommandFlag } from '../codec/flags.js';
import { Message } from '../codec/message.js';
import { DiameterError, EncodeError } from '../errors.js';
import type { AvpDef, CommandDef, Dictionary } from './dictionary.js';

/**
 * Building messages from AVP names and natural JS values: strings, numbers, bigints, Buffers, Dates, IP address
 * text, enum names, nested objects for Grouped AVPs and arrays for repeated AVPs.
 *
 *   buildMessage(dict, 'CCR', { 'Session-Id': 'gw;1', 'CC-Request-Type': 'INITIAL_REQUEST',
 *     'Subscription-Id': [{ 'Subscription-Id-Type': 'END_USER_E164', 'Subscription-Id-Data': '4912345' }] })
 */

/** A value as the user writes it. */
export type NaturalValue =
  string | number | bigint | boolean | Uint8Array | Date | Avp | Avp[] | AvpInput | readonly NaturalValue[];

/** AVPs by name (object order is wire order), or explicit [name, value] pairs when order across names matters. */
export type AvpInput =
  { readonly [name: string]: NaturalValue } | ReadonlyArray<readonly [string, NaturalValue]>;

export interface BuildOptions {
  applicationId?: number;
  hopByHopId?: number;
  endToEndId?: number;
  /** Defaults to the command's PXY bit. */
  proxiable?: boolean;
  request?: boolean;
}

/** Builds a request (or, with `request: false`, an answer) of a command named by abbreviation or full name. */
export function buildMessage(
  dictionary: Dictionary,
  command: string | CommandDef,
  avps: AvpInput,
  options: BuildOptions = {},
): Message {
  const def =
    typeof command === 'string' ? dictionary.commandByName(command, options.applicationId) : command;
  if (def === undefined)
    throw new DiameterError('ERR_UNKNOWN_COMMAND', `the dictionary has no command ${String(command)}`);
  const isRequest = options.request ?? (typeof command !== 'string' || command !== def.short[1]);
  let flags = isRequest ? CommandFlag.REQUEST : 0;
  if (options.proxiable ?? def.proxiable) flags |= CommandFlag.PROXIABLE;
  const list = orderFixed(buildAvps(dictionary, avps, def.applicationId), def, isRequest);
  return new Message(
    flags,
    def.code,
    options.applicationId ?? def.applicationId,
    options.hopByHopId ?? 0,
    options.endToEndId ?? 0,
    list,
    dictionary,
  );
}

/** Fixed-position AVPs (`< Session-Id >`) go first, in layout order, wherever the user put them. */
function orderFixed(avps: Avp[], command: CommandDef, isRequest: boolean): Avp[] {
  const fixed = command.layout(isRequest).rules.filter((r) => r.fixed);
  if (fixed.length === 0) return avps;
  const head: Avp[] = [];
  for (const rule of fixed) {
    for (const a of avps) if (a.def === rule.def) head.push(a);
  }
  if (head.length === 0) return avps;
  return [...head, ...avps.filter((a) => !head.includes(a))];
}

/** `scope`: the Application-Id whose meaning of a name comes first (see Dictionary.avpByName). */
export function buildAvps(dictionary: Dictionary, input: AvpInput, scope?: number): Avp[] {
  const entries: ReadonlyArray<readonly [string, NaturalValue]> = Array.isArray(input)
    ? (input as ReadonlyArray<readonly [string, NaturalValue]>)
    : Object.entries(input as { [name: string]: NaturalValue });
  const out: Avp[] = [];
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    if (value instanceof Avp) {
      out.push(value);
      continue;
    }
    const def = dictionary.avpByName(name, scope);
    if (def === undefined)
      throw new DiameterError('ERR_UNKNOWN_AVP_NAME', `the dictionary has no AVP named ${name}`);
    if (Array.isArray(value) && !(value.length > 0 && value[0] instanceof Avp)) {
      for (const v of value as readonly NaturalValue[]) out.push(buildAvp(dictionary, def, v));
    } else {
      out.push(buildAvp(dictionary, def, value));
    }
  }
  return out;
}

/** One AVP with the flags its definition requires (V with a vendor, M when the M-bit rule is 'must'). */
export function buildAvp(dictionary: Dictionary, def: AvpDef, value: NaturalValue): Avp {
  let flags = def.mandatory === 'must' ? AvpFlag.MANDATORY : 0;
  if (def.vendorId !== 0) flags |= AvpFlag.VENDOR;
  return new Avp(def.code, flags, def.vendorId, toAvpValue(dictionary, def, value), def);
}

function toAvpValue(dictionary: Dictionary, def: AvpDef, value: NaturalValue): AvpValue {
  switch (def.type) {
    case 'Grouped':
      if (Array.isArray(value)) return value as Avp[];
      if (
        typeof value === 'object' &&
        value !== null &&
        !(value instanceof Uint8Array) &&
        !(value instanceof Date)
      ) {
        return buildAvps(dictionary, value as AvpInput, def.scope);
      }
      break;
    case 'Enumerated':
      if (typeof value === 'string') {
        const n = def.values?.get(value);
        if (n === undefined) throw new EncodeError(`unknown enumerated value ${value}`, def.name);
        return n;
      }
      if (typeof value === 'number') return value;
      break;
    case 'OctetString':
      if (typeof value === 'string') return Buffer.from(value, 'utf8');
      if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value);
      break;
    case 'Unsigned64':
    case 'Integer64':
      if (typeof value === 'number') return BigInt(value);
      if (typeof value === 'bigint') return value;
      break;
    case 'Time':
      if (value instanceof Date) return value;
      if (typeof value === 'number') return new Date(value);
      break;
    case 'Unsigned32':
    case 'Integer32':
    case 'Float32':
    case 'Float64':
      if (typeof value === 'number') return value;
      if (typeof value === 'boolean') return value ? 1 : 0;
      break;
    default:
      if (typeof value === 'string' || value instanceof Uint8Array) return value as AvpValue;
      if (def.type === 'Address' && typeof value === 'object') return value as AvpValue;
  }
  throw new EncodeError(`cannot use ${describe(value)} as a ${def.type} value`, def.name);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Uint8Array) return 'bytes';
  return typeof value;
}
