import { defineApplication, type AvpDefinition } from '../definitions.js';
import { lineIdentifier } from './etsi-es283034.js';
import { framedInterfaceId, framedIpAddressAvps } from './nasreq.js';
import { digestAvps } from './rfc4740-digest.js';

/**
 * TS 29.229 §6.3.27-6.3.28 Confidentiality-Key and Integrity-Key (Cx/SWx SIP-Auth-Data-Item, S6a
 * UTRAN-Vector).
 */
export const cipheringKeyAvps: readonly AvpDefinition[] = [
  {
    name: 'Confidentiality-Key',
    code: 625,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.229 §6.3.27 (TS 29.272 §7.3.57)',
  },
  {
    name: 'Integrity-Key',
    code: 626,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.229 §6.3.28 (TS 29.272 §7.3.58)',
  },
];

/** TS 29.229 §6.3.1 Visited-Network-Identifier (Cx, S6a/SWx APN-Configuration). */
export const visitedNetworkIdentifier: AvpDefinition = {
  name: 'Visited-Network-Identifier',
  code: 600,
  type: 'OctetString',
  vendorId: 10415,
  spec: 'TS 29.229 §6.3.1',
};

/** TS 29.229 §6.3.15-6.3.18 Server-Assignment-Type and Deregistration-Reason (Cx, SWx). */
export const serverAssignmentAvps: readonly AvpDefinition[] = [
  {
    name: 'Server-Assignment-Type',
    code: 614,
    type: 'Enumerated',
    vendorId: 10415,
    values: {
      NO_ASSIGNMENT: 0,
      REGISTRATION: 1,
      RE_REGISTRATION: 2,
      UNREGISTERED_USER: 3,
      TIMEOUT_DEREGISTRATION: 4,
      USER_DEREGISTRATION: 5,
      TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME: 6,
      USER_DEREGISTRATION_STORE_SERVER_NAME: 7,
      ADMINISTRATIVE_DEREGISTRATION: 8,
      AUTHENTICATION_FAILURE: 9,
      AUTHENTICATION_TIMEOUT: 10,
      DEREGISTRATION_TOO_MUCH_DATA: 11,
      AAA_USER_DATA_REQUEST: 12,
      PGW_UPDATE: 13,
      RESTORATION: 14,
    },
    spec: 'TS 29.229 §6.3.15',
  },
  {
    name: 'Deregistration-Reason',
    code: 615,
    type: 'Grouped',
    vendorId: 10415,
    grouped: '{ Reason-Code } [ Reason-Info ] *[ AVP ]',
    spec: 'TS 29.229 §6.3.16',
  },
  {
    name: 'Reason-Code',
    code: 616,
    type: 'Enumerated',
    vendorId: 10415,
    values: { PERMANENT_TERMINATION: 0, NEW_SERVER_ASSIGNED: 1, SERVER_CHANGE: 2, REMOVE_S_CSCF: 3 },
    spec: 'TS 29.229 §6.3.17',
  },
  { name: 'Reason-Info', code: 617, type: 'UTF8String', vendorId: 10415, spec: 'TS 29.229 §6.3.18' },
];

/** TS 29.229 §6.3.43 Wildcarded-IMPU (Sh). */
export const wildcardedImpu: AvpDefinition = {
  name: 'Wildcarded-IMPU',
  code: 636,
  type: 'UTF8String',
  vendorId: 10415,
  mandatory: 'mustnot',
  spec: 'TS 29.229 §6.3.43 (TS 29.329 §6.3.20)',
};

/**
 * TS 29.229 (Release 11) §6.3 AVPs that other 3GPP interfaces reuse (Sh, Gx, Rx, SWx, S6a, S6t, T6a): exported so
 * the same definitions are used everywhere. Flag rules from TS 29.229 Table 6.3.1 (the AVPs from code 628 on have V
 * set and M not set).
 */
export const supportedFeaturesAvps: readonly AvpDefinition[] = [
  {
    name: 'Supported-Features',
    code: 628,
    type: 'Grouped',
    vendorId: 10415,
    mandatory: 'mustnot',
    grouped: '{ Vendor-Id } { Feature-List-ID } { Feature-List } *[ AVP ]',
    spec: 'TS 29.229 §6.3.29',
  },
  {
    name: 'Feature-List-ID',
    code: 629,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.229 §6.3.30',
  },
  {
    name: 'Feature-List',
    code: 630,
    type: 'Unsigned32',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.229 §6.3.31',
  },
];

export const chargingInformationAvps: readonly AvpDefinition[] = [
  {
    name: 'Charging-Information',
    code: 618,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `[ Primary-Event-Charging-Function-Name ] [ Secondary-Event-Charging-Function-Name ]
      [ Primary-Charging-Collection-Function-Name ] [ Secondary-Charging-Collection-Function-Name ] *[ AVP ]`,
    spec: 'TS 29.229 §6.3.19',
  },
  {
    name: 'Primary-Event-Charging-Function-Name',
    code: 619,
    type: 'DiameterURI',
    vendorId: 10415,
    spec: 'TS 29.229 §6.3.20',
  },
  {
    name: 'Secondary-Event-Charging-Function-Name',
    code: 620,
    type: 'DiameterURI',
    vendorId: 10415,
    spec: 'TS 29.229 §6.3.21',
  },
  {
    name: 'Primary-Charging-Collection-Function-Name',
    code: 621,
    type: 'DiameterURI',
    vendorId: 10415,
    spec: 'TS 29.229 §6.3.22',
  },
  {
    name: 'Secondary-Charging-Collection-Function-Name',
    code: 622,
    type: 'DiameterURI',
    vendorId: 10415,
    spec: 'TS 29.229 §6.3.23',
  },
];

/** Identity AVPs shared with Sh (TS 29.329 §6.3 imports them from TS 29.229). */
export const imsIdentityAvps: readonly AvpDefinition[] = [
  { name: 'Public-Identity', code: 601, type: 'UTF8String', vendorId: 10415, spec: 'TS 29.229 §6.3.2' },
  { name: 'Server-Name', code: 602, type: 'UTF8String', vendorId: 10415, spec: 'TS 29.229 §6.3.3' },
  {
    name: 'Supported-Applications',
    code: 631,
    type: 'Grouped',
    vendorId: 10415,
    mandatory: 'mustnot',
    grouped: '*[ Auth-Application-Id ] *[ Acct-Application-Id ] *[ Vendor-Specific-Application-Id ] *[ AVP ]',
    spec: 'TS 29.229 §6.3.32',
  },
  {
    name: 'Wildcarded-Public-Identity',
    code: 634,
    type: 'UTF8String',
    vendorId: 10415,
    mandatory: 'mustnot',
    spec: 'TS 29.229 §6.3.35',
  },
  {
    name: 'Session-Priority',
    code: 650,
    type: 'Enumerated',
    vendorId: 10415,
    mandatory: 'mustnot',
    values: { PRIORITY_0: 0, PRIORITY_1: 1, PRIORITY_2: 2, PRIORITY_3: 3, PRIORITY_4: 4 },
    spec: 'TS 29.229 §6.3.56',
  },
];

/**
 * SIP-Auth-Data-Item and its members, shared with SWx (TS 29.273 §8.2.3.9 reuses it). It also names the RFC 4740
 * `digestAvps`, the RFC 7155 `framedIpAddressAvps` and `framedInterfaceId`, and the ETSI `lineIdentifier`.
 */
export const sipAuthAvps: readonly AvpDefinition[] = [
  ...cipheringKeyAvps,
  { name: 'SIP-Number-Auth-Items', code: 607, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.229 §6.3.8' },
  {
    name: 'SIP-Authentication-Scheme',
    code: 608,
    type: 'UTF8String',
    vendorId: 10415,
    spec: 'TS 29.229 §6.3.9',
  },
  { name: 'SIP-Authenticate', code: 609, type: 'OctetString', vendorId: 10415, spec: 'TS 29.229 §6.3.10' },
  { name: 'SIP-Authorization', code: 610, type: 'OctetString', vendorId: 10415, spec: 'TS 29.229 §6.3.11' },
  {
    name: 'SIP-Authentication-Context',
    code: 611,
    type: 'OctetString',
    vendorId: 10415,
    spec: 'TS 29.229 §6.3.12',
  },
  {
    name: 'SIP-Auth-Data-Item',
    code: 612,
    type: 'Grouped',
    vendorId: 10415,
    grouped: `[ SIP-Item-Number ] [ SIP-Authentication-Scheme ] [ SIP-Authenticate ] [ SIP-Authorization ]
      [ SIP-Authentication-Context ] [ Confidentiality-Key ] [ Integrity-Key ] [ SIP-Digest-Authenticate ]
      [ Framed-IP-Address ] [ Framed-IPv6-Prefix ] [ Framed-Interface-Id ] *[ Line-Identifier ] *[ AVP ]`,
    spec: 'TS 29.229 §6.3.13',
  },
  { name: 'SIP-Item-Number', code: 613, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.229 §6.3.14' },
  {
    name: 'SIP-Digest-Authenticate',
    code: 635,
    type: 'Grouped',
    vendorId: 10415,
    mandatory: 'mustnot',
    grouped: '{ Digest-Realm } { Digest-QoP } { Digest-HA1 } [ Digest-Algorithm ] *[ AVP ]',
    spec: 'TS 29.229 §6.3.36',
  },
];

/** TS 29.229 (Release 11): the Cx and Dx interfaces, I-CSCF/S-CSCF to HSS/SLF (Application-Id 16777216). */
export const cx = defineApplication({
  id: 16777216,
  name: '3GPP Cx/Dx',
  kind: 'auth',
  vendorId: 10415,
  spec: 'TS 29.229',
  avps: [
    ...supportedFeaturesAvps,
    ...chargingInformationAvps,
    ...imsIdentityAvps,
    ...sipAuthAvps,
    visitedNetworkIdentifier,
    ...serverAssignmentAvps,
    ...digestAvps,
    ...framedIpAddressAvps,
    framedInterfaceId,
    lineIdentifier,
    {
      name: 'Server-Capabilities',
      code: 603,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '*[ Mandatory-Capability ] *[ Optional-Capability ] *[ Server-Name ] *[ AVP ]',
      spec: 'TS 29.229 §6.3.4',
    },
    {
      name: 'Mandatory-Capability',
      code: 604,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.229 §6.3.5',
    },
    { name: 'Optional-Capability', code: 605, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.229 §6.3.6' },
    { name: 'User-Data', code: 606, type: 'OctetString', vendorId: 10415, spec: 'TS 29.229 §6.3.7' },
    {
      name: 'User-Authorization-Type',
      code: 623,
      type: 'Enumerated',
      vendorId: 10415,
      values: { REGISTRATION: 0, DE_REGISTRATION: 1, REGISTRATION_AND_CAPABILITIES: 2 },
      spec: 'TS 29.229 §6.3.24',
    },
    {
      name: 'User-Data-Already-Available',
      code: 624,
      type: 'Enumerated',
      vendorId: 10415,
      values: { USER_DATA_NOT_AVAILABLE: 0, USER_DATA_ALREADY_AVAILABLE: 1 },
      spec: 'TS 29.229 §6.3.26',
    },
    {
      name: 'Associated-Identities',
      code: 632,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '*[ User-Name ] *[ AVP ]',
      spec: 'TS 29.229 §6.3.33',
    },
    {
      name: 'Originating-Request',
      code: 633,
      type: 'Enumerated',
      vendorId: 10415,
      values: { ORIGINATING: 0 },
      spec: 'TS 29.229 §6.3.34',
    },
    {
      name: 'UAR-Flags',
      code: 637,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.44',
    },
    {
      name: 'Loose-Route-Indication',
      code: 638,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { LOOSE_ROUTE_NOT_REQUIRED: 0, LOOSE_ROUTE_REQUIRED: 1 },
      spec: 'TS 29.229 §6.3.45',
    },
    {
      name: 'SCSCF-Restoration-Info',
      code: 639,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '{ User-Name } 1*{ Restoration-Info } [ SIP-Authentication-Scheme ] *[ AVP ]',
      spec: 'TS 29.229 §6.3.46',
    },
    {
      name: 'Path',
      code: 640,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.47',
    },
    {
      name: 'Contact',
      code: 641,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.48',
    },
    {
      name: 'Subscription-Info',
      code: 642,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: `{ Call-ID-SIP-Header } { From-SIP-Header } { To-SIP-Header } { Record-Route } { Contact }
        *[ AVP ]`,
      spec: 'TS 29.229 §6.3.49',
    },
    {
      name: 'Call-ID-SIP-Header',
      code: 643,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.49.1',
    },
    {
      name: 'From-SIP-Header',
      code: 644,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.49.2',
    },
    {
      name: 'To-SIP-Header',
      code: 645,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.49.3',
    },
    {
      name: 'Record-Route',
      code: 646,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.49.4',
    },
    {
      name: 'Associated-Registered-Identities',
      code: 647,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '*[ User-Name ] *[ AVP ]',
      spec: 'TS 29.229 §6.3.50',
    },
    {
      name: 'Multiple-Registration-Indication',
      code: 648,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { NOT_MULTIPLE_REGISTRATION: 0, MULTIPLE_REGISTRATION: 1 },
      spec: 'TS 29.229 §6.3.51',
    },
    {
      name: 'Restoration-Info',
      code: 649,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: `{ Path } { Contact } [ Initial-CSeq-Sequence-Number ] [ Call-ID-SIP-Header ] [ Subscription-Info ]
        *[ AVP ]`,
      spec: 'TS 29.229 §6.3.52',
    },
    {
      name: 'Identity-with-Emergency-Registration',
      code: 651,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '{ User-Name } { Public-Identity } *[ AVP ]',
      spec: 'TS 29.229 §6.3.57',
    },
    {
      name: 'Priviledged-Sender-Indication',
      code: 652,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { NOT_PRIVILEDGED_SENDER: 0, PRIVILEDGED_SENDER: 1 },
      spec: 'TS 29.229 §6.3.58',
    },
    {
      name: 'LIA-Flags',
      code: 653,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.59',
    },
    {
      name: 'Initial-CSeq-Sequence-Number',
      code: 654,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.62',
    },
    {
      name: 'SAR-Flags',
      code: 655,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.229 §6.3.63',
    },
  ],
  commands: [
    {
      code: 300,
      name: 'User-Authorization',
      short: ['UAR', 'UAA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } { User-Name } *[ Supported-Features ]
        { Public-Identity } { Visited-Network-Identifier } [ User-Authorization-Type ] [ UAR-Flags ] *[ AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ Supported-Features ] [ Server-Name ]
        [ Server-Capabilities ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 301,
      name: 'Server-Assignment',
      short: ['SAR', 'SAA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } [ User-Name ] *[ Supported-Features ]
        *[ Public-Identity ] [ Wildcarded-Public-Identity ] { Server-Name } { Server-Assignment-Type }
        { User-Data-Already-Available } [ SCSCF-Restoration-Info ] [ Multiple-Registration-Indication ]
        [ Session-Priority ] [ SAR-Flags ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } [ User-Name ] *[ Supported-Features ]
        [ User-Data ] [ Charging-Information ] [ Associated-Identities ] [ Loose-Route-Indication ]
        *[ SCSCF-Restoration-Info ] [ Associated-Registered-Identities ] [ Server-Name ]
        [ Wildcarded-Public-Identity ] [ Priviledged-Sender-Indication ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
    },
    {
      code: 302,
      name: 'Location-Info',
      short: ['LIR', 'LIA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } [ Originating-Request ] *[ Supported-Features ]
        { Public-Identity } [ User-Authorization-Type ] [ Session-Priority ] *[ AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ Supported-Features ] [ Server-Name ]
        [ Server-Capabilities ] [ Wildcarded-Public-Identity ] [ LIA-Flags ] *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 303,
      name: 'Multimedia-Auth',
      short: ['MAR', 'MAA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Realm } [ Destination-Host ] { User-Name } *[ Supported-Features ]
        { Public-Identity } { SIP-Auth-Data-Item } { SIP-Number-Auth-Items } { Server-Name } *[ AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } [ User-Name ] *[ Supported-Features ]
        [ Public-Identity ] [ SIP-Number-Auth-Items ] *[ SIP-Auth-Data-Item ] *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 304,
      name: 'Registration-Termination',
      short: ['RTR', 'RTA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } { User-Name } [ Associated-Identities ]
        *[ Supported-Features ] *[ Public-Identity ] { Deregistration-Reason } *[ AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } [ Associated-Identities ]
        *[ Supported-Features ] *[ Identity-with-Emergency-Registration ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
    },
    {
      code: 305,
      name: 'Push-Profile',
      short: ['PPR', 'PPA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } { User-Name } *[ Supported-Features ]
        [ User-Data ] [ Charging-Information ] [ SIP-Auth-Data-Item ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ Supported-Features ] *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
  ],
});
