import { defineApplication } from '../definitions.js';
import { ts29336Avps } from './s6t.js';
import { supportedFeaturesAvps } from './cx.js';
import { chargedParty, pdnConnectionChargingId, userCsgInformationAvps } from './gy-ro.js';
import { timeOfDayAvps } from './rfc5777.js';
import { serviceSelection } from './rfc5778.js';
import { overloadControlAvps } from './rfc7683-overload.js';
import { drmp } from './rfc7944-drmp.js';
import { loadAvps } from './rfc8583-load.js';
import { msisdn } from './sh.js';
import { threeGppChargingCharacteristics } from './ts29061.js';
import { bearerIdentifier, ratType } from './ts29212.js';
import { enodebIdAvps } from './ts29217.js';
import {
  areaIdentityAvps,
  csgId,
  dlBufferingSuggestedPacketCount,
  epsLocationInformationAvps,
  terminalInformationAvps,
  visitedPlmnId,
} from './ts29272.js';
import { maximumUeAvailabilityTime, retransmissionTimeAvps } from './ts29338.js';

/**
 * 3GPP TS 29.128 T6a/T6b (MME/SGSN ↔ SCEF): Application-Id 16777346, vendor 10415. Command formats of §6.2; CIR/RIR
 * reuse the TS 29.336 command codes in this application. T6a-specific grouped AVPs are given to one level with open
 * layouts.
 */
export const t6a = defineApplication({
  id: 16777346,
  name: '3GPP T6a/T6b',
  kind: 'auth',
  vendorId: 10415,
  spec: 'TS 29.128',
  avps: [
    ...ts29336Avps,
    maximumUeAvailabilityTime,
    ...retransmissionTimeAvps,
    ...timeOfDayAvps,
    chargedParty,
    msisdn,
    ...supportedFeaturesAvps,
    drmp,
    ...overloadControlAvps,
    ...loadAvps,
    bearerIdentifier,
    ratType,
    threeGppChargingCharacteristics,
    pdnConnectionChargingId,
    ...terminalInformationAvps,
    visitedPlmnId,
    ...epsLocationInformationAvps,
    ...areaIdentityAvps,
    csgId,
    ...userCsgInformationAvps,
    ...enodebIdAvps,
    dlBufferingSuggestedPacketCount,
    serviceSelection,
    {
      name: 'Serving-PLMN-Rate-Control',
      code: 4310,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '[ Uplink-Rate-Limit ] [ Downlink-Rate-Limit ] *[ AVP ]',
      spec: 'TS 29.128 §6.4.21',
    },
    {
      name: 'Uplink-Rate-Limit',
      code: 4311,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.128 §6.4.22',
    },
    {
      name: 'Downlink-Rate-Limit',
      code: 4312,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.128 §6.4.23',
    },
    {
      name: 'Extended-PCO',
      code: 4313,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.128 §6.4.26',
    },
    {
      name: 'Connection-Action',
      code: 4314,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.128 §6.4.18 (0 CONNECTION_ESTABLISHMENT, 1 CONNECTION_RELEASE, 2 CONNECTION_UPDATE)',
    },
    { name: 'Non-IP-Data', code: 4315, type: 'OctetString', vendorId: 10415, spec: 'TS 29.128 §6.4.16' },
    { name: 'SCEF-Wait-Time', code: 4316, type: 'Time', vendorId: 10415, spec: 'TS 29.128 §6.4.17' },
    {
      name: 'CMR-Flags',
      code: 4317,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.128 §6.4.19',
    },
    {
      name: 'RRC-Cause-Counter',
      code: 4318,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '*[ AVP ]',
      spec: 'TS 29.128 §6.4.27',
    },
    {
      name: 'TDA-Flags',
      code: 4321,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.128 §6.4.31',
    },
  ],
  commands: [
    {
      code: 8388718,
      name: 'Configuration-Information',
      short: ['CIR', 'CIA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] { Auth-Session-State } { Origin-Host } { Origin-Realm } [ Destination-Host ]
        { Destination-Realm } *[ Supported-Features ] *[ Monitoring-Event-Configuration ] *[ Monitoring-Event-Report ]
        [ User-Identifier ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > [ DRMP ] [ Result-Code ] [ Experimental-Result ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } *[ Supported-Features ] *[ Monitoring-Event-Report ] *[ Monitoring-Event-Config-Status ]
        [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
    },
    {
      code: 8388719,
      name: 'Reporting-Information',
      short: ['RIR', 'RIA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] { Auth-Session-State } { Origin-Host } { Origin-Realm } [ Destination-Host ]
        { Destination-Realm } [ OC-Supported-Features ] *[ Supported-Features ] [ User-Identifier ]
        *[ Monitoring-Event-Report ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > [ DRMP ] [ Result-Code ] [ Experimental-Result ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ OC-Supported-Features ] [ OC-OLR ] *[ Load ] *[ Supported-Features ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
    },
    {
      code: 8388732,
      name: 'Connection-Management',
      short: ['CMR', 'CMA'],
      proxiable: true,
      request: `< Session-Id > < User-Identifier > < Bearer-Identifier > [ DRMP ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } [ OC-Supported-Features ] [ CMR-Flags ]
        [ Maximum-UE-Availability-Time ] *[ Supported-Features ] [ Connection-Action ] [ Service-Selection ]
        [ Serving-PLMN-Rate-Control ] [ Extended-PCO ] [ 3GPP-Charging-Characteristics ] [ RAT-Type ]
        [ Terminal-Information ] [ Visited-PLMN-Id ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > [ DRMP ] [ Result-Code ] [ Experimental-Result ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ OC-Supported-Features ] [ OC-OLR ] *[ Load ] *[ Supported-Features ]
        [ PDN-Connection-Charging-ID ] [ Extended-PCO ] [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
    },
    {
      code: 8388733,
      name: 'MO-Data',
      short: ['ODR', 'ODA'],
      proxiable: true,
      request: `< Session-Id > < User-Identifier > < Bearer-Identifier > [ DRMP ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } [ OC-Supported-Features ] *[ Supported-Features ]
        [ Non-IP-Data ] *[ Proxy-Info ] *[ Route-Record ] [ RRC-Cause-Counter ] *[ AVP ]`,
      answer: `< Session-Id > [ DRMP ] [ Result-Code ] [ Experimental-Result ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ OC-Supported-Features ] [ OC-OLR ] *[ Load ] *[ Supported-Features ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
    },
    {
      code: 8388734,
      name: 'MT-Data',
      short: ['TDR', 'TDA'],
      proxiable: true,
      request: `< Session-Id > < User-Identifier > < Bearer-Identifier > [ DRMP ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } [ OC-Supported-Features ] *[ Supported-Features ]
        [ Non-IP-Data ] [ SCEF-Wait-Time ] [ Maximum-Retransmission-Time ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > [ DRMP ] [ Result-Code ] [ Experimental-Result ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ OC-Supported-Features ] [ OC-OLR ] *[ Load ] [ Requested-Retransmission-Time ]
        *[ Supported-Features ] [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ] [ TDA-Flags ] *[ AVP ]`,
    },
  ],
});
