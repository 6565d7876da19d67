import type { AvpDefinition } from '../definitions.js';

/**
 * 3GPP TS 29.272 §7.3 AVPs that applications other than S6a use (S13, S6t, T6a, Gx, SWx, TS 32.299), with the members
 * of their Grouped AVPs. The S6a-only AVPs are in s6a.ts. Kept out of s6a.ts because s6a.ts imports from s6t.ts and
 * gy-ro.ts, which need these: an import cycle otherwise. Flags per TS 29.272 Table 7.3.1/1.
 */

/** TS 29.272 §7.3.166 and §7.3.168 (values from TS 32.422): E-UTRAN measurement and RRM collection periods. */
const LTE_MEASUREMENT_PERIODS: Readonly<Record<string, number>> = {
  '1024_ms': 0,
  '1280_ms': 1,
  '2048_ms': 2,
  '2560_ms': 3,
  '5120_ms': 4,
  '10240_ms': 5,
  '1_min': 6,
};

/** TS 29.272 §7.3.167 and §7.3.169 (values from TS 32.422): UMTS measurement and RRM collection periods. */
const UMTS_MEASUREMENT_PERIODS: Readonly<Record<string, number>> = {
  '250_ms': 0,
  '500_ms': 1,
  '1000_ms': 2,
  '2000_ms': 3,
  '3000_ms': 4,
  '4000_ms': 5,
  '6000_ms': 6,
  '8000_ms': 7,
  '12000_ms': 8,
  '16000_ms': 9,
  '20000_ms': 10,
  '24000_ms': 11,
  '28000_ms': 12,
  '32000_ms': 13,
  '64000_ms': 14,
};

/** TS 29.272 §7.3.3-7.3.6 Terminal-Information (S6a, S13, T6a, TS 32.299). */
export const terminalInformationAvps: readonly AvpDefinition[] = [
  {
    name: 'Terminal-Information',
    code: 1401,
    type: 'Grouped',
    vendorId: 10415,
    grouped: '[ IMEI ] [ 3GPP2-MEID ] [ Software-Version ] *[ AVP ]',
    spec: 'TS 29.272 §7.3.3',
  },
  { name: 'IMEI', code: 1402, type: 'UTF8String', vendorId: 10415, spec: 'TS 29.272 §7.3.4' },
  { name: 'Software-Version', code: 1403, type: 'UTF8String', vendorId: 10415, spec: 'TS 29.272 §7.3.5' },
  { name: '3GPP2-MEID', code: 1471, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.6' },
];

/** TS 29.272 §7.3.79 CSG-Id (S6a, TS 32.299 User-CSG-Information). */
export const csgId: AvpDefinition = {
  name: 'CSG-Id',
  code: 1437,
  type: 'Unsigned32',
  vendorId: 10415,
  spec: 'TS 29.272 §7.3.79',
};

/** TS 29.272 §7.3.117-7.3.122 cell and area identities (location information, MDT Area-Scope). */
export const areaIdentityAvps: readonly AvpDefinition[] = [
  {
    name: 'E-UTRAN-Cell-Global-Identity',
    code: 1602,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.117',
  },
  {
    name: 'Tracking-Area-Identity',
    code: 1603,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.118',
  },
  {
    name: 'Cell-Global-Identity',
    code: 1604,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.119',
  },
  {
    name: 'Routing-Area-Identity',
    code: 1605,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.120',
  },
  {
    name: 'Location-Area-Identity',
    code: 1606,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.121',
  },
  {
    name: 'Service-Area-Identity',
    code: 1607,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.122',
  },
];

/**
 * TS 29.272 §7.3.111-7.3.126 EPS-Location-Information (S6a IDA, S6t, T6a); with `areaIdentityAvps`, `csgId`,
 * the TS 32.299 `userCsgInformationAvps` and the TS 29.217 `enodebIdAvps`.
 */
export const epsLocationInformationAvps: readonly AvpDefinition[] = [
  {
    name: 'EPS-Location-Information',
    code: 1496,
    type: 'Grouped',
    vendorId: 10415,
    grouped: '[ MME-Location-Information ] [ SGSN-Location-Information ] *[ AVP ]',
    spec: 'TS 29.272 §7.3.111',
  },
  {
    name: 'MME-Location-Information',
    code: 1600,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `[ E-UTRAN-Cell-Global-Identity ] [ Tracking-Area-Identity ] [ Geographical-Information ]
        [ Geodetic-Information ] [ Current-Location-Retrieved ] [ Age-Of-Location-Information ]
        [ User-CSG-Information ] [ eNodeB-ID ] [ Extended-eNodeB-ID ] *[ AVP ]`,
    spec: 'TS 29.272 §7.3.115',
  },
  {
    name: 'SGSN-Location-Information',
    code: 1601,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `[ Cell-Global-Identity ] [ Location-Area-Identity ] [ Service-Area-Identity ] [ Routing-Area-Identity ]
        [ Geographical-Information ] [ Geodetic-Information ] [ Current-Location-Retrieved ]
        [ Age-Of-Location-Information ] [ User-CSG-Information ] *[ AVP ]`,
    spec: 'TS 29.272 §7.3.116',
  },
  {
    name: 'Geographical-Information',
    code: 1608,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.123',
  },
  {
    name: 'Geodetic-Information',
    code: 1609,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.124',
  },
  {
    name: 'Current-Location-Retrieved',
    code: 1610,
    type: 'Enumerated',
    vendorId: 10415,
    values: { 'ACTIVE-LOCATION-RETRIEVAL': 0 },
    spec: 'TS 29.272 §7.3.125',
  },
  {
    name: 'Age-Of-Location-Information',
    code: 1611,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.126',
  },
];

/**
 * TS 29.272 §7.3.63-7.3.71 Trace-Data and §7.3.136-7.3.173 its MDT-Configuration (S6a, Gx
 * Event-Report-Indication, SWx Trace-Info); with `areaIdentityAvps`.
 */
export const traceDataAvps: readonly AvpDefinition[] = [
  {
    name: 'Trace-Data',
    code: 1458,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `{ Trace-Reference } { Trace-Depth } { Trace-NE-Type-List } [ Trace-Interface-List ] { Trace-Event-List }
        [ OMC-Id ] { Trace-Collection-Entity } [ MDT-Configuration ] *[ AVP ]`,
    spec: 'TS 29.272 §7.3.63',
  },
  { name: 'Trace-Reference', code: 1459, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.64' },
  {
    name: 'Trace-Depth',
    code: 1462,
    type: 'Enumerated',
    vendorId: 10415,
    values: {
      Minimum: 0,
      Medium: 1,
      Maximum: 2,
      MinimumWithoutVendorSpecificExtension: 3,
      MediumWithoutVendorSpecificExtension: 4,
      MaximumWithoutVendorSpecificExtension: 5,
    },
    spec: 'TS 29.272 §7.3.67 (values TS 32.422)',
  },
  {
    name: 'Trace-NE-Type-List',
    code: 1463,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.68',
  },
  {
    name: 'Trace-Interface-List',
    code: 1464,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.69',
  },
  { name: 'Trace-Event-List', code: 1465, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.70' },
  { name: 'OMC-Id', code: 1466, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.71' },
  {
    name: 'Trace-Collection-Entity',
    code: 1452,
    type: 'Address',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.98',
  },
  {
    name: 'MDT-Configuration',
    code: 1622,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `{ Job-Type } [ Area-Scope ] [ List-Of-Measurements ] [ Reporting-Trigger ] [ Report-Interval ]
        [ Report-Amount ] [ Event-Threshold-RSRP ] [ Event-Threshold-RSRQ ] [ Logging-Interval ] [ Logging-Duration ]
        [ Measurement-Period-LTE ] [ Measurement-Period-UMTS ] [ Collection-Period-RRM-LTE ]
        [ Collection-Period-RRM-UMTS ] [ Positioning-Method ] [ Measurement-Quantity ] [ Event-Threshold-Event-1F ]
        [ Event-Threshold-Event-1I ] *[ MDT-Allowed-PLMN-Id ] *[ MBSFN-Area ] *[ AVP ]`,
    spec: 'TS 29.272 §7.3.136',
  },
  {
    name: 'Job-Type',
    code: 1623,
    type: 'Enumerated',
    vendorId: 10415,
    values: {
      'Immediate-MDT-only': 0,
      'Logged-MDT-only': 1,
      'Trace-only': 2,
      'Immediate-MDT-and-Trace': 3,
      'RLF-reports-only': 4,
      'RCEF-reports-only': 5,
      'Logged-MBSFN-MDT': 6,
    },
    spec: 'TS 29.272 §7.3.137',
  },
  {
    name: 'Area-Scope',
    code: 1624,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `*[ Cell-Global-Identity ] *[ E-UTRAN-Cell-Global-Identity ] *[ Routing-Area-Identity ]
        *[ Location-Area-Identity ] *[ Tracking-Area-Identity ] *[ AVP ]`,
    spec: 'TS 29.272 §7.3.138',
  },
  {
    name: 'List-Of-Measurements',
    code: 1625,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.139',
  },
  {
    name: 'Reporting-Trigger',
    code: 1626,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.140',
  },
  {
    name: 'Report-Interval',
    code: 1627,
    type: 'Enumerated',
    vendorId: 10415,
    values: {
      UMTS_250_ms: 0,
      UMTS_500_ms: 1,
      UMTS_1000_ms: 2,
      UMTS_2000_ms: 3,
      UMTS_3000_ms: 4,
      UMTS_4000_ms: 5,
      UMTS_6000_ms: 6,
      UMTS_8000_ms: 7,
      UMTS_12000_ms: 8,
      UMTS_16000_ms: 9,
      UMTS_20000_ms: 10,
      UMTS_24000_ms: 11,
      UMTS_28000_ms: 12,
      UMTS_32000_ms: 13,
      UMTS_64000_ms: 14,
      LTE_120_ms: 15,
      LTE_240_ms: 16,
      LTE_480_ms: 17,
      LTE_640_ms: 18,
      LTE_1024_ms: 19,
      LTE_2048_ms: 20,
      LTE_5120_ms: 21,
      LTE_10240_ms: 22,
      LTE_60000_ms: 23,
      LTE_360000_ms: 24,
      LTE_720000_ms: 25,
      LTE_1800000_ms: 26,
      LTE_3600000_ms: 27,
    },
    spec: 'TS 29.272 §7.3.141',
  },
  {
    name: 'Report-Amount',
    code: 1628,
    type: 'Enumerated',
    vendorId: 10415,
    values: { '1': 0, '2': 1, '4': 2, '8': 3, '16': 4, '32': 5, '64': 6, infinity: 7 },
    spec: 'TS 29.272 §7.3.142',
  },
  {
    name: 'Event-Threshold-RSRP',
    code: 1629,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.143',
  },
  {
    name: 'Event-Threshold-RSRQ',
    code: 1630,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.144',
  },
  {
    name: 'Logging-Interval',
    code: 1631,
    type: 'Enumerated',
    vendorId: 10415,
    values: { '1.28': 0, '2.56': 1, '5.12': 2, '10.24': 3, '20.48': 4, '30.72': 5, '40.96': 6, '61.44': 7 },
    spec: 'TS 29.272 §7.3.145',
  },
  {
    name: 'Logging-Duration',
    code: 1632,
    type: 'Enumerated',
    vendorId: 10415,
    values: { '600_sec': 0, '1200_sec': 1, '2400_sec': 2, '3600_sec': 3, '5400_sec': 4, '7200_sec': 5 },
    spec: 'TS 29.272 §7.3.146',
  },
  {
    name: 'Measurement-Period-LTE',
    code: 1655,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: LTE_MEASUREMENT_PERIODS,
    spec: 'TS 29.272 §7.3.166',
  },
  {
    name: 'Measurement-Period-UMTS',
    code: 1656,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: UMTS_MEASUREMENT_PERIODS,
    spec: 'TS 29.272 §7.3.167',
  },
  {
    name: 'Collection-Period-RRM-LTE',
    code: 1657,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: LTE_MEASUREMENT_PERIODS,
    spec: 'TS 29.272 §7.3.168',
  },
  {
    name: 'Collection-Period-RRM-UMTS',
    code: 1658,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: UMTS_MEASUREMENT_PERIODS,
    spec: 'TS 29.272 §7.3.169',
  },
  {
    name: 'Positioning-Method',
    code: 1659,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.170',
  },
  {
    name: 'Measurement-Quantity',
    code: 1660,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.171',
  },
  {
    name: 'Event-Threshold-Event-1F',
    code: 1661,
    type: 'Integer32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.172',
  },
  {
    name: 'Event-Threshold-Event-1I',
    code: 1662,
    type: 'Integer32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.173',
  },
  {
    name: 'MDT-Allowed-PLMN-Id',
    code: 1671,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.185',
  },
  {
    name: 'MBSFN-Area',
    code: 1694,
    type: 'Grouped',
    vendorId: 10415,
    mandatory: 'mustnot',
    grouped: '[ MBSFN-Area-ID ] [ Carrier-Frequency ] *[ AVP ]',
    spec: 'TS 29.272 §7.3.219',
  },
  {
    name: 'MBSFN-Area-ID',
    code: 1695,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.220',
  },
  {
    name: 'Carrier-Frequency',
    code: 1696,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.221',
  },
];

/**
 * TS 29.272 §7.3.35 APN-Configuration and its members (S6a, SWx). It also names TS 29.212 `epsBearerQosAvps`,
 * TS 29.214 bandwidths, TS 32.299 Served-Party-IP-Address, TS 29.336 SCEF-ID, TS 29.061
 * 3GPP-Charging-Characteristics, TS 29.229 Visited-Network-Identifier, RFC 5447 MIP6-Agent-Info and RFC 5778
 * Service-Selection.
 */
export const apnConfigurationAvps: readonly AvpDefinition[] = [
  {
    name: 'APN-Configuration',
    code: 1430,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `{ Context-Identifier } *2[ Served-Party-IP-Address ] { PDN-Type } { Service-Selection }
        [ EPS-Subscribed-QoS-Profile ] [ VPLMN-Dynamic-Address-Allowed ] [ MIP6-Agent-Info ]
        [ Visited-Network-Identifier ] [ PDN-GW-Allocation-Type ] [ 3GPP-Charging-Characteristics ] [ AMBR ]
        *[ Specific-APN-Info ] [ APN-OI-Replacement ] [ SIPTO-Permission ] [ LIPA-Permission ] [ Restoration-Priority ]
        [ SIPTO-Local-Network-Permission ] [ WLAN-offloadability ] [ Non-IP-PDN-Type-Indicator ]
        [ Non-IP-Data-Delivery-Mechanism ] [ SCEF-ID ] [ SCEF-Realm ] [ Preferred-Data-Mode ]
        [ PDN-Connection-Continuity ] [ RDS-Indicator ] [ Interworking-5GS-Indicator ] [ Ethernet-PDN-Type-Indicator ]
        *[ AVP ]`,
    spec: 'TS 29.272 §7.3.35',
  },
  {
    name: 'Context-Identifier',
    code: 1423,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.27',
  },
  {
    name: 'EPS-Subscribed-QoS-Profile',
    code: 1431,
    type: 'Grouped',
    vendorId: 10415,
    grouped: '{ QoS-Class-Identifier } { Allocation-Retention-Priority } *[ AVP ]',
    spec: 'TS 29.272 §7.3.37',
  },
  {
    name: 'VPLMN-Dynamic-Address-Allowed',
    code: 1432,
    type: 'Enumerated',
    vendorId: 10415,
    values: { NOTALLOWED: 0, ALLOWED: 1 },
    spec: 'TS 29.272 §7.3.38',
  },
  {
    name: 'AMBR',
    code: 1435,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `{ Max-Requested-Bandwidth-UL } { Max-Requested-Bandwidth-DL } [ Extended-Max-Requested-BW-UL ]
        [ Extended-Max-Requested-BW-DL ] *[ AVP ]`,
    spec: 'TS 29.272 §7.3.41',
  },
  {
    name: 'PDN-GW-Allocation-Type',
    code: 1438,
    type: 'Enumerated',
    vendorId: 10415,
    values: { STATIC: 0, DYNAMIC: 1 },
    spec: 'TS 29.272 §7.3.44',
  },
  {
    name: 'PDN-Type',
    code: 1456,
    type: 'Enumerated',
    vendorId: 10415,
    values: { IPv4: 0, IPv6: 1, IPv4v6: 2, IPv4_OR_IPv6: 3 },
    spec: 'TS 29.272 §7.3.62',
  },
  {
    name: 'Specific-APN-Info',
    code: 1472,
    type: 'Grouped',
    vendorId: 10415,
    grouped: '{ Service-Selection } { MIP6-Agent-Info } [ Visited-Network-Identifier ] *[ AVP ]',
    spec: 'TS 29.272 §7.3.82',
  },
  {
    name: 'APN-OI-Replacement',
    code: 1427,
    type: 'UTF8String',
    vendorId: 10415,
    spec: 'TS 29.272 §7.3.32',
  },
  {
    name: 'SIPTO-Permission',
    code: 1613,
    type: 'Enumerated',
    vendorId: 10415,
    values: { SIPTO_ABOVE_RAN_ALLOWED: 0, SIPTO_ABOVE_RAN_NOTALLOWED: 1 },
    spec: 'TS 29.272 §7.3.135',
  },
  {
    name: 'LIPA-Permission',
    code: 1618,
    type: 'Enumerated',
    vendorId: 10415,
    values: { LIPA_PROHIBITED: 0, LIPA_ONLY: 1, LIPA_CONDITIONAL: 2 },
    spec: 'TS 29.272 §7.3.133',
  },
  {
    name: 'Restoration-Priority',
    code: 1663,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.174',
  },
  {
    name: 'SIPTO-Local-Network-Permission',
    code: 1665,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.176',
  },
  {
    name: 'WLAN-offloadability',
    code: 1667,
    type: 'Grouped',
    vendorId: 10415,
    mandatory: 'mustnot',
    grouped: '[ WLAN-offloadability-EUTRAN ] [ WLAN-offloadability-UTRAN ] *[ AVP ]',
    spec: 'TS 29.272 §7.3.181',
  },
  {
    name: 'WLAN-offloadability-EUTRAN',
    code: 1668,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.182',
  },
  {
    name: 'WLAN-offloadability-UTRAN',
    code: 1669,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.183',
  },
  {
    name: 'Non-IP-PDN-Type-Indicator',
    code: 1681,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: { FALSE: 0, TRUE: 1 },
    spec: 'TS 29.272 §7.3.204',
  },
  {
    name: 'Non-IP-Data-Delivery-Mechanism',
    code: 1682,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.205 (0 SGi-BASED-DATA-DELIVERY, 1 SCEF-BASED-DATA-DELIVERY)',
  },
  {
    name: 'SCEF-Realm',
    code: 1684,
    type: 'DiameterIdentity',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.207',
  },
  {
    name: 'Preferred-Data-Mode',
    code: 1686,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.209',
  },
  {
    name: 'PDN-Connection-Continuity',
    code: 1690,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.213',
  },
  {
    name: 'RDS-Indicator',
    code: 1697,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: { DISABLED: 0, ENABLED: 1 },
    spec: 'TS 29.272 §7.3.222',
  },
  {
    name: 'Interworking-5GS-Indicator',
    code: 1706,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: { 'NOT-SUBSCRIBED': 0, SUBSCRIBED: 1 },
    spec: 'TS 29.272 §7.3.231',
  },
  {
    name: 'Ethernet-PDN-Type-Indicator',
    code: 1707,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: { FALSE: 0, TRUE: 1 },
    spec: 'TS 29.272 §7.3.232',
  },
];

/** TS 29.272 §7.3.9 Visited-PLMN-Id (S6a, S6t, T6a). */
export const visitedPlmnId: AvpDefinition = {
  name: 'Visited-PLMN-Id',
  code: 1407,
  type: 'OctetString',
  vendorId: 10415,
  spec: 'TS 29.272 §7.3.9',
};

/** TS 29.272 §7.3.188 DL-Buffering-Suggested-Packet-Count (S6a, S6t, T6a). */
export const dlBufferingSuggestedPacketCount: AvpDefinition = {
  name: 'DL-Buffering-Suggested-Packet-Count',
  code: 1674,
  type: 'Integer32',
  vendorId: 10415,
  mandatory: 'mustnot',
  spec: 'TS 29.272 §7.3.188',
};

/** TS 29.272 §7.3.189-7.3.192 IMSI-Group-Id (S6a, S6t). */
export const imsiGroupIdAvps: readonly AvpDefinition[] = [
  {
    name: 'IMSI-Group-Id',
    code: 1675,
    type: 'Grouped',
    vendorId: 10415,
    mandatory: 'mustnot',
    grouped: '{ Group-Service-Id } { Group-PLMN-Id } { Local-Group-Id } *[ AVP ]',
    spec: 'TS 29.272 §7.3.189',
  },
  {
    name: 'Group-Service-Id',
    code: 1676,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.190',
  },
  {
    name: 'Group-PLMN-Id',
    code: 1677,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.191',
  },
  {
    name: 'Local-Group-Id',
    code: 1678,
    type: 'OctetString',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.272 §7.3.192',
  },
];

/** TS 29.272 §7.3.159 MME-Number-for-MT-SMS (S6a, TS 32.299 PS-Information). */
export const mmeNumberForMtSms: AvpDefinition = {
  name: 'MME-Number-for-MT-SMS',
  code: 1645,
  type: 'OctetString',
  vendorId: 10415,
  mandatory: 'mustnot',
  spec: 'TS 29.272 §7.3.159',
};
