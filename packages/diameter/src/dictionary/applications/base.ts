import { defineApplication } from '../definitions.js';

/** RFC 6733: the Diameter base protocol (common messages, Application-Id 0). */
export const base = defineApplication({
  id: 0,
  name: 'Diameter Common Messages',
  kind: 'auth',
  spec: 'RFC 6733',
  avps: [
    { name: 'User-Name', code: 1, type: 'UTF8String', spec: 'RFC 6733 §8.14' },
    { name: 'Class', code: 25, type: 'OctetString', spec: 'RFC 6733 §8.20' },
    { name: 'Session-Timeout', code: 27, type: 'Unsigned32', spec: 'RFC 6733 §8.13' },
    { name: 'Proxy-State', code: 33, type: 'OctetString', spec: 'RFC 6733 §6.7.4' },
    { name: 'Acct-Session-Id', code: 44, type: 'OctetString', spec: 'RFC 6733 §9.8.4' },
    { name: 'Acct-Multi-Session-Id', code: 50, type: 'UTF8String', spec: 'RFC 6733 §9.8.5' },
    { name: 'Event-Timestamp', code: 55, type: 'Time', spec: 'RFC 6733 §8.21' },
    { name: 'Acct-Interim-Interval', code: 85, type: 'Unsigned32', spec: 'RFC 6733 §9.8.2' },
    { name: 'Host-IP-Address', code: 257, type: 'Address', spec: 'RFC 6733 §5.3.5' },
    { name: 'Auth-Application-Id', code: 258, type: 'Unsigned32', spec: 'RFC 6733 §6.8' },
    { name: 'Acct-Application-Id', code: 259, type: 'Unsigned32', spec: 'RFC 6733 §6.9' },
    {
      name: 'Vendor-Specific-Application-Id',
      code: 260,
      type: 'Grouped',
      grouped: '{ Vendor-Id } [ Auth-Application-Id ] [ Acct-Application-Id ]',
      spec: 'RFC 6733 §6.11',
    },
    {
      name: 'Redirect-Host-Usage',
      code: 261,
      type: 'Enumerated',
      values: {
        DONT_CACHE: 0,
        ALL_SESSION: 1,
        ALL_REALM: 2,
        REALM_AND_APPLICATION: 3,
        ALL_APPLICATION: 4,
        ALL_HOST: 5,
        ALL_USER: 6,
      },
      spec: 'RFC 6733 §6.13',
    },
    { name: 'Redirect-Max-Cache-Time', code: 262, type: 'Unsigned32', spec: 'RFC 6733 §6.14' },
    { name: 'Session-Id', code: 263, type: 'UTF8String', spec: 'RFC 6733 §8.8' },
    { name: 'Origin-Host', code: 264, type: 'DiameterIdentity', spec: 'RFC 6733 §6.3' },
    { name: 'Supported-Vendor-Id', code: 265, type: 'Unsigned32', spec: 'RFC 6733 §5.3.6' },
    { name: 'Vendor-Id', code: 266, type: 'Unsigned32', spec: 'RFC 6733 §5.3.3' },
    {
      name: 'Firmware-Revision',
      code: 267,
      type: 'Unsigned32',
      mandatory: 'mustnot',
      spec: 'RFC 6733 §5.3.4',
    },
    { name: 'Result-Code', code: 268, type: 'Unsigned32', spec: 'RFC 6733 §7.1' },
    { name: 'Product-Name', code: 269, type: 'UTF8String', mandatory: 'mustnot', spec: 'RFC 6733 §5.3.7' },
    { name: 'Session-Binding', code: 270, type: 'Unsigned32', spec: 'RFC 6733 §8.17' },
    {
      name: 'Session-Server-Failover',
      code: 271,
      type: 'Enumerated',
      values: { REFUSE_SERVICE: 0, TRY_AGAIN: 1, ALLOW_SERVICE: 2, TRY_AGAIN_ALLOW_SERVICE: 3 },
      spec: 'RFC 6733 §8.18',
    },
    { name: 'Multi-Round-Time-Out', code: 272, type: 'Unsigned32', spec: 'RFC 6733 §8.19' },
    {
      name: 'Disconnect-Cause',
      code: 273,
      type: 'Enumerated',
      values: { REBOOTING: 0, BUSY: 1, DO_NOT_WANT_TO_TALK_TO_YOU: 2 },
      spec: 'RFC 6733 §5.4.3',
    },
    {
      name: 'Auth-Request-Type',
      code: 274,
      type: 'Enumerated',
      values: { AUTHENTICATE_ONLY: 1, AUTHORIZE_ONLY: 2, AUTHORIZE_AUTHENTICATE: 3 },
      spec: 'RFC 6733 §8.7',
    },
    { name: 'Auth-Grace-Period', code: 276, type: 'Unsigned32', spec: 'RFC 6733 §8.10' },
    {
      name: 'Auth-Session-State',
      code: 277,
      type: 'Enumerated',
      values: { STATE_MAINTAINED: 0, NO_STATE_MAINTAINED: 1 },
      spec: 'RFC 6733 §8.11',
    },
    { name: 'Origin-State-Id', code: 278, type: 'Unsigned32', spec: 'RFC 6733 §8.16' },
    { name: 'Failed-AVP', code: 279, type: 'Grouped', grouped: '1* { AVP }', spec: 'RFC 6733 §7.5' },
    { name: 'Proxy-Host', code: 280, type: 'DiameterIdentity', spec: 'RFC 6733 §6.7.3' },
    { name: 'Error-Message', code: 281, type: 'UTF8String', mandatory: 'mustnot', spec: 'RFC 6733 §7.3' },
    { name: 'Route-Record', code: 282, type: 'DiameterIdentity', spec: 'RFC 6733 §6.7.1' },
    { name: 'Destination-Realm', code: 283, type: 'DiameterIdentity', spec: 'RFC 6733 §6.6' },
    {
      name: 'Proxy-Info',
      code: 284,
      type: 'Grouped',
      grouped: '{ Proxy-Host } { Proxy-State } *[ AVP ]',
      spec: 'RFC 6733 §6.7.2',
    },
    {
      name: 'Re-Auth-Request-Type',
      code: 285,
      type: 'Enumerated',
      values: { AUTHORIZE_ONLY: 0, AUTHORIZE_AUTHENTICATE: 1 },
      spec: 'RFC 6733 §8.12',
    },
    { name: 'Accounting-Sub-Session-Id', code: 287, type: 'Unsigned64', spec: 'RFC 6733 §9.8.6' },
    { name: 'Authorization-Lifetime', code: 291, type: 'Unsigned32', spec: 'RFC 6733 §8.9' },
    { name: 'Redirect-Host', code: 292, type: 'DiameterURI', spec: 'RFC 6733 §6.12' },
    { name: 'Destination-Host', code: 293, type: 'DiameterIdentity', spec: 'RFC 6733 §6.5' },
    {
      name: 'Error-Reporting-Host',
      code: 294,
      type: 'DiameterIdentity',
      mandatory: 'mustnot',
      spec: 'RFC 6733 §7.4',
    },
    {
      name: 'Termination-Cause',
      code: 295,
      type: 'Enumerated',
      values: {
        DIAMETER_LOGOUT: 1,
        DIAMETER_SERVICE_NOT_PROVIDED: 2,
        DIAMETER_BAD_ANSWER: 3,
        DIAMETER_ADMINISTRATIVE: 4,
        DIAMETER_LINK_BROKEN: 5,
        DIAMETER_AUTH_EXPIRED: 6,
        DIAMETER_USER_MOVED: 7,
        DIAMETER_SESSION_TIMEOUT: 8,
      },
      spec: 'RFC 6733 §8.15',
    },
    { name: 'Origin-Realm', code: 296, type: 'DiameterIdentity', spec: 'RFC 6733 §6.4' },
    {
      name: 'Experimental-Result',
      code: 297,
      type: 'Grouped',
      grouped: '{ Vendor-Id } { Experimental-Result-Code }',
      spec: 'RFC 6733 §7.6',
    },
    { name: 'Experimental-Result-Code', code: 298, type: 'Unsigned32', spec: 'RFC 6733 §7.7' },
    {
      name: 'Inband-Security-Id',
      code: 299,
      type: 'Unsigned32',
      spec: 'RFC 6733 §6.10 (values: 0 NO_INBAND_SECURITY, 1 TLS)',
    },
    {
      name: 'Accounting-Record-Type',
      code: 480,
      type: 'Enumerated',
      values: { EVENT_RECORD: 1, START_RECORD: 2, INTERIM_RECORD: 3, STOP_RECORD: 4 },
      spec: 'RFC 6733 §9.8.1',
    },
    {
      name: 'Accounting-Realtime-Required',
      code: 483,
      type: 'Enumerated',
      values: { DELIVER_AND_GRANT: 1, GRANT_AND_STORE: 2, GRANT_AND_LOSE: 3 },
      spec: 'RFC 6733 §9.8.7',
    },
    { name: 'Accounting-Record-Number', code: 485, type: 'Unsigned32', spec: 'RFC 6733 §9.8.3' },
  ],
  commands: [
    {
      code: 257,
      name: 'Capabilities-Exchange',
      short: ['CER', 'CEA'],
      proxiable: false,
      request: `{ Origin-Host } { Origin-Realm } 1*{ Host-IP-Address } { Vendor-Id } { Product-Name }
        [ Origin-State-Id ] *[ Supported-Vendor-Id ] *[ Auth-Application-Id ] *[ Inband-Security-Id ]
        *[ Acct-Application-Id ] *[ Vendor-Specific-Application-Id ] [ Firmware-Revision ] *[ AVP ]`,
      answer: `{ Result-Code } { Origin-Host } { Origin-Realm } 1*{ Host-IP-Address } { Vendor-Id } { Product-Name }
        [ Origin-State-Id ] [ Error-Message ] [ Failed-AVP ] *[ Supported-Vendor-Id ] *[ Auth-Application-Id ]
        *[ Inband-Security-Id ] *[ Acct-Application-Id ] *[ Vendor-Specific-Application-Id ] [ Firmware-Revision ]
        *[ AVP ]`,
    },
    {
      code: 258,
      name: 'Re-Auth',
      short: ['RAR', 'RAA'],
      proxiable: true,
      request: `< Session-Id > { Origin-Host } { Origin-Realm } { Destination-Realm } { Destination-Host }
        { Auth-Application-Id } { Re-Auth-Request-Type } [ User-Name ] [ Origin-State-Id ] *[ Proxy-Info ]
        *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Result-Code } { Origin-Host } { Origin-Realm } [ User-Name ] [ Origin-State-Id ]
        [ Error-Message ] [ Error-Reporting-Host ] [ Failed-AVP ] *[ Redirect-Host ] [ Redirect-Host-Usage ]
        [ Redirect-Max-Cache-Time ] *[ Proxy-Info ] *[ AVP ]`,
    },
    {
      code: 274,
      name: 'Abort-Session',
      short: ['ASR', 'ASA'],
      proxiable: true,
      request: `< Session-Id > { Origin-Host } { Origin-Realm } { Destination-Realm } { Destination-Host }
        { Auth-Application-Id } [ User-Name ] [ Origin-State-Id ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Result-Code } { Origin-Host } { Origin-Realm } [ User-Name ] [ Origin-State-Id ]
        [ Error-Message ] [ Error-Reporting-Host ] [ Failed-AVP ] *[ Redirect-Host ] [ Redirect-Host-Usage ]
        [ Redirect-Max-Cache-Time ] *[ Proxy-Info ] *[ AVP ]`,
    },
    {
      code: 275,
      name: 'Session-Termination',
      short: ['STR', 'STA'],
      proxiable: true,
      request: `< Session-Id > { Origin-Host } { Origin-Realm } { Destination-Realm } { Auth-Application-Id }
        { Termination-Cause } [ User-Name ] [ Destination-Host ] *[ Class ] [ Origin-State-Id ] *[ Proxy-Info ]
        *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Result-Code } { Origin-Host } { Origin-Realm } [ User-Name ] *[ Class ]
        [ Error-Message ] [ Error-Reporting-Host ] [ Failed-AVP ] [ Origin-State-Id ] *[ Redirect-Host ]
        [ Redirect-Host-Usage ] [ Redirect-Max-Cache-Time ] *[ Proxy-Info ] *[ AVP ]`,
    },
    {
      code: 280,
      name: 'Device-Watchdog',
      short: ['DWR', 'DWA'],
      proxiable: false,
      request: '{ Origin-Host } { Origin-Realm } [ Origin-State-Id ] *[ AVP ]',
      answer: `{ Result-Code } { Origin-Host } { Origin-Realm } [ Error-Message ] [ Failed-AVP ] [ Origin-State-Id ]
        *[ AVP ]`,
    },
    {
      code: 282,
      name: 'Disconnect-Peer',
      short: ['DPR', 'DPA'],
      proxiable: false,
      request: '{ Origin-Host } { Origin-Realm } { Disconnect-Cause } *[ AVP ]',
      answer: '{ Result-Code } { Origin-Host } { Origin-Realm } [ Error-Message ] [ Failed-AVP ] *[ AVP ]',
    },
  ],
});

/** RFC 6733 §9: base accounting (Application-Id 3), the ACR/ACA exchange. */
export const baseAccounting = defineApplication({
  id: 3,
  name: 'Diameter Base Accounting',
  kind: 'acct',
  spec: 'RFC 6733 §9',
  avps: [],
  commands: [
    {
      code: 271,
      name: 'Accounting',
      short: ['ACR', 'ACA'],
      proxiable: true,
      request: `< Session-Id > { Origin-Host } { Origin-Realm } { Destination-Realm } { Accounting-Record-Type }
        { Accounting-Record-Number } [ Acct-Application-Id ] [ Vendor-Specific-Application-Id ] [ User-Name ]
        [ Destination-Host ] [ Accounting-Sub-Session-Id ] [ Acct-Session-Id ] [ Acct-Multi-Session-Id ]
        [ Acct-Interim-Interval ] [ Accounting-Realtime-Required ] [ Origin-State-Id ] [ Event-Timestamp ]
        *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Result-Code } { Origin-Host } { Origin-Realm } { Accounting-Record-Type }
        { Accounting-Record-Number } [ Acct-Application-Id ] [ Vendor-Specific-Application-Id ] [ User-Name ]
        [ Accounting-Sub-Session-Id ] [ Acct-Session-Id ] [ Acct-Multi-Session-Id ] [ Error-Message ]
        [ Error-Reporting-Host ] [ Failed-AVP ] [ Acct-Interim-Interval ] [ Accounting-Realtime-Required ]
        [ Origin-State-Id ] [ Event-Timestamp ] *[ Proxy-Info ] *[ AVP ]`,
    },
  ],
});

/** RFC 6733 §2.9: the Relay application, advertised by relays and proxies. */
export const relay = defineApplication({
  id: 0xffffffff,
  name: 'Relay',
  kind: 'auth',
  spec: 'RFC 6733 §2.9',
  avps: [],
  commands: [],
});
