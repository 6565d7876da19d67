import type { AvpDefinition } from '../definitions.js';

/** RFC 5778 (Diameter Mobile IPv6: HA-to-HAAA) Service-Selection, which 3GPP uses for the APN. */

/** RFC 5778 §6.2 Service-Selection, the APN (S6a, S6t, T6a, SWx). */
export const serviceSelection: AvpDefinition = {
  name: 'Service-Selection',
  code: 493,
  type: 'UTF8String',
  spec: 'RFC 5778 §6.2',
};
