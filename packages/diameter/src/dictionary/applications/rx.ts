import { defineApplication, type AvpDefinition } from '../definitions.js';
import { supportedFeaturesAvps } from './cx.js';
import { policyCreditControlAvps } from './credit-control.js';
import { calledStationId, filterId, framedIpAddressAvps } from './nasreq.js';
import { rai, servingNetworkAvps, threeGppChargingCharacteristics } from './ts29061.js';
import { ipCanType, ratType } from './ts29212.js';

/**
 * TS 29.214 §5.3.10 Flows and its members (Gx Charging-Rule-Definition, TS 32.299); Flows names the RFC 4006
 * Final-Unit-Action.
 */
export const flowsAvps: readonly AvpDefinition[] = [
  {
    name: 'Flows',
    code: 510,
    type: 'Grouped',
    vendorId: 10415,
    grouped:
      '{ Media-Component-Number } *[ Flow-Number ] *[ Content-Version ] [ Final-Unit-Action ] [ Media-Component-Status ] *[ AVP ]',
    spec: 'TS 29.214 §5.3.10',
  },
  {
    name: 'Media-Component-Number',
    code: 518,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.214 §5.3.17',
  },
  { name: 'Flow-Number', code: 509, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.214 §5.3.9' },
  {
    name: 'Content-Version',
    code: 552,
    type: 'Unsigned64',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.214 §5.3.49',
  },
  {
    name: 'Media-Component-Status',
    code: 549,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.214 §5.3.48',
  },
];

/** TS 29.214 §5.3.14-5.3.15 Max-Requested-Bandwidth-DL/UL (QoS-Information, S6a/SWx AMBR). */
export const maxRequestedBandwidthAvps: readonly AvpDefinition[] = [
  {
    name: 'Max-Requested-Bandwidth-DL',
    code: 515,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.214 §5.3.14',
  },
  {
    name: 'Max-Requested-Bandwidth-UL',
    code: 516,
    type: 'Unsigned32',
    vendorId: 10415,
    spec: 'TS 29.214 §5.3.15',
  },
];

/** TS 29.214 §5.3.52-5.3.53 Extended-Max-Requested-BW-DL/UL (S6a/SWx AMBR). */
export const extendedMaxRequestedBandwidthAvps: readonly AvpDefinition[] = [
  {
    name: 'Extended-Max-Requested-BW-DL',
    code: 554,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.214 §5.3.52',
  },
  {
    name: 'Extended-Max-Requested-BW-UL',
    code: 555,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.214 §5.3.53',
  },
];

/** TS 29.214 §5.3.4, §5.3.6 charging correlation identifiers (Gx, Rx, TS 32.299). */
export const chargingCorrelationAvps: readonly AvpDefinition[] = [
  {
    name: 'Access-Network-Charging-Identifier-Value',
    code: 503,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.214 §5.3.4',
  },
  {
    name: 'AF-Charging-Identifier',
    code: 505,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.214 §5.3.6',
  },
];

/** TS 29.214 AVPs that Gx PCC rules and the Gx CCR reuse. */
export const policyRuleAvps: readonly AvpDefinition[] = [
  {
    name: 'Access-Network-Charging-Address',
    code: 501,
    type: 'Address',
    vendorId: 10415,
    spec: 'TS 29.214 §5.3.2',
  },
  { name: 'Flow-Description', code: 507, type: 'IPFilterRule', vendorId: 10415, spec: 'TS 29.214 §5.3.8' },
  {
    name: 'Flow-Status',
    code: 511,
    type: 'Enumerated',
    vendorId: 10415,
    values: { 'ENABLED-UPLINK': 0, 'ENABLED-DOWNLINK': 1, ENABLED: 2, DISABLED: 3, REMOVED: 4 },
    spec: 'TS 29.214 §5.3.11',
  },
  {
    name: 'AF-Signalling-Protocol',
    code: 529,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: { NO_INFORMATION: 0, SIP: 1 },
    spec: 'TS 29.214 §5.3.26',
  },
];

/** TS 29.214 (Release 11): the Rx interface, AF (P-CSCF) to PCRF (Application-Id 16777236). */
export const rx = defineApplication({
  id: 16777236,
  name: '3GPP Rx',
  kind: 'auth',
  vendorId: 10415,
  spec: 'TS 29.214',
  avps: [
    ...policyCreditControlAvps,
    filterId,
    calledStationId,
    ...framedIpAddressAvps,
    ...servingNetworkAvps,
    threeGppChargingCharacteristics,
    rai,
    ...policyRuleAvps,
    ...chargingCorrelationAvps,
    ...flowsAvps,
    ...maxRequestedBandwidthAvps,
    ipCanType,
    ratType,
    ...supportedFeaturesAvps,
    {
      name: 'Abort-Cause',
      code: 500,
      type: 'Enumerated',
      vendorId: 10415,
      values: {
        BEARER_RELEASED: 0,
        INSUFFICIENT_SERVER_RESOURCES: 1,
        INSUFFICIENT_BEARER_RESOURCES: 2,
        PS_TO_CS_HANDOVER: 3,
        SPONSORED_DATA_CONNECTIVITY_DISALLOWED: 4,
      },
      spec: 'TS 29.214 §5.3.1',
    },
    {
      name: 'Access-Network-Charging-Identifier',
      code: 502,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '{ Access-Network-Charging-Identifier-Value } *[ Flows ]',
      spec: 'TS 29.214 §5.3.3',
    },
    {
      name: 'AF-Application-Identifier',
      code: 504,
      type: 'OctetString',
      vendorId: 10415,
      spec: 'TS 29.214 §5.3.5',
    },
    {
      name: 'Flow-Usage',
      code: 512,
      type: 'Enumerated',
      vendorId: 10415,
      values: { NO_INFORMATION: 0, RTCP: 1, AF_SIGNALLING: 2 },
      spec: 'TS 29.214 §5.3.12',
    },
    {
      name: 'Specific-Action',
      code: 513,
      type: 'Enumerated',
      vendorId: 10415,
      // 0 (SERVICE_INFORMATION_REQUEST) and 5 (INDICATION_OF_ESTABLISHMENT_OF_BEARER) are void in the spec.
      values: {
        CHARGING_CORRELATION_EXCHANGE: 1,
        INDICATION_OF_LOSS_OF_BEARER: 2,
        INDICATION_OF_RECOVERY_OF_BEARER: 3,
        INDICATION_OF_RELEASE_OF_BEARER: 4,
        'IP-CAN_CHANGE': 6,
        INDICATION_OF_OUT_OF_CREDIT: 7,
        INDICATION_OF_SUCCESSFUL_RESOURCES_ALLOCATION: 8,
        INDICATION_OF_FAILED_RESOURCES_ALLOCATION: 9,
        INDICATION_OF_LIMITED_PCC_DEPLOYMENT: 10,
        USAGE_REPORT: 11,
        ACCESS_NETWORK_INFO_REPORT: 12,
      },
      spec: 'TS 29.214 §5.3.13',
    },
    {
      name: 'Media-Component-Description',
      code: 517,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `{ Media-Component-Number } *[ Media-Sub-Component ] [ AF-Application-Identifier ] [ Media-Type ]
        [ Max-Requested-Bandwidth-UL ] [ Max-Requested-Bandwidth-DL ] [ Min-Requested-Bandwidth-UL ]
        [ Min-Requested-Bandwidth-DL ] [ Flow-Status ] [ Reservation-Priority ] [ RS-Bandwidth ] [ RR-Bandwidth ]
        *[ Codec-Data ] *[ AVP ]`,
      spec: 'TS 29.214 §5.3.16',
    },
    {
      name: 'Media-Sub-Component',
      code: 519,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `{ Flow-Number } 0*2[ Flow-Description ] [ Flow-Status ] [ Flow-Usage ] [ Max-Requested-Bandwidth-UL ]
        [ Max-Requested-Bandwidth-DL ] [ AF-Signalling-Protocol ] *[ AVP ]`,
      spec: 'TS 29.214 §5.3.18',
    },
    {
      name: 'Media-Type',
      code: 520,
      type: 'Enumerated',
      vendorId: 10415,
      values: {
        AUDIO: 0,
        VIDEO: 1,
        DATA: 2,
        APPLICATION: 3,
        CONTROL: 4,
        TEXT: 5,
        MESSAGE: 6,
        OTHER: 0xffffffff,
      },
      spec: 'TS 29.214 §5.3.19',
    },
    { name: 'RR-Bandwidth', code: 521, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.214 §5.3.20' },
    { name: 'RS-Bandwidth', code: 522, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.214 §5.3.21' },
    {
      name: 'SIP-Forking-Indication',
      code: 523,
      type: 'Enumerated',
      vendorId: 10415,
      values: { SINGLE_DIALOGUE: 0, SEVERAL_DIALOGUES: 1 },
      spec: 'TS 29.214 §5.3.22',
    },
    // TS 29.214 §5.3.7: OctetString (Wireshark's dictionary says UTF8String).
    { name: 'Codec-Data', code: 524, type: 'OctetString', vendorId: 10415, spec: 'TS 29.214 §5.3.7' },
    { name: 'Service-URN', code: 525, type: 'OctetString', vendorId: 10415, spec: 'TS 29.214 §5.3.23' },
    {
      name: 'Acceptable-Service-Info',
      code: 526,
      type: 'Grouped',
      vendorId: 10415,
      grouped:
        '*[ Media-Component-Description ] [ Max-Requested-Bandwidth-DL ] [ Max-Requested-Bandwidth-UL ] *[ AVP ]',
      spec: 'TS 29.214 §5.3.24',
    },
    {
      name: 'Service-Info-Status',
      code: 527,
      type: 'Enumerated',
      vendorId: 10415,
      values: { FINAL_SERVICE_INFORMATION: 0, PRELIMINARY_SERVICE_INFORMATION: 1 },
      spec: 'TS 29.214 §5.3.25',
    },
    {
      name: 'MPS-Identifier',
      code: 528,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.214 §5.3.30',
    },
    {
      name: 'Sponsored-Connectivity-Data',
      code: 530,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: `[ Sponsor-Identity ] [ Application-Service-Provider-Identity ] [ Granted-Service-Unit ]
        [ Used-Service-Unit ] *[ AVP ]`,
      spec: 'TS 29.214 §5.3.27',
    },
    {
      name: 'Sponsor-Identity',
      code: 531,
      type: 'UTF8String',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.214 §5.3.28',
    },
    {
      name: 'Application-Service-Provider-Identity',
      code: 532,
      type: 'UTF8String',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.214 §5.3.29',
    },
    {
      name: 'Rx-Request-Type',
      code: 533,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { INITIAL_REQUEST: 0, UPDATE_REQUEST: 1, PCSCF_RESTORATION: 2 },
      spec: 'TS 29.214 §5.3.31',
    },
    {
      name: 'Min-Requested-Bandwidth-DL',
      code: 534,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.214 §5.3.32',
    },
    {
      name: 'Min-Requested-Bandwidth-UL',
      code: 535,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.214 §5.3.33',
    },
    {
      name: 'IP-Domain-Id',
      code: 537,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.214 §5.3.35',
    },
    // ETSI TS 183 017 §7.3.9 (ETSI vendor 13019): Reservation-Priority, used in AAR and Media-Component-Description.
    {
      name: 'Reservation-Priority',
      code: 458,
      type: 'Enumerated',
      vendorId: 13019,
      values: {
        DEFAULT: 0,
        'PRIORITY-ONE': 1,
        'PRIORITY-TWO': 2,
        'PRIORITY-THREE': 3,
        'PRIORITY-FOUR': 4,
        'PRIORITY-FIVE': 5,
        'PRIORITY-SIX': 6,
        'PRIORITY-SEVEN': 7,
        'PRIORITY-EIGHT': 8,
        'PRIORITY-NINE': 9,
        'PRIORITY-TEN': 10,
        'PRIORITY-ELEVEN': 11,
        'PRIORITY-TWELVE': 12,
        'PRIORITY-THIRTEEN': 13,
        'PRIORITY-FOURTEEN': 14,
        'PRIORITY-FIFTEEN': 15,
      },
      spec: 'ETSI TS 183 017 §7.3.9',
    },
  ],
  commands: [
    {
      code: 265,
      name: 'AA',
      short: ['AAR', 'AAA'],
      proxiable: true,
      request: `< Session-Id > { Auth-Application-Id } { Origin-Host } { Origin-Realm } { Destination-Realm }
        [ Destination-Host ] [ IP-Domain-Id ] [ AF-Application-Identifier ] *[ Media-Component-Description ]
        [ Service-Info-Status ] [ AF-Charging-Identifier ] [ SIP-Forking-Indication ] *[ Specific-Action ]
        *[ Subscription-Id ] *[ Supported-Features ] [ Reservation-Priority ] [ Framed-IP-Address ]
        [ Framed-IPv6-Prefix ] [ Called-Station-Id ] [ Service-URN ] [ Sponsored-Connectivity-Data ]
        [ MPS-Identifier ] [ Rx-Request-Type ] [ Origin-State-Id ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Auth-Application-Id } { Origin-Host } { Origin-Realm } [ Result-Code ]
        [ Experimental-Result ] *[ Access-Network-Charging-Identifier ] [ Access-Network-Charging-Address ]
        [ Acceptable-Service-Info ] [ IP-CAN-Type ] [ RAT-Type ] *[ Flows ] *[ Supported-Features ] *[ Class ]
        [ Error-Message ] [ Error-Reporting-Host ] *[ Failed-AVP ] [ Origin-State-Id ] *[ Redirect-Host ]
        [ Redirect-Host-Usage ] [ Redirect-Max-Cache-Time ] *[ Proxy-Info ] *[ AVP ]`,
    },
    {
      code: 258,
      name: 'Re-Auth',
      short: ['RAR', 'RAA'],
      proxiable: true,
      request: `< Session-Id > { Origin-Host } { Origin-Realm } { Destination-Realm } { Destination-Host }
        { Auth-Application-Id } *{ Specific-Action } [ Origin-State-Id ] *[ Access-Network-Charging-Identifier ]
        [ Access-Network-Charging-Address ] *[ Flows ] *[ Subscription-Id ] [ Abort-Cause ] [ IP-CAN-Type ]
        [ RAT-Type ] [ Sponsored-Connectivity-Data ] *[ Class ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Origin-Host } { Origin-Realm } [ Result-Code ] [ Experimental-Result ]
        [ Origin-State-Id ] *[ Media-Component-Description ] [ Service-URN ] [ Error-Message ]
        [ Error-Reporting-Host ] *[ Redirect-Host ] [ Redirect-Host-Usage ] [ Redirect-Max-Cache-Time ]
        [ Failed-AVP ] *[ Proxy-Info ] *[ AVP ]`,
    },
    {
      code: 275,
      name: 'Session-Termination',
      short: ['STR', 'STA'],
      proxiable: true,
      request: `< Session-Id > { Origin-Host } { Origin-Realm } { Destination-Realm } { Auth-Application-Id }
        { Termination-Cause } [ Destination-Host ] *[ Class ] [ Origin-State-Id ] *[ Proxy-Info ] *[ Route-Record ]
        *[ AVP ]`,
      answer: `< Session-Id > { Origin-Host } { Origin-Realm } [ Result-Code ] [ Error-Message ]
        [ Error-Reporting-Host ] [ Failed-AVP ] [ Sponsored-Connectivity-Data ] [ Origin-State-Id ] *[ Class ]
        *[ Redirect-Host ] [ Redirect-Host-Usage ] [ Redirect-Max-Cache-Time ] *[ Proxy-Info ] *[ AVP ]`,
    },
    {
      code: 274,
      name: 'Abort-Session',
      short: ['ASR', 'ASA'],
      proxiable: true,
      request: `< Session-Id > { Origin-Host } { Origin-Realm } { Destination-Realm } { Destination-Host }
        { Auth-Application-Id } { Abort-Cause } [ Origin-State-Id ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Origin-Host } { Origin-Realm } [ Result-Code ] [ Origin-State-Id ] [ Error-Message ]
        [ Error-Reporting-Host ] [ Failed-AVP ] *[ Redirect-Host ] [ Redirect-Host-Usage ]
        [ Redirect-Max-Cache-Time ] *[ Proxy-Info ] *[ AVP ]`,
    },
  ],
});
