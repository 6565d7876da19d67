import type { AvpDefinition } from '../definitions.js';
import { defineApplication } from '../definitions.js';
import { cx, sipAuthAvps, supportedFeaturesAvps } from './cx.js';
import { gi3gppAvps, gx, traceAvps } from './gx.js';

function pick(app: { readonly avps: readonly AvpDefinition[] }, ...names: string[]): AvpDefinition[] {
  return names.map((name) => {
    const def = app.avps.find((a) => a.name === name);
    if (def === undefined) throw new Error(`${name} is not defined`);
    return def;
  });
}

/**
 * TS 29.273 (Release 9 ABNF) §8: the SWx interface, 3GPP AAA server to HSS (Application-Id 16777265). Its MAR/SAR/RTR/PPR
 * reuse the Cx command codes with their own ABNF under this Application-Id.
 */
export const swx = defineApplication({
  id: 16777265,
  name: '3GPP SWx',
  kind: 'auth',
  vendorId: 10415,
  spec: 'TS 29.273',
  avps: [
    ...supportedFeaturesAvps,
    ...sipAuthAvps,
    ...traceAvps,
    ...pick({ avps: gi3gppAvps }, '3GPP-Charging-Characteristics'),
    ...pick(
      cx,
      'Visited-Network-Identifier',
      'Server-Assignment-Type',
      'Deregistration-Reason',
      'Reason-Code',
      'Reason-Info',
    ),
    ...pick(
      gx,
      'RAT-Type',
      'Subscription-Id',
      'Subscription-Id-Type',
      'Subscription-Id-Data',
      'QoS-Class-Identifier',
      'Allocation-Retention-Priority',
      'Priority-Level',
      'Pre-emption-Capability',
      'Pre-emption-Vulnerability',
      'Max-Requested-Bandwidth-UL',
      'Max-Requested-Bandwidth-DL',
    ),
    {
      name: 'Non-3GPP-User-Data',
      code: 1500,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `[ Subscription-Id ] [ Non-3GPP-IP-Access ] [ Non-3GPP-IP-Access-APN ] *[ RAT-Type ] [ Session-Timeout ]
        [ MIP6-Feature-Vector ] [ AMBR ] [ 3GPP-Charging-Characteristics ] [ Context-Identifier ]
        *[ APN-Configuration ] [ Trace-Info ] *[ AVP ]`,
      spec: 'TS 29.273 §8.2.3.1',
    },
    {
      name: 'Non-3GPP-IP-Access',
      code: 1501,
      type: 'Enumerated',
      vendorId: 10415,
      values: { NON_3GPP_SUBSCRIPTION_ALLOWED: 0, NON_3GPP_SUBSCRIPTION_BARRED: 1 },
      spec: 'TS 29.273 §8.2.3.3',
    },
    {
      name: 'Non-3GPP-IP-Access-APN',
      code: 1502,
      type: 'Enumerated',
      vendorId: 10415,
      values: { Non_3GPP_APNS_ENABLE: 0, Non_3GPP_APNS_DISABLE: 1 },
      spec: 'TS 29.273 §8.2.3.4',
    },
    { name: 'ANID', code: 1504, type: 'UTF8String', vendorId: 10415, spec: 'TS 29.273 §5.2.3.7' },
    {
      name: 'Trace-Info',
      code: 1505,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '[ Trace-Data ] [ Trace-Reference ] *[ AVP ]',
      spec: 'TS 29.273 §8.2.3.13',
    },
    {
      name: 'AAA-Failure-Indication',
      code: 1518,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.273 §8.2.3.21',
    },
    {
      name: '3GPP-AAA-Server-Name',
      code: 318,
      type: 'DiameterIdentity',
      vendorId: 10415,
      spec: 'TS 29.273 §9.2.3.1.3',
    },
    // TS 29.272 §7.3 subscription AVPs named inside Non-3GPP-User-Data (M and V set per Table 7.3.1).
    {
      name: 'APN-OI-Replacement',
      code: 1427,
      type: 'UTF8String',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.32',
    },
    {
      name: 'Context-Identifier',
      code: 1423,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.27',
    },
    {
      name: 'APN-Configuration',
      code: 1430,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `{ Context-Identifier } *2[ Served-Party-IP-Address ] { PDN-Type } { Service-Selection }
        [ EPS-Subscribed-QoS-Profile ] [ VPLMN-Dynamic-Address-Allowed ] [ MIP6-Agent-Info ]
        [ Visited-Network-Identifier ] [ PDN-GW-Allocation-Type ] [ 3GPP-Charging-Characteristics ] [ AMBR ]
        *[ Specific-APN-Info ] [ APN-OI-Replacement ] *[ AVP ]`,
      spec: 'TS 29.272 §7.3.35',
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
      grouped: '{ Max-Requested-Bandwidth-UL } { Max-Requested-Bandwidth-DL } *[ AVP ]',
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
    // TS 32.299 §7.2 Served-Party-IP-Address, inside APN-Configuration.
    {
      name: 'Served-Party-IP-Address',
      code: 848,
      type: 'Address',
      vendorId: 10415,
      spec: 'TS 32.299 §7.2.187',
    },
    // IETF mobility AVPs: RFC 5447 (MIP6-Agent-Info, MIP6-Feature-Vector), RFC 4004 (MIP-Home-Agent-*), RFC 5778.
    {
      name: 'MIP6-Agent-Info',
      code: 486,
      type: 'Grouped',
      grouped: '*2[ MIP-Home-Agent-Address ] [ MIP-Home-Agent-Host ] [ MIP6-Home-Link-Prefix ] *[ AVP ]',
      spec: 'RFC 5447 §4.2.1',
    },
    { name: 'MIP-Home-Agent-Address', code: 334, type: 'Address', spec: 'RFC 4004 §7.4' },
    {
      name: 'MIP-Home-Agent-Host',
      code: 348,
      type: 'Grouped',
      grouped: '{ Destination-Realm } { Destination-Host } *[ AVP ]',
      spec: 'RFC 4004 §7.11',
    },
    { name: 'MIP6-Home-Link-Prefix', code: 125, type: 'OctetString', spec: 'RFC 5447 §4.2.4' },
    { name: 'MIP6-Feature-Vector', code: 124, type: 'Unsigned64', spec: 'RFC 5447 §4.2.5' },
    { name: 'Service-Selection', code: 493, type: 'UTF8String', spec: 'RFC 5778 §6.2' },
  ],
  commands: [
    {
      code: 303,
      name: 'Multimedia-Auth',
      short: ['MAR', 'MAA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Realm } [ Destination-Host ] { User-Name } *[ Supported-Features ]
        { SIP-Auth-Data-Item } { SIP-Number-Auth-Items } { RAT-Type } [ ANID ] [ Visited-Network-Identifier ]
        *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } { User-Name } *[ Supported-Features ]
        [ SIP-Number-Auth-Items ] *[ SIP-Auth-Data-Item ] [ 3GPP-AAA-Server-Name ] *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 301,
      name: 'Server-Assignment',
      short: ['SAR', 'SAA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } { User-Name } *[ Supported-Features ]
        [ Service-Selection ] [ Context-Identifier ] [ MIP6-Agent-Info ] [ Visited-Network-Identifier ]
        { Server-Assignment-Type } *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } { User-Name } *[ Supported-Features ]
        [ Non-3GPP-User-Data ] [ 3GPP-AAA-Server-Name ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 304,
      name: 'Registration-Termination',
      short: ['RTR', 'RTA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } { User-Name } *[ Supported-Features ]
        { Deregistration-Reason } *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ Supported-Features ] *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 305,
      name: 'Push-Profile',
      short: ['PPR', 'PPA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } { User-Name } *[ Supported-Features ]
        [ Non-3GPP-User-Data ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ Supported-Features ] *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
  ],
});
