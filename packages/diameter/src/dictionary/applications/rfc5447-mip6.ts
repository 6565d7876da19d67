import type { AvpDefinition } from '../definitions.js';

/**
 * RFC 5447 (Diameter Mobile IPv6: NAS-to-HAAA) AVPs that TS 29.272 (S6a) and TS 29.273 (SWx) reuse, with the two
 * RFC 4004 AVPs MIP6-Agent-Info names.
 */

/** RFC 5447 §4.2.1 MIP6-Agent-Info and its members, two of them from RFC 4004 (S6a/SWx APN-Configuration). */
export const mip6AgentInfoAvps: readonly AvpDefinition[] = [
  {
    name: 'MIP6-Agent-Info',
    code: 486,
    type: 'Grouped',
    grouped: '*2[ MIP-Home-Agent-Address ] [ MIP-Home-Agent-Host ] [ MIP6-Home-Link-Prefix ] *[ AVP ]',
    spec: 'RFC 5447 §4.2.1',
  },
  { name: 'MIP-Home-Agent-Address', code: 334, type: 'Address', spec: 'RFC 4004 §7.4 (RFC 5447 §4.2.2)' },
  {
    name: 'MIP-Home-Agent-Host',
    code: 348,
    type: 'Grouped',
    grouped: '{ Destination-Realm } { Destination-Host } *[ AVP ]',
    spec: 'RFC 4004 §7.11 (RFC 5447 §4.2.3)',
  },
  { name: 'MIP6-Home-Link-Prefix', code: 125, type: 'OctetString', spec: 'RFC 5447 §4.2.4' },
];

/** RFC 5447 §4.2.5 MIP6-Feature-Vector (SWx Non-3GPP-User-Data). */
export const mip6FeatureVector: AvpDefinition = {
  name: 'MIP6-Feature-Vector',
  code: 124,
  type: 'Unsigned64',
  spec: 'RFC 5447 §4.2.5',
};
