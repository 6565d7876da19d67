import type { AvpDefinition } from '../definitions.js';

/** RFC 8583 (Diameter Load Information Conveyance) AVPs, used by S6a, S6t and T6a. */

/** RFC 8583 §7 Diameter load information (S6a, S6t, T6a). */
export const loadAvps: readonly AvpDefinition[] = [
  {
    name: 'Load',
    code: 650,
    type: 'Grouped',
    mandatory: 'mustnot',
    grouped: '[ Load-Type ] [ Load-Value ] [ SourceID ] *[ AVP ]',
    spec: 'RFC 8583 §7.1',
  },
  {
    name: 'Load-Type',
    code: 651,
    type: 'Enumerated',
    mandatory: 'mustnot',
    values: { HOST: 0, PEER: 1 },
    spec: 'RFC 8583 §7.2',
  },
  { name: 'Load-Value', code: 652, type: 'Unsigned64', mandatory: 'mustnot', spec: 'RFC 8583 §7.3' },
  { name: 'SourceID', code: 649, type: 'DiameterIdentity', mandatory: 'mustnot', spec: 'RFC 8583 §7.4' },
];
