import type { AvpDefinition } from '../definitions.js';

/** ETSI ES 283 034 (e4 interface) AVPs that TS 29.229 reuses. */

/**
 * ETSI ES 283 034 §7.3.5 Line-Identifier (ETSI vendor 13019), named in TS 29.229 SIP-Auth-Data-Item (Cx,
 * SWx).
 */
export const lineIdentifier: AvpDefinition = {
  name: 'Line-Identifier',
  code: 500,
  type: 'OctetString',
  vendorId: 13019,
  spec: 'ETSI ES 283 034 §7.3.5 (TS 29.229 §6.3.42)',
};
