import type { AvpDefinition } from '../definitions.js';

/** RFC 7683 (Diameter Overload Indication Conveyance) AVPs, used by S6a, S6t and T6a. */

/** RFC 7683 §7 Diameter overload indication (S6a, S6t, T6a). */
export const overloadControlAvps: readonly AvpDefinition[] = [
  {
    name: 'OC-Supported-Features',
    code: 621,
    type: 'Grouped',
    mandatory: 'mustnot',
    grouped: '[ OC-Feature-Vector ] *[ AVP ]',
    spec: 'RFC 7683 §7.1',
  },
  { name: 'OC-Feature-Vector', code: 622, type: 'Unsigned64', mandatory: 'mustnot', spec: 'RFC 7683 §7.2' },
  {
    name: 'OC-OLR',
    code: 623,
    type: 'Grouped',
    mandatory: 'mustnot',
    grouped: `< OC-Sequence-Number > < OC-Report-Type > [ OC-Reduction-Percentage ] [ OC-Validity-Duration ]
        *[ AVP ]`,
    spec: 'RFC 7683 §7.3',
  },
  {
    name: 'OC-Sequence-Number',
    code: 624,
    type: 'Unsigned64',
    mandatory: 'mustnot',
    spec: 'RFC 7683 §7.4',
  },
  {
    name: 'OC-Validity-Duration',
    code: 625,
    type: 'Unsigned32',
    mandatory: 'mustnot',
    spec: 'RFC 7683 §7.5',
  },
  {
    name: 'OC-Report-Type',
    code: 626,
    type: 'Enumerated',
    mandatory: 'mustnot',
    values: { HOST_REPORT: 0, REALM_REPORT: 1 },
    spec: 'RFC 7683 §7.6',
  },
  {
    name: 'OC-Reduction-Percentage',
    code: 627,
    type: 'Unsigned32',
    mandatory: 'mustnot',
    spec: 'RFC 7683 §7.7',
  },
];
