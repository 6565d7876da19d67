import { defineApplication, type AvpDefinition } from '../definitions.js';
import { filterId } from './nasreq.js';

/** RFC 4006 §8.2-8.3 CC-Request-Type and CC-Request-Number (also the Gx CCR/CCA). */
const ccRequestAvps: readonly AvpDefinition[] = [
  {
    name: 'CC-Request-Type',
    code: 416,
    type: 'Enumerated',
    values: { INITIAL_REQUEST: 1, UPDATE_REQUEST: 2, TERMINATION_REQUEST: 3, EVENT_REQUEST: 4 },
    spec: 'RFC 4006 §8.3',
  },
  { name: 'CC-Request-Number', code: 415, type: 'Unsigned32', spec: 'RFC 4006 §8.2' },
];

/** RFC 4006 §8.28-8.29 Service-Identifier and Rating-Group (Gx Charging-Rule-Definition). */
const serviceIdentifierAvps: readonly AvpDefinition[] = [
  { name: 'Service-Identifier', code: 439, type: 'Unsigned32', spec: 'RFC 4006 §8.28' },
  { name: 'Rating-Group', code: 432, type: 'Unsigned32', spec: 'RFC 4006 §8.29' },
];

/**
 * RFC 4006 §8.8-8.27 Granted/Used-Service-Unit and their members (Gx Usage-Monitoring-Information, Rx
 * Sponsored-Connectivity-Data).
 */
const serviceUnitAvps: readonly AvpDefinition[] = [
  {
    name: 'Granted-Service-Unit',
    code: 431,
    type: 'Grouped',
    grouped: `[ Tariff-Time-Change ] [ CC-Time ] [ CC-Money ] [ CC-Total-Octets ] [ CC-Input-Octets ]
        [ CC-Output-Octets ] [ CC-Service-Specific-Units ] *[ AVP ]`,
    spec: 'RFC 4006 §8.17',
  },
  {
    name: 'Used-Service-Unit',
    code: 446,
    type: 'Grouped',
    grouped: `[ Tariff-Change-Usage ] [ CC-Time ] [ CC-Money ] [ CC-Total-Octets ] [ CC-Input-Octets ]
        [ CC-Output-Octets ] [ CC-Service-Specific-Units ] *[ AVP ]`,
    spec: 'RFC 4006 §8.19',
  },
  { name: 'CC-Time', code: 420, type: 'Unsigned32', spec: 'RFC 4006 §8.21' },
  {
    name: 'CC-Money',
    code: 413,
    type: 'Grouped',
    grouped: '{ Unit-Value } [ Currency-Code ]',
    spec: 'RFC 4006 §8.22',
  },
  {
    name: 'Unit-Value',
    code: 445,
    type: 'Grouped',
    grouped: '{ Value-Digits } [ Exponent ]',
    spec: 'RFC 4006 §8.8',
  },
  { name: 'Value-Digits', code: 447, type: 'Integer64', spec: 'RFC 4006 §8.10' },
  { name: 'Exponent', code: 429, type: 'Integer32', spec: 'RFC 4006 §8.9' },
  { name: 'Currency-Code', code: 425, type: 'Unsigned32', spec: 'RFC 4006 §8.11 (ISO 4217 numeric)' },
  { name: 'CC-Total-Octets', code: 421, type: 'Unsigned64', spec: 'RFC 4006 §8.23' },
  { name: 'CC-Input-Octets', code: 412, type: 'Unsigned64', spec: 'RFC 4006 §8.24' },
  { name: 'CC-Output-Octets', code: 414, type: 'Unsigned64', spec: 'RFC 4006 §8.25' },
  { name: 'CC-Service-Specific-Units', code: 417, type: 'Unsigned64', spec: 'RFC 4006 §8.26' },
  { name: 'Tariff-Time-Change', code: 451, type: 'Time', spec: 'RFC 4006 §8.20' },
  {
    name: 'Tariff-Change-Usage',
    code: 452,
    type: 'Enumerated',
    values: { UNIT_BEFORE_TARIFF_CHANGE: 0, UNIT_AFTER_TARIFF_CHANGE: 1, UNIT_INDETERMINATE: 2 },
    spec: 'RFC 4006 §8.27',
  },
];

/**
 * RFC 4006 §8.34-8.39 Final-Unit-Indication and its members (Filter-Id, in nasreq.ts, too); TS 29.214 Flows
 * names Final-Unit-Action.
 */
const finalUnitIndicationAvps: readonly AvpDefinition[] = [
  {
    name: 'Final-Unit-Indication',
    code: 430,
    type: 'Grouped',
    grouped: '{ Final-Unit-Action } *[ Restriction-Filter-Rule ] *[ Filter-Id ] [ Redirect-Server ]',
    spec: 'RFC 4006 §8.34',
  },
  {
    name: 'Final-Unit-Action',
    code: 449,
    type: 'Enumerated',
    values: { TERMINATE: 0, REDIRECT: 1, RESTRICT_ACCESS: 2 },
    spec: 'RFC 4006 §8.35',
  },
  { name: 'Restriction-Filter-Rule', code: 438, type: 'IPFilterRule', spec: 'RFC 4006 §8.36' },
  {
    name: 'Redirect-Server',
    code: 434,
    type: 'Grouped',
    grouped: '{ Redirect-Address-Type } { Redirect-Server-Address }',
    spec: 'RFC 4006 §8.37',
  },
  {
    name: 'Redirect-Address-Type',
    code: 433,
    type: 'Enumerated',
    // The RFC writes these as prose ("IPv4 Address", "SIP URI"); RFC 8506 §8.38 names them as below.
    values: { IPV4_ADDRESS: 0, IPV6_ADDRESS: 1, URL: 2, SIP_URI: 3 },
    spec: 'RFC 4006 §8.38',
  },
  { name: 'Redirect-Server-Address', code: 435, type: 'UTF8String', spec: 'RFC 4006 §8.39' },
];

/** RFC 4006 §8.46-8.48 Subscription-Id (Gx, Rx, SWx Non-3GPP-User-Data). */
export const subscriptionIdAvps: readonly AvpDefinition[] = [
  {
    name: 'Subscription-Id',
    code: 443,
    type: 'Grouped',
    grouped: '{ Subscription-Id-Type } { Subscription-Id-Data }',
    spec: 'RFC 4006 §8.46',
  },
  {
    name: 'Subscription-Id-Type',
    code: 450,
    type: 'Enumerated',
    values: {
      END_USER_E164: 0,
      END_USER_IMSI: 1,
      END_USER_SIP_URI: 2,
      END_USER_NAI: 3,
      END_USER_PRIVATE: 4,
    },
    spec: 'RFC 4006 §8.47',
  },
  { name: 'Subscription-Id-Data', code: 444, type: 'UTF8String', spec: 'RFC 4006 §8.48' },
];

/** RFC 4006 §8.49-8.51 User-Equipment-Info (Gx, Rx, TS 32.299 PS-Information). */
const userEquipmentInfoAvps: readonly AvpDefinition[] = [
  {
    name: 'User-Equipment-Info',
    code: 458,
    type: 'Grouped',
    mandatory: 'may',
    grouped: '{ User-Equipment-Info-Type } { User-Equipment-Info-Value }',
    spec: 'RFC 4006 §8.49',
  },
  {
    name: 'User-Equipment-Info-Type',
    code: 459,
    type: 'Enumerated',
    mandatory: 'may',
    values: { IMEISV: 0, MAC: 1, EUI64: 2, MODIFIED_EUI64: 3 },
    spec: 'RFC 4006 §8.50',
  },
  {
    name: 'User-Equipment-Info-Value',
    code: 460,
    type: 'OctetString',
    mandatory: 'may',
    spec: 'RFC 4006 §8.51',
  },
];

/**
 * The RFC 4006 AVPs that the 3GPP policy interfaces name (Gx CCR/CCA, Usage-Monitoring-Information,
 * Charging-Rule-Report; Rx Flows and Sponsored-Connectivity-Data), with the members of their Grouped AVPs; the RFC 7155
 * `filterId` that Final-Unit-Indication names is in nasreq.ts.
 */
export const policyCreditControlAvps: readonly AvpDefinition[] = [
  ...ccRequestAvps,
  ...serviceIdentifierAvps,
  ...serviceUnitAvps,
  ...finalUnitIndicationAvps,
  ...subscriptionIdAvps,
  ...userEquipmentInfoAvps,
];

/** Every RFC 4006 §8 AVP: the credit-control application's own, and the TS 32.299 Gy/Ro grammars'. */
export const rfc4006Avps: readonly AvpDefinition[] = [
  ...policyCreditControlAvps,
  { name: 'CC-Correlation-Id', code: 411, type: 'OctetString', mandatory: 'may', spec: 'RFC 4006 §8.1' },
  {
    name: 'CC-Session-Failover',
    code: 418,
    type: 'Enumerated',
    values: { FAILOVER_NOT_SUPPORTED: 0, FAILOVER_SUPPORTED: 1 },
    spec: 'RFC 4006 §8.4',
  },
  { name: 'CC-Sub-Session-Id', code: 419, type: 'Unsigned64', spec: 'RFC 4006 §8.5' },
  {
    name: 'Check-Balance-Result',
    code: 422,
    type: 'Enumerated',
    values: { ENOUGH_CREDIT: 0, NO_CREDIT: 1 },
    spec: 'RFC 4006 §8.6',
  },
  {
    name: 'Cost-Information',
    code: 423,
    type: 'Grouped',
    grouped: '{ Unit-Value } { Currency-Code } [ Cost-Unit ]',
    spec: 'RFC 4006 §8.7',
  },
  { name: 'Cost-Unit', code: 424, type: 'UTF8String', spec: 'RFC 4006 §8.12' },
  {
    name: 'Credit-Control',
    code: 426,
    type: 'Enumerated',
    values: { CREDIT_AUTHORIZATION: 0, RE_AUTHORIZATION: 1 },
    spec: 'RFC 4006 §8.13',
  },
  {
    name: 'Credit-Control-Failure-Handling',
    code: 427,
    type: 'Enumerated',
    values: { TERMINATE: 0, CONTINUE: 1, RETRY_AND_TERMINATE: 2 },
    spec: 'RFC 4006 §8.14',
  },
  {
    name: 'Direct-Debiting-Failure-Handling',
    code: 428,
    type: 'Enumerated',
    values: { TERMINATE_OR_BUFFER: 0, CONTINUE: 1 },
    spec: 'RFC 4006 §8.15',
  },
  {
    name: 'Requested-Action',
    code: 436,
    type: 'Enumerated',
    values: { DIRECT_DEBITING: 0, REFUND_ACCOUNT: 1, CHECK_BALANCE: 2, PRICE_ENQUIRY: 3 },
    spec: 'RFC 4006 §8.41',
  },
  {
    name: 'Requested-Service-Unit',
    code: 437,
    type: 'Grouped',
    grouped: `[ CC-Time ] [ CC-Money ] [ CC-Total-Octets ] [ CC-Input-Octets ] [ CC-Output-Octets ]
        [ CC-Service-Specific-Units ] *[ AVP ]`,
    spec: 'RFC 4006 §8.18',
  },
  {
    name: 'Service-Parameter-Info',
    code: 440,
    type: 'Grouped',
    mandatory: 'may',
    grouped: '{ Service-Parameter-Type } { Service-Parameter-Value }',
    spec: 'RFC 4006 §8.43',
  },
  {
    name: 'Service-Parameter-Type',
    code: 441,
    type: 'Unsigned32',
    mandatory: 'may',
    spec: 'RFC 4006 §8.44',
  },
  {
    name: 'Service-Parameter-Value',
    code: 442,
    type: 'OctetString',
    mandatory: 'may',
    spec: 'RFC 4006 §8.45',
  },
  { name: 'Validity-Time', code: 448, type: 'Unsigned32', spec: 'RFC 4006 §8.33' },
  { name: 'G-S-U-Pool-Identifier', code: 453, type: 'Unsigned32', spec: 'RFC 4006 §8.31' },
  {
    name: 'CC-Unit-Type',
    code: 454,
    type: 'Enumerated',
    values: {
      TIME: 0,
      MONEY: 1,
      'TOTAL-OCTETS': 2,
      'INPUT-OCTETS': 3,
      'OUTPUT-OCTETS': 4,
      'SERVICE-SPECIFIC-UNITS': 5,
    },
    spec: 'RFC 4006 §8.32',
  },
  {
    name: 'Multiple-Services-Indicator',
    code: 455,
    type: 'Enumerated',
    values: { MULTIPLE_SERVICES_NOT_SUPPORTED: 0, MULTIPLE_SERVICES_SUPPORTED: 1 },
    spec: 'RFC 4006 §8.40',
  },
  {
    name: 'Multiple-Services-Credit-Control',
    code: 456,
    type: 'Grouped',
    grouped: `[ Granted-Service-Unit ] [ Requested-Service-Unit ] *[ Used-Service-Unit ] [ Tariff-Change-Usage ]
        *[ Service-Identifier ] [ Rating-Group ] *[ G-S-U-Pool-Reference ] [ Validity-Time ] [ Result-Code ]
        [ Final-Unit-Indication ] *[ AVP ]`,
    spec: 'RFC 4006 §8.16',
  },
  {
    name: 'G-S-U-Pool-Reference',
    code: 457,
    type: 'Grouped',
    grouped: '{ G-S-U-Pool-Identifier } { CC-Unit-Type } { Unit-Value }',
    spec: 'RFC 4006 §8.30',
  },
  { name: 'Service-Context-Id', code: 461, type: 'UTF8String', spec: 'RFC 4006 §8.42' },
];

/**
 * RFC 4006: the Diameter Credit-Control Application (Application-Id 4), the CCR/CCA exchange and the AVPs of §8.
 * Re-authorisation (RAR/RAA) and abort (ASR/ASA) use the base protocol's commands (RFC 4006 §5.5, §5.6).
 */
export const creditControl = defineApplication({
  id: 4,
  name: 'Diameter Credit-Control',
  kind: 'auth',
  spec: 'RFC 4006',
  avps: [...rfc4006Avps, filterId],
  commands: [
    {
      code: 272,
      name: 'Credit-Control',
      short: ['CCR', 'CCA'],
      proxiable: true,
      request: `< Session-Id > { Origin-Host } { Origin-Realm } { Destination-Realm } { Auth-Application-Id }
        { Service-Context-Id } { CC-Request-Type } { CC-Request-Number } [ Destination-Host ] [ User-Name ]
        [ CC-Sub-Session-Id ] [ Acct-Multi-Session-Id ] [ Origin-State-Id ] [ Event-Timestamp ]
        *[ Subscription-Id ] [ Service-Identifier ] [ Termination-Cause ] [ Requested-Service-Unit ]
        [ Requested-Action ] *[ Used-Service-Unit ] [ Multiple-Services-Indicator ]
        *[ Multiple-Services-Credit-Control ] *[ Service-Parameter-Info ] [ CC-Correlation-Id ]
        [ User-Equipment-Info ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Result-Code } { Origin-Host } { Origin-Realm } { Auth-Application-Id }
        { CC-Request-Type } { CC-Request-Number } [ User-Name ] [ CC-Session-Failover ] [ CC-Sub-Session-Id ]
        [ Acct-Multi-Session-Id ] [ Origin-State-Id ] [ Event-Timestamp ] [ Granted-Service-Unit ]
        *[ Multiple-Services-Credit-Control ] [ Cost-Information ] [ Final-Unit-Indication ]
        [ Check-Balance-Result ] [ Credit-Control-Failure-Handling ] [ Direct-Debiting-Failure-Handling ]
        [ Validity-Time ] *[ Redirect-Host ] [ Redirect-Host-Usage ] [ Redirect-Max-Cache-Time ] *[ Proxy-Info ]
        *[ Route-Record ] *[ Failed-AVP ] *[ AVP ]`,
    },
  ],
});
