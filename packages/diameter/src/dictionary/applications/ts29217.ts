import type { AvpDefinition } from '../definitions.js';

/** 3GPP TS 29.217 (Np reference point) AVPs that TS 29.272 MME-Location-Information names. */

/** TS 29.217 §5.3.7, §5.3.12 eNodeB-ID and Extended-eNodeB-ID (TS 29.272 MME-Location-Information). */
export const enodebIdAvps: readonly AvpDefinition[] = [
  {
    name: 'eNodeB-ID',
    code: 4008,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.217 §5.3.7',
  },
  {
    name: 'Extended-eNodeB-ID',
    code: 4013,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.217 §5.3.12',
  },
];
