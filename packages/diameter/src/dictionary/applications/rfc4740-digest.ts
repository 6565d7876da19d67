import type { AvpDefinition } from '../definitions.js';

/** RFC 4740 (Diameter SIP Application) digest AVPs that TS 29.229 (Cx) and TS 29.273 (SWx) reuse. */

/** RFC 4740 §9.5 SIP digest AVPs named in TS 29.229 SIP-Digest-Authenticate (Cx, SWx). */
export const digestAvps: readonly AvpDefinition[] = [
  { name: 'Digest-Realm', code: 104, type: 'UTF8String', spec: 'RFC 4740 §9.5.1' },
  { name: 'Digest-QoP', code: 110, type: 'UTF8String', spec: 'RFC 4740 §9.5.7' },
  { name: 'Digest-Algorithm', code: 111, type: 'UTF8String', spec: 'RFC 4740 §9.5.8' },
  { name: 'Digest-HA1', code: 121, type: 'UTF8String', spec: 'RFC 4740 §9.5.18' },
];
