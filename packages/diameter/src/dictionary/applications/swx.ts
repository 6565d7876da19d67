import { defineApplication } from '../definitions.js';
import { subscriptionIdAvps } from './credit-control.js';
import { serverAssignmentAvps, sipAuthAvps, supportedFeaturesAvps, visitedNetworkIdentifier } from './cx.js';
import { lineIdentifier } from './etsi-es283034.js';
import { servedPartyIpAddress } from './gy-ro.js';
import { framedInterfaceId, framedIpAddressAvps } from './nasreq.js';
import { digestAvps } from './rfc4740-digest.js';
import { mip6AgentInfoAvps, mip6FeatureVector } from './rfc5447-mip6.js';
import { serviceSelection } from './rfc5778.js';
import { extendedMaxRequestedBandwidthAvps, maxRequestedBandwidthAvps } from './rx.js';
import { scefId } from './s6t.js';
import { threeGppChargingCharacteristics } from './ts29061.js';
import { epsBearerQosAvps, ratType } from './ts29212.js';
import { apnConfigurationAvps, areaIdentityAvps, traceDataAvps } from './ts29272.js';

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
    ...digestAvps,
    ...framedIpAddressAvps,
    framedInterfaceId,
    lineIdentifier,
    visitedNetworkIdentifier,
    ...serverAssignmentAvps,
    ...subscriptionIdAvps,
    ratType,
    ...epsBearerQosAvps,
    ...maxRequestedBandwidthAvps,
    ...extendedMaxRequestedBandwidthAvps,
    threeGppChargingCharacteristics,
    ...apnConfigurationAvps,
    ...traceDataAvps,
    ...areaIdentityAvps,
    servedPartyIpAddress,
    scefId,
    ...mip6AgentInfoAvps,
    mip6FeatureVector,
    serviceSelection,
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
