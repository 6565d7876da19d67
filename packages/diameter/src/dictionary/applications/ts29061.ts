import type { AvpDefinition } from '../definitions.js';

/**
 * 3GPP TS 29.061 §16.4.7: the 3GPP vendor-specific RADIUS sub-attributes carried as Diameter AVPs (vendor 10415, AVP
 * code = sub-attribute number), as TS 32.299 (Gy/Ro, Rf), TS 29.212 (Gx), TS 29.214 (Rx), TS 29.272 (S6a), TS 29.128
 * (T6a) and TS 29.273 (SWx) reuse them. No application of its own: the applications spread these arrays.
 *
 * M bit: TS 29.061 §16.4.7 marks most of these AVPs V must / M must not, but TS 29.212 §5.4.0 has Gx send the re-used
 * RADIUS VSAs with M set (3GPP-Charging-Characteristics with M cleared), so the AVPs that both Gx/Rx and Gy carry
 * are 'may': sent without M, accepted with or without it. The address AVPs carry the RADIUS sub-attribute's raw
 * address octets, hence OctetString (Wireshark's dictionary decodes 3GPP-SGSN-Address as an IPAddress).
 */

/** The serving-network AVPs that Gx and Rx re-use (TS 29.212 §5.4.0) and TS 32.299 PS-Information carries. */
export const servingNetworkAvps: readonly AvpDefinition[] = [
  {
    name: '3GPP-SGSN-Address',
    code: 6,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'may',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-SGSN-IPv6-Address',
    code: 15,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'may',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-SGSN-MCC-MNC',
    code: 18,
    type: 'UTF8String',
    vendorId: 10415,
    mandatory: 'may',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-RAT-Type',
    code: 21,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'may',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-User-Location-Info',
    code: 22,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'may',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-MS-TimeZone',
    code: 23,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'may',
    spec: 'TS 29.061 §16.4.7',
  },
];

/** 3GPP-Charging-Characteristics: Gx, Rx, S6a/T6a APN-Configuration, SWx, TS 32.299 PS-Information. */
export const threeGppChargingCharacteristics: AvpDefinition = {
  name: '3GPP-Charging-Characteristics',
  code: 13,
  type: 'UTF8String',
  vendorId: 10415,
  mandatory: 'may',
  spec: 'TS 29.061 §16.4.7',
};

/** RAI (TS 29.061 §17.7.12, the Gmb routeing area identity), reported on Gx and Rx. */
export const rai: AvpDefinition = {
  name: 'RAI',
  code: 909,
  type: 'UTF8String',
  vendorId: 10415,
  spec: 'TS 29.061 §17.7.12',
};

/** Every TS 29.061 §16.4.7 3GPP-* AVP, as TS 32.299 PS-Information and the Gi/SGi accounting carry them. */
export const ts29061Avps: readonly AvpDefinition[] = [
  ...servingNetworkAvps,
  threeGppChargingCharacteristics,
  {
    name: '3GPP-IMSI',
    code: 1,
    type: 'UTF8String',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  // 29.061: OctetString (the 4-octet RADIUS value); Wireshark: its OctetStringOrUTF8 pseudo-type.
  {
    name: '3GPP-Charging-Id',
    code: 2,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-PDP-Type',
    code: 3,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: { IPv4: 0, PPP: 1, IPv6: 2, IPv4v6: 3, 'Non-IP': 4 },
    spec: 'TS 29.061 §16.4.7',
  },
  // 29.061 types the 3GPP-*-Address AVPs OctetString (RADIUS-style 4/16 octets); Wireshark: Address.
  {
    name: '3GPP-CG-Address',
    code: 4,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-GPRS-Negotiated-QoS-Profile',
    code: 5,
    type: 'UTF8String',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-GGSN-Address',
    code: 7,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-IMSI-MCC-MNC',
    code: 8,
    type: 'UTF8String',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-GGSN-MCC-MNC',
    code: 9,
    type: 'UTF8String',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  // 29.061: OctetString (one octet); Wireshark: UTF8String.
  {
    name: '3GPP-NSAPI',
    code: 10,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  // 29.061: OctetString (one octet); Wireshark: UTF8String.
  {
    name: '3GPP-Session-Stop-Indicator',
    code: 11,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-Selection-Mode',
    code: 12,
    type: 'UTF8String',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-CG-IPv6-Address',
    code: 14,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-GGSN-IPv6-Address',
    code: 16,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  // 29.061 name (plural); Wireshark: 3GPP-IPv6-DNS-Server.
  {
    name: '3GPP-IPv6-DNS-Servers',
    code: 17,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-IMEISV',
    code: 20,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-CAMEL-Charging-Info',
    code: 24,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-Packet-Filter',
    code: 25,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-Negotiated-DSCP',
    code: 26,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
  {
    name: '3GPP-Allocate-IP-Type',
    code: 27,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.061 §16.4.7',
  },
];
