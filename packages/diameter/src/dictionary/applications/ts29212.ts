import type { AvpDefinition } from '../definitions.js';

/**
 * 3GPP TS 29.212 §5.3 AVPs that applications other than Gx use (TS 32.299 PS-Information, S6a/SWx subscription QoS,
 * T6a, Rx). The Gx-only AVPs are in gx.ts. Kept out of gx.ts because gx.ts imports from rx.ts and gy-ro.ts, which
 * need these: an import cycle otherwise.
 */

/**
 * TS 29.212 §5.3.17, §5.3.32, §5.3.45-5.3.47: QCI and ARP, as in S6a/SWx EPS-Subscribed-QoS-Profile and Gx/Gy
 * QoS-Information.
 */
export const epsBearerQosAvps: readonly AvpDefinition[] = [
  {
    name: 'QoS-Class-Identifier',
    code: 1028,
    type: 'Enumerated',
    vendorId: 10415,
    values: {
      QCI_1: 1,
      QCI_2: 2,
      QCI_3: 3,
      QCI_4: 4,
      QCI_5: 5,
      QCI_6: 6,
      QCI_7: 7,
      QCI_8: 8,
      QCI_9: 9,
      QCI_65: 65,
      QCI_66: 66,
      QCI_67: 67,
      QCI_69: 69,
      QCI_70: 70,
      QCI_71: 71,
      QCI_72: 72,
      QCI_73: 73,
      QCI_74: 74,
      QCI_75: 75,
      QCI_76: 76,
      QCI_79: 79,
      QCI_80: 80,
      QCI_82: 82,
      QCI_83: 83,
      QCI_84: 84,
      QCI_85: 85,
    },
    spec: 'TS 29.212 §5.3.17',
  },
  {
    name: 'Allocation-Retention-Priority',
    code: 1034,
    type: 'Grouped',
    vendorId: 10415,
    mandatory: 'mustnot',
    grouped: '{ Priority-Level } [ Pre-emption-Capability ] [ Pre-emption-Vulnerability ]',
    spec: 'TS 29.212 §5.3.32',
  },
  {
    name: 'Priority-Level',
    code: 1046,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.212 §5.3.45',
  },
  // TS 29.212 §5.3.46 names the values PRE-EMPTION_…; the PRE_EMPTION_… spellings (an earlier S6a copy) still encode.
  // A value decodes to the last name listed for it: the specification's spelling comes last.
  {
    name: 'Pre-emption-Capability',
    code: 1047,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: {
      PRE_EMPTION_CAPABILITY_ENABLED: 0,
      PRE_EMPTION_CAPABILITY_DISABLED: 1,
      'PRE-EMPTION_CAPABILITY_ENABLED': 0,
      'PRE-EMPTION_CAPABILITY_DISABLED': 1,
    },
    spec: 'TS 29.212 §5.3.46',
  },
  // TS 29.212 §5.3.47 names the values PRE-EMPTION_…; the PRE_EMPTION_… spellings still encode (spec's spelling last).
  {
    name: 'Pre-emption-Vulnerability',
    code: 1048,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: {
      PRE_EMPTION_VULNERABILITY_ENABLED: 0,
      PRE_EMPTION_VULNERABILITY_DISABLED: 1,
      'PRE-EMPTION_VULNERABILITY_ENABLED': 0,
      'PRE-EMPTION_VULNERABILITY_DISABLED': 1,
    },
    spec: 'TS 29.212 §5.3.47',
  },
];

/**
 * TS 29.212 §5.3.16 QoS-Information and its bit rates (Gx, TS 32.299 PS-Information); with
 * `epsBearerQosAvps`, `bearerIdentifier` and the TS 29.214 `maxRequestedBandwidthAvps`.
 */
export const qosInformationAvps: readonly AvpDefinition[] = [
  {
    name: 'QoS-Information',
    code: 1016,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `[ QoS-Class-Identifier ] [ Max-Requested-Bandwidth-UL ] [ Max-Requested-Bandwidth-DL ]
        [ Guaranteed-Bitrate-UL ] [ Guaranteed-Bitrate-DL ] [ Bearer-Identifier ] [ Allocation-Retention-Priority ]
        [ APN-Aggregate-Max-Bitrate-UL ] [ APN-Aggregate-Max-Bitrate-DL ] *[ AVP ]`,
    spec: 'TS 29.212 §5.3.16',
  },
  {
    name: 'Guaranteed-Bitrate-DL',
    code: 1025,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.212 §5.3.25',
  },
  {
    name: 'Guaranteed-Bitrate-UL',
    code: 1026,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.212 §5.3.26',
  },
  {
    name: 'APN-Aggregate-Max-Bitrate-DL',
    code: 1040,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.212 §5.3.39',
  },
  {
    name: 'APN-Aggregate-Max-Bitrate-UL',
    code: 1041,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.212 §5.3.40',
  },
];

/** TS 29.212 §5.3.20 Bearer-Identifier (Gx, T6a, TS 32.299). */
export const bearerIdentifier: AvpDefinition = {
  name: 'Bearer-Identifier',
  code: 1020,
  type: 'OctetString',
  vendorId: 10415,
  spec: 'TS 29.212 §5.3.20',
};

/** TS 29.212 §5.3.31 RAT-Type (Gx, Rx, S6a, T6a, SWx), with the values of later releases. */
export const ratType: AvpDefinition = {
  name: 'RAT-Type',
  code: 1032,
  type: 'Enumerated',
  vendorId: 10415,
  mandatory: 'mustnot',
  values: {
    WLAN: 0,
    VIRTUAL: 1,
    'TRUSTED-N3GA': 2,
    WIRELINE: 3,
    'WIRELINE-CABLE': 4,
    'WIRELINE-BBF': 5,
    UTRAN: 1000,
    GERAN: 1001,
    GAN: 1002,
    HSPA_EVOLUTION: 1003,
    EUTRAN: 1004,
    'EUTRAN-NB-IoT': 1005,
    NR: 1006,
    'LTE-M': 1007,
    CDMA2000_1X: 2000,
    HRPD: 2001,
    UMB: 2002,
    EHRPD: 2003,
  },
  spec: 'TS 29.212 §5.3.31',
};

/** TS 29.212 §5.3.27 IP-CAN-Type (Gx, Rx). */
export const ipCanType: AvpDefinition = {
  name: 'IP-CAN-Type',
  code: 1027,
  type: 'Enumerated',
  vendorId: 10415,
  values: {
    '3GPP-GPRS': 0,
    DOCSIS: 1,
    xDSL: 2,
    WiMAX: 3,
    '3GPP2': 4,
    '3GPP-EPS': 5,
    'Non-3GPP-EPS': 6,
    FBA: 7,
  },
  spec: 'TS 29.212 §5.3.27',
};

/** TS 29.212 §5.3.5 Charging-Rule-Base-Name (Gx, TS 32.299 PS-Information). */
export const chargingRuleBaseName: AvpDefinition = {
  name: 'Charging-Rule-Base-Name',
  code: 1004,
  type: 'UTF8String',
  vendorId: 10415,
  spec: 'TS 29.212 §5.3.5',
};

/** TS 29.212 §5.3.101 User-Location-Info-Time (TS 32.299 PS-Information). */
export const userLocationInfoTime: AvpDefinition = {
  name: 'User-Location-Info-Time',
  code: 2812,
  type: 'Time',
  vendorId: 10415,
  mandatory: 'mustnot',
  spec: 'TS 29.212 §5.3',
};
