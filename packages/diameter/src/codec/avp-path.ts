import { DiameterError } from '../errors.js';
import type { Avp } from './avp.js';
import type { AvpTypeInfo, CodecDictionary } from './avp-type.js';

/**
 * Finds AVPs by name or by a path through Grouped AVPs: 'Session-Id',
 * 'Multiple-Services-Credit-Control.Granted-Service-Unit.CC-Total-Octets'. Every match at every level is followed,
 * so a path through a repeated group yields the leaves of all its occurrences.
 */
export function findAvps(
  avps: readonly Avp[],
  path: string,
  dictionary: CodecDictionary,
  firstOnly: boolean,
): Avp[] {
  const names = path.split('.');
  const defs = names.map((name) => resolveName(name, dictionary));
  const found: Avp[] = [];
  walk(avps, defs, 0, found, firstOnly);
  return found;
}

function resolveName(name: string, dictionary: CodecDictionary): AvpTypeInfo {
  const def = dictionary.avpByName(name);
  if (def === undefined)
    throw new DiameterError('ERR_UNKNOWN_AVP_NAME', `the dictionary has no AVP named ${name}`);
  return def;
}

function walk(
  avps: readonly Avp[],
  defs: AvpTypeInfo[],
  depth: number,
  found: Avp[],
  firstOnly: boolean,
): boolean {
  const def = defs[depth];
  const last = depth === defs.length - 1;
  for (const avp of avps) {
    if (avp.code !== def.code || avp.vendorId !== def.vendorId) continue;
    if (last) {
      found.push(avp);
      if (firstOnly) return true;
    } else if (Array.isArray(avp.value) && walk(avp.value, defs, depth + 1, found, firstOnly)) {
      return true;
    }
  }
  return false;
}
