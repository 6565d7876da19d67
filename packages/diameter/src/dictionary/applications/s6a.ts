import { defineApplication } from '../definitions.js';
import { ts29336Avps } from './s6t.js';
import { cipheringKeyAvps, supportedFeaturesAvps, visitedNetworkIdentifier } from './cx.js';
import { chargedParty, pdpAddress, servedPartyIpAddress, userCsgInformationAvps } from './gy-ro.js';
import { mip6AgentInfoAvps } from './rfc5447-mip6.js';
import { timeOfDayAvps } from './rfc5777.js';
import { serviceSelection } from './rfc5778.js';
import { overloadControlAvps } from './rfc7683-overload.js';
import { drmp } from './rfc7944-drmp.js';
import { loadAvps } from './rfc8583-load.js';
import { extendedMaxRequestedBandwidthAvps, maxRequestedBandwidthAvps } from './rx.js';
import { msisdn } from './sh.js';
import { threeGppChargingCharacteristics } from './ts29061.js';
import { epsBearerQosAvps, ratType } from './ts29212.js';
import { enodebIdAvps } from './ts29217.js';
import {
  apnConfigurationAvps,
  areaIdentityAvps,
  csgId,
  dlBufferingSuggestedPacketCount,
  epsLocationInformationAvps,
  imsiGroupIdAvps,
  mmeNumberForMtSms,
  terminalInformationAvps,
  traceDataAvps,
  visitedPlmnId,
} from './ts29272.js';
import { maximumUeAvailabilityTime } from './ts29338.js';

/**
 * 3GPP TS 29.272 S6a/S6d (MME/SGSN ↔ HSS): Application-Id 16777251, vendor 10415.
 * Commands and AVPs as in TS 29.272 §7.2 / §7.3 (Rel-17 command formats). The TS 29.272 AVPs that other applications
 * share are in ts29272.ts; AVPs of other specifications come from their own files (ts29212.ts, rx.ts, cx.ts, sh.ts,
 * gy-ro.ts, s6t.ts, rfc7683-overload.ts, …). Those of other specifications that only S6a carries (GMLC-Address,
 * Emergency-Services, Active-Time, ProSe-*) are defined here, with their own specification in `spec`.
 */
export const s6a = defineApplication({
  id: 16777251,
  name: '3GPP S6a/S6d',
  kind: 'auth',
  vendorId: 10415,
  spec: 'TS 29.272',
  avps: [
    // TS 29.272 §7.3 AVPs that other applications share (ts29272.ts)
    ...terminalInformationAvps,
    visitedPlmnId,
    ...apnConfigurationAvps,
    csgId,
    ...traceDataAvps,
    ...epsLocationInformationAvps,
    ...areaIdentityAvps,
    mmeNumberForMtSms,
    dlBufferingSuggestedPacketCount,
    ...imsiGroupIdAvps,
    // AVPs of other specifications
    ...supportedFeaturesAvps,
    ...cipheringKeyAvps,
    visitedNetworkIdentifier,
    msisdn,
    threeGppChargingCharacteristics,
    servedPartyIpAddress,
    pdpAddress,
    ...userCsgInformationAvps,
    chargedParty,
    ...enodebIdAvps,
    ratType,
    ...epsBearerQosAvps,
    ...maxRequestedBandwidthAvps,
    ...extendedMaxRequestedBandwidthAvps,
    serviceSelection,
    ...mip6AgentInfoAvps,
    drmp,
    ...overloadControlAvps,
    ...loadAvps,
    maximumUeAvailabilityTime,
    ...timeOfDayAvps,
    // ---- TS 29.272 §7.3 AVPs that only S6a/S6d use ----
    {
      name: 'Subscription-Data',
      code: 1400,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `[ Subscriber-Status ] [ MSISDN ] [ A-MSISDN ] [ STN-SR ] [ ICS-Indicator ] [ Network-Access-Mode ]
        [ Operator-Determined-Barring ] [ HPLMN-ODB ] *10[ Regional-Subscription-Zone-Code ] [ Access-Restriction-Data ]
        [ APN-OI-Replacement ] [ LCS-Info ] [ Teleservice-List ] *[ Call-Barring-Info ] [ 3GPP-Charging-Characteristics ]
        [ AMBR ] [ APN-Configuration-Profile ] [ RAT-Frequency-Selection-Priority-ID ] [ Trace-Data ]
        [ GPRS-Subscription-Data ] *[ CSG-Subscription-Data ] [ Roaming-Restricted-Due-To-Unsupported-Feature ]
        [ Subscribed-Periodic-RAU-TAU-Timer ] [ MPS-Priority ] [ VPLMN-LIPA-Allowed ] [ Relay-Node-Indicator ]
        [ MDT-User-Consent ] [ Subscribed-VSRVCC ] [ ProSe-Subscription-Data ] [ Subscription-Data-Flags ]
        *[ Adjacent-Access-Restriction-Data ] [ DL-Buffering-Suggested-Packet-Count ] *[ IMSI-Group-Id ]
        [ UE-Usage-Type ] *[ AESE-Communication-Pattern ] *[ Monitoring-Event-Configuration ] [ Emergency-Info ]
        [ V2X-Subscription-Data ] [ V2X-Subscription-Data-Nr ] *[ eDRX-Cycle-Length ] [ External-Identifier ]
        [ Active-Time ] [ Service-Gap-Time ] [ Broadcast-Location-Assistance-Data-Types ]
        [ Aerial-UE-Subscription-Information ] [ Core-Network-Restrictions ] *[ Paging-Time-Window ]
        [ Subscribed-ARPI ] [ IAB-Operation-Permission ] *[ AVP ]`,
      spec: 'TS 29.272 §7.3.2',
    },
    { name: 'QoS-Subscribed', code: 1404, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.77' },
    { name: 'ULR-Flags', code: 1405, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.7' },
    { name: 'ULA-Flags', code: 1406, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.8' },
    {
      name: 'Requested-EUTRAN-Authentication-Info',
      code: 1408,
      type: 'Grouped',
      vendorId: 10415,
      grouped:
        '[ Number-Of-Requested-Vectors ] [ Immediate-Response-Preferred ] [ Re-Synchronization-Info ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.11',
    },
    {
      name: 'Requested-UTRAN-GERAN-Authentication-Info',
      code: 1409,
      type: 'Grouped',
      vendorId: 10415,
      grouped:
        '[ Number-Of-Requested-Vectors ] [ Immediate-Response-Preferred ] [ Re-Synchronization-Info ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.12',
    },
    {
      name: 'Number-Of-Requested-Vectors',
      code: 1410,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.14',
    },
    {
      name: 'Re-Synchronization-Info',
      code: 1411,
      type: 'OctetString',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.15',
    },
    {
      name: 'Immediate-Response-Preferred',
      code: 1412,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.16',
    },
    {
      name: 'Authentication-Info',
      code: 1413,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '*[ E-UTRAN-Vector ] *[ UTRAN-Vector ] *[ GERAN-Vector ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.17',
    },
    {
      name: 'E-UTRAN-Vector',
      code: 1414,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '[ Item-Number ] { RAND } { XRES } { AUTN } { KASME } *[ AVP ]',
      spec: 'TS 29.272 §7.3.18',
    },
    {
      name: 'UTRAN-Vector',
      code: 1415,
      type: 'Grouped',
      vendorId: 10415,
      grouped:
        '[ Item-Number ] { RAND } { XRES } { AUTN } { Confidentiality-Key } { Integrity-Key } *[ AVP ]',
      spec: 'TS 29.272 §7.3.19',
    },
    {
      name: 'GERAN-Vector',
      code: 1416,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '[ Item-Number ] { RAND } { SRES } { Kc } *[ AVP ]',
      spec: 'TS 29.272 §7.3.20',
    },
    {
      name: 'Network-Access-Mode',
      code: 1417,
      type: 'Enumerated',
      vendorId: 10415,
      values: { PACKET_AND_CIRCUIT: 0, Reserved: 1, ONLY_PACKET: 2 },
      spec: 'TS 29.272 §7.3.21',
    },
    { name: 'HPLMN-ODB', code: 1418, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.22' },
    { name: 'Item-Number', code: 1419, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.23' },
    {
      name: 'Cancellation-Type',
      code: 1420,
      type: 'Enumerated',
      vendorId: 10415,
      values: {
        MME_UPDATE_PROCEDURE: 0,
        SGSN_UPDATE_PROCEDURE: 1,
        SUBSCRIPTION_WITHDRAWAL: 2,
        UPDATE_PROCEDURE_IWF: 3,
        INITIAL_ATTACH_PROCEDURE: 4,
      },
      spec: 'TS 29.272 §7.3.24',
    },
    { name: 'DSR-Flags', code: 1421, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.25' },
    { name: 'DSA-Flags', code: 1422, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.26' },
    {
      name: 'Subscriber-Status',
      code: 1424,
      type: 'Enumerated',
      vendorId: 10415,
      values: { SERVICE_GRANTED: 0, OPERATOR_DETERMINED_BARRING: 1 },
      spec: 'TS 29.272 §7.3.29',
    },
    {
      name: 'Operator-Determined-Barring',
      code: 1425,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.30',
    },
    {
      name: 'Access-Restriction-Data',
      code: 1426,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.31',
    },
    {
      name: 'All-APN-Configurations-Included-Indicator',
      code: 1428,
      type: 'Enumerated',
      vendorId: 10415,
      values: { All_APN_CONFIGURATIONS_INCLUDED: 0, MODIFIED_ADDED_APN_CONFIGURATIONS_INCLUDED: 1 },
      spec: 'TS 29.272 §7.3.33',
    },
    {
      name: 'APN-Configuration-Profile',
      code: 1429,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `{ Context-Identifier } [ Additional-Context-Identifier ] { All-APN-Configurations-Included-Indicator }
        1*{ APN-Configuration } *[ AVP ]`,
      spec: 'TS 29.272 §7.3.34',
    },
    { name: 'STN-SR', code: 1433, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.39' },
    {
      name: 'Alert-Reason',
      code: 1434,
      type: 'Enumerated',
      vendorId: 10415,
      values: { UE_PRESENT: 0, UE_MEMORY_AVAILABLE: 1 },
      spec: 'TS 29.272 §7.3.83',
    },
    {
      name: 'CSG-Subscription-Data',
      code: 1436,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '{ CSG-Id } [ Expiration-Date ] *[ Service-Selection ] [ Visited-PLMN-Id ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.78',
    },
    { name: 'Expiration-Date', code: 1439, type: 'Time', vendorId: 10415, spec: 'TS 29.272 §7.3.80' },
    {
      name: 'RAT-Frequency-Selection-Priority-ID',
      code: 1440,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.46',
    },
    { name: 'IDA-Flags', code: 1441, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.47' },
    { name: 'PUA-Flags', code: 1442, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.48' },
    { name: 'NOR-Flags', code: 1443, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.49' },
    { name: 'User-Id', code: 1444, type: 'UTF8String', vendorId: 10415, spec: 'TS 29.272 §7.3.50' },
    {
      name: 'Regional-Subscription-Zone-Code',
      code: 1446,
      type: 'OctetString',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.52',
    },
    { name: 'RAND', code: 1447, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.53' },
    { name: 'XRES', code: 1448, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.54' },
    { name: 'AUTN', code: 1449, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.55' },
    { name: 'KASME', code: 1450, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.56' },
    { name: 'Kc', code: 1453, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.59' },
    { name: 'SRES', code: 1454, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.60' },
    {
      name: 'Roaming-Restricted-Due-To-Unsupported-Feature',
      code: 1457,
      type: 'Enumerated',
      vendorId: 10415,
      values: { 'Roaming-Restricted-Due-To-Unsupported-Feature': 0 },
      spec: 'TS 29.272 §7.3.81',
    },
    {
      name: 'GPRS-Subscription-Data',
      code: 1467,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '{ Complete-Data-List-Included-Indicator } 1*50{ PDP-Context } *[ AVP ]',
      spec: 'TS 29.272 §7.3.72',
    },
    {
      name: 'Complete-Data-List-Included-Indicator',
      code: 1468,
      type: 'Enumerated',
      vendorId: 10415,
      values: { All_PDP_CONTEXTS_INCLUDED: 0, MODIFIED_ADDED_PDP_CONTEXTS_INCLUDED: 1 },
      spec: 'TS 29.272 §7.3.73',
    },
    {
      name: 'PDP-Context',
      code: 1469,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `{ Context-Identifier } { PDP-Type } [ PDP-Address ] { QoS-Subscribed } [ VPLMN-Dynamic-Address-Allowed ]
        { Service-Selection } [ 3GPP-Charging-Characteristics ] [ Ext-PDP-Type ] [ Ext-PDP-Address ] [ AMBR ]
        [ APN-OI-Replacement ] [ SIPTO-Permission ] [ LIPA-Permission ] [ Restoration-Priority ]
        [ SIPTO-Local-Network-Permission ] [ Non-IP-Data-Delivery-Mechanism ] [ SCEF-ID ] *[ AVP ]`,
      spec: 'TS 29.272 §7.3.74',
    },
    { name: 'PDP-Type', code: 1470, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.75' },
    {
      name: 'LCS-Info',
      code: 1473,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '*[ GMLC-Number ] *[ LCS-PrivacyException ] *[ MO-LR ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.84',
    },
    { name: 'GMLC-Number', code: 1474, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.85' },
    {
      name: 'LCS-PrivacyException',
      code: 1475,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `{ SS-Code } { SS-Status } [ Notification-To-UE-User ] *[ External-Client ] *[ PLMN-Client ]
        *[ Service-Type ] *[ AVP ]`,
      spec: 'TS 29.272 §7.3.86',
    },
    { name: 'SS-Code', code: 1476, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.87' },
    { name: 'SS-Status', code: 1477, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.88' },
    {
      name: 'Notification-To-UE-User',
      code: 1478,
      type: 'Enumerated',
      vendorId: 10415,
      values: {
        NOTIFY_LOCATION_ALLOWED: 0,
        NOTIFYANDVERIFY_LOCATION_ALLOWED_IF_NO_RESPONSE: 1,
        NOTIFYANDVERIFY_LOCATION_NOT_ALLOWED_IF_NO_RESPONSE: 2,
        LOCATION_NOT_ALLOWED: 3,
      },
      spec: 'TS 29.272 §7.3.89',
    },
    {
      name: 'External-Client',
      code: 1479,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '{ Client-Identity } [ GMLC-Restriction ] [ Notification-To-UE-User ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.90',
    },
    { name: 'Client-Identity', code: 1480, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.91' },
    {
      name: 'GMLC-Restriction',
      code: 1481,
      type: 'Enumerated',
      vendorId: 10415,
      values: { GMLC_LIST: 0, HOME_COUNTRY: 1 },
      spec: 'TS 29.272 §7.3.92',
    },
    {
      name: 'PLMN-Client',
      code: 1482,
      type: 'Enumerated',
      vendorId: 10415,
      values: {
        BROADCAST_SERVICE: 0,
        O_AND_M_HPLMN: 1,
        O_AND_M_VPLMN: 2,
        ANONYMOUS_LOCATION: 3,
        TARGET_UE_SUBSCRIBED_SERVICE: 4,
      },
      spec: 'TS 29.272 §7.3.93',
    },
    {
      // The specification's name; Wireshark calls it 3GPP-Service-Type (RADIUS/NASREQ Service-Type is IETF code 6).
      name: 'Service-Type',
      code: 1483,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '{ ServiceTypeIdentity } [ GMLC-Restriction ] [ Notification-To-UE-User ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.94',
    },
    {
      name: 'ServiceTypeIdentity',
      code: 1484,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.95',
    },
    {
      name: 'MO-LR',
      code: 1485,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '{ SS-Code } { SS-Status } *[ AVP ]',
      spec: 'TS 29.272 §7.3.96',
    },
    {
      name: 'Teleservice-List',
      code: 1486,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '1*{ TS-Code } *[ AVP ]',
      spec: 'TS 29.272 §7.3.99',
    },
    { name: 'TS-Code', code: 1487, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.100' },
    {
      // Named Call-Barring-Info since Rel-10 (Wireshark keeps the older Call-Barring-Infor-List).
      name: 'Call-Barring-Info',
      code: 1488,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '{ SS-Code } { SS-Status } *[ AVP ]',
      spec: 'TS 29.272 §7.3.101',
    },
    { name: 'SGSN-Number', code: 1489, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.102' },
    { name: 'IDR-Flags', code: 1490, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.103' },
    {
      name: 'ICS-Indicator',
      code: 1491,
      type: 'Enumerated',
      vendorId: 10415,
      values: { FALSE: 0, TRUE: 1 },
      spec: 'TS 29.272 §7.3.104',
    },
    {
      name: 'IMS-Voice-Over-PS-Sessions-Supported',
      code: 1492,
      type: 'Enumerated',
      vendorId: 10415,
      values: { NOT_SUPPORTED: 0, SUPPORTED: 1 },
      spec: 'TS 29.272 §7.3.106',
    },
    {
      name: 'Homogeneous-Support-of-IMS-Voice-Over-PS-Sessions',
      code: 1493,
      type: 'Enumerated',
      vendorId: 10415,
      values: { NOT_SUPPORTED: 0, SUPPORTED: 1 },
      spec: 'TS 29.272 §7.3.107',
    },
    { name: 'Last-UE-Activity-Time', code: 1494, type: 'Time', vendorId: 10415, spec: 'TS 29.272 §7.3.108' },
    {
      name: 'EPS-User-State',
      code: 1495,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '[ MME-User-State ] [ SGSN-User-State ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.110',
    },
    {
      name: 'MME-User-State',
      code: 1497,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '[ User-State ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.112',
    },
    {
      name: 'SGSN-User-State',
      code: 1498,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '[ User-State ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.113',
    },
    {
      name: 'User-State',
      code: 1499,
      type: 'Enumerated',
      vendorId: 10415,
      values: {
        DETACHED: 0,
        ATTACHED_NOT_REACHABLE_FOR_PAGING: 1,
        ATTACHED_REACHABLE_FOR_PAGING: 2,
        CONNECTED_NOT_REACHABLE_FOR_PAGING: 3,
        CONNECTED_REACHABLE_FOR_PAGING: 4,
        NETWORK_DETERMINED_NOT_REACHABLE: 5,
      },
      spec: 'TS 29.272 §7.3.114',
    },
    {
      name: 'Active-APN',
      code: 1612,
      type: 'Grouped',
      vendorId: 10415,
      grouped: `{ Context-Identifier } [ Service-Selection ] [ MIP6-Agent-Info ] [ Visited-Network-Identifier ]
        *[ Specific-APN-Info ] *[ AVP ]`,
      spec: 'TS 29.272 §7.3.127',
    },
    {
      name: 'Error-Diagnostic',
      code: 1614,
      type: 'Enumerated',
      vendorId: 10415,
      values: {
        GPRS_DATA_SUBSCRIBED: 0,
        NO_GPRS_DATA_SUBSCRIBED: 1,
        'ODB-ALL-APN': 2,
        'ODB-HPLMN-APN': 3,
        'ODB-VPLMN-APN': 4,
      },
      spec: 'TS 29.272 §7.3.128',
    },
    {
      name: 'UE-SRVCC-Capability',
      code: 1615,
      type: 'Enumerated',
      vendorId: 10415,
      values: { 'UE-SRVCC-NOT-SUPPORTED': 0, 'UE-SRVCC-SUPPORTED': 1 },
      spec: 'TS 29.272 §7.3.130',
    },
    { name: 'MPS-Priority', code: 1616, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.131' },
    {
      name: 'VPLMN-LIPA-Allowed',
      code: 1617,
      type: 'Enumerated',
      vendorId: 10415,
      values: { LIPA_NOTALLOWED: 0, LIPA_ALLOWED: 1 },
      spec: 'TS 29.272 §7.3.132',
    },
    {
      name: 'Subscribed-Periodic-RAU-TAU-Timer',
      code: 1619,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 29.272 §7.3.134',
    },
    { name: 'Ext-PDP-Type', code: 1620, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.75A' },
    { name: 'Ext-PDP-Address', code: 1621, type: 'Address', vendorId: 10415, spec: 'TS 29.272 §7.3.129' },
    {
      name: 'Relay-Node-Indicator',
      code: 1633,
      type: 'Enumerated',
      vendorId: 10415,
      values: { NOT_RELAY_NODE: 0, RELAY_NODE: 1 },
      spec: 'TS 29.272 §7.3.147',
    },
    {
      name: 'MDT-User-Consent',
      code: 1634,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { CONSENT_NOT_GIVEN: 0, CONSENT_GIVEN: 1 },
      spec: 'TS 29.272 §7.3.148',
    },
    { name: 'PUR-Flags', code: 1635, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.149' },
    {
      name: 'Subscribed-VSRVCC',
      code: 1636,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { VSRVCC_SUBSCRIBED: 0 },
      spec: 'TS 29.272 §7.3.150',
    },
    {
      name: 'Equivalent-PLMN-List',
      code: 1637,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '1*{ Visited-PLMN-Id } *[ AVP ]',
      spec: 'TS 29.272 §7.3.151',
    },
    { name: 'CLR-Flags', code: 1638, type: 'Unsigned32', vendorId: 10415, spec: 'TS 29.272 §7.3.152' },
    { name: 'Time-Zone', code: 1642, type: 'UTF8String', vendorId: 10415, spec: 'TS 29.272 §7.3.163' },
    { name: 'A-MSISDN', code: 1643, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.157' },
    {
      name: 'SMS-Register-Request',
      code: 1648,
      type: 'Enumerated',
      vendorId: 10415,
      values: { SMS_REGISTRATION_REQUIRED: 0, SMS_REGISTRATION_NOT_PREFERRED: 1, NO_PREFERENCE: 2 },
      spec: 'TS 29.272 §7.3.162',
    },
    {
      name: 'Local-Time-Zone',
      code: 1649,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '{ Time-Zone } { Daylight-Saving-Time } *[ AVP ]',
      spec: 'TS 29.272 §7.3.156',
    },
    {
      name: 'Daylight-Saving-Time',
      code: 1650,
      type: 'Enumerated',
      vendorId: 10415,
      values: { NO_ADJUSTMENT: 0, PLUS_ONE_HOUR_ADJUSTMENT: 1, PLUS_TWO_HOURS_ADJUSTMENT: 2 },
      spec: 'TS 29.272 §7.3.164',
    },
    {
      name: 'Subscription-Data-Flags',
      code: 1654,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.165',
    },
    {
      name: 'SGs-MME-Identity',
      code: 1664,
      type: 'UTF8String',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.175',
    },
    {
      name: 'Coupled-Node-Diameter-ID',
      code: 1666,
      type: 'DiameterIdentity',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.177',
    },
    {
      name: 'Reset-ID',
      code: 1670,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.184',
    },
    {
      name: 'Adjacent-PLMNs',
      code: 1672,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '1*{ Visited-PLMN-Id } *[ AVP ]',
      spec: 'TS 29.272 §7.3.186',
    },
    {
      name: 'Adjacent-Access-Restriction-Data',
      code: 1673,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '{ Visited-PLMN-Id } { Access-Restriction-Data } *[ AVP ]',
      spec: 'TS 29.272 §7.3.187',
    },
    {
      name: 'AIR-Flags',
      code: 1679,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.201',
    },
    {
      name: 'UE-Usage-Type',
      code: 1680,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.202',
    },
    {
      name: 'Additional-Context-Identifier',
      code: 1683,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.206',
    },
    {
      name: 'Subscription-Data-Deletion',
      code: 1685,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: `{ DSR-Flags } [ SCEF-ID ] *[ Context-Identifier ] [ Trace-Reference ] *[ TS-Code ] *[ SS-Code ]
        *[ AVP ]`,
      spec: 'TS 29.272 §7.3.208',
    },
    {
      name: 'Emergency-Info',
      code: 1687,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '[ MIP6-Agent-Info ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.210',
    },
    {
      name: 'V2X-Subscription-Data',
      code: 1688,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '[ V2X-Permission ] [ UE-PC5-AMBR ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.211',
    },
    {
      name: 'V2X-Permission',
      code: 1689,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.212',
    },
    {
      name: 'eDRX-Cycle-Length',
      code: 1691,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '{ RAT-Type } { eDRX-Cycle-Length-Value } *[ AVP ]',
      spec: 'TS 29.272 §7.3.214',
    },
    {
      name: 'eDRX-Cycle-Length-Value',
      code: 1692,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.215',
    },
    {
      name: 'UE-PC5-AMBR',
      code: 1693,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.216',
    },
    {
      name: 'Service-Gap-Time',
      code: 1698,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.223',
    },
    {
      name: 'Aerial-UE-Subscription-Information',
      code: 1699,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.224',
    },
    {
      name: 'Broadcast-Location-Assistance-Data-Types',
      code: 1700,
      type: 'Unsigned64',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.225',
    },
    {
      name: 'Paging-Time-Window',
      code: 1701,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '{ Operation-Mode } { Paging-Time-Window-Length } *[ AVP ]',
      spec: 'TS 29.272 §7.3.226',
    },
    {
      name: 'Operation-Mode',
      code: 1702,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.227',
    },
    {
      name: 'Paging-Time-Window-Length',
      code: 1703,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.228',
    },
    {
      name: 'Core-Network-Restrictions',
      code: 1704,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.230',
    },
    {
      name: 'eDRX-Related-RAT',
      code: 1705,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '1*{ RAT-Type } *[ AVP ]',
      spec: 'TS 29.272 §7.3.229',
    },
    {
      name: 'Subscribed-ARPI',
      code: 1708,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.233',
    },
    {
      name: 'IAB-Operation-Permission',
      code: 1709,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { IAB_OPERATION_NOT_ALLOWED: 0, IAB_OPERATION_ALLOWED: 1 },
      spec: 'TS 29.272 §7.3.234',
    },
    {
      // Its members (the NR PC5 QoS parameters of TS 29.388) are left to the open `*[ AVP ]`.
      name: 'V2X-Subscription-Data-Nr',
      code: 1710,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '[ V2X-Permission ] [ UE-PC5-AMBR ] *[ AVP ]',
      spec: 'TS 29.272 §7.3.235',
    },
    {
      name: 'SF-ULR-Timestamp',
      code: 1729,
      type: 'Time',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.230',
    },
    {
      // Enumerated in the specification; its value names were not available to transcribe.
      name: 'SF-Provisional-Indication',
      code: 1730,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.231',
    },
    // ---- AVPs of other specifications that S6a/S6d carry, defined only here ----
    { name: 'GMLC-Address', code: 2405, type: 'Address', vendorId: 10415, spec: 'TS 29.173 §6.4.7' },
    {
      name: 'Emergency-Services',
      code: 1538,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.273 §5.2.3.17',
    },
    {
      name: 'Active-Time',
      code: 4324,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.128 §6.4.24',
    },
    {
      name: 'ProSe-Subscription-Data',
      code: 3701,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '{ ProSe-Permission } *[ AVP ]',
      spec: 'TS 29.344 §6.3.2',
    },
    {
      name: 'ProSe-Permission',
      code: 3702,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.344 §6.3.3',
    },
    // TS 29.336 (S6t) AVPs that S6a carries: Monitoring-Event-*, AESE-Communication-Pattern, Supported-Services, …
    ...ts29336Avps,
  ],
  commands: [
    {
      code: 316,
      name: 'Update-Location',
      short: ['ULR', 'ULA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } { User-Name } [ OC-Supported-Features ]
        *[ Supported-Features ] [ Terminal-Information ] { RAT-Type } { ULR-Flags } [ UE-SRVCC-Capability ]
        { Visited-PLMN-Id } [ SGSN-Number ] [ Homogeneous-Support-of-IMS-Voice-Over-PS-Sessions ] [ GMLC-Address ]
        *[ Active-APN ] [ Equivalent-PLMN-List ] [ MME-Number-for-MT-SMS ] [ SMS-Register-Request ]
        [ SGs-MME-Identity ] [ Coupled-Node-Diameter-ID ] [ Adjacent-PLMNs ] [ Supported-Services ]
        [ SF-ULR-Timestamp ] [ SF-Provisional-Indication ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] [ Result-Code ] [ Experimental-Result ]
        [ Error-Diagnostic ] { Auth-Session-State } { Origin-Host } { Origin-Realm } [ OC-Supported-Features ]
        [ OC-OLR ] *[ Load ] *[ Supported-Features ] [ ULA-Flags ] [ Subscription-Data ] *[ Reset-ID ] *[ AVP ]
        [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 317,
      name: 'Cancel-Location',
      short: ['CLR', 'CLA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } { User-Name } *[ Supported-Features ]
        { Cancellation-Type } [ CLR-Flags ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] *[ Supported-Features ] [ Result-Code ]
        [ Experimental-Result ] { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 318,
      name: 'Authentication-Information',
      short: ['AIR', 'AIA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } { User-Name } [ OC-Supported-Features ]
        *[ Supported-Features ] [ Requested-EUTRAN-Authentication-Info ] [ Requested-UTRAN-GERAN-Authentication-Info ]
        { Visited-PLMN-Id } [ AIR-Flags ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] [ Result-Code ] [ Experimental-Result ]
        [ Error-Diagnostic ] { Auth-Session-State } { Origin-Host } { Origin-Realm } [ OC-Supported-Features ]
        [ OC-OLR ] *[ Load ] *[ Supported-Features ] [ Authentication-Info ] [ UE-Usage-Type ] *[ AVP ]
        [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 319,
      name: 'Insert-Subscriber-Data',
      short: ['IDR', 'IDA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } { User-Name } *[ Supported-Features ]
        { Subscription-Data } [ IDR-Flags ] *[ Reset-ID ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] *[ Supported-Features ] [ Result-Code ]
        [ Experimental-Result ] { Auth-Session-State } { Origin-Host } { Origin-Realm }
        [ IMS-Voice-Over-PS-Sessions-Supported ] [ Last-UE-Activity-Time ] [ RAT-Type ] [ IDA-Flags ]
        [ EPS-User-State ] [ EPS-Location-Information ] [ Local-Time-Zone ] [ Supported-Services ]
        *[ Monitoring-Event-Report ] *[ Monitoring-Event-Config-Status ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
    },
    {
      code: 320,
      name: 'Delete-Subscriber-Data',
      short: ['DSR', 'DSA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } { User-Name } *[ Supported-Features ]
        { DSR-Flags } [ SCEF-ID ] *[ Context-Identifier ] [ Trace-Reference ] *[ TS-Code ] *[ SS-Code ]
        [ eDRX-Related-RAT ] *[ External-Identifier ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] *[ Supported-Features ] [ Result-Code ]
        [ Experimental-Result ] { Auth-Session-State } { Origin-Host } { Origin-Realm } [ DSA-Flags ] *[ AVP ]
        [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 321,
      name: 'Purge-UE',
      short: ['PUR', 'PUA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } { User-Name } [ OC-Supported-Features ]
        [ PUR-Flags ] *[ Supported-Features ] [ EPS-Location-Information ] *[ AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] *[ Supported-Features ] [ Result-Code ]
        [ Experimental-Result ] { Auth-Session-State } { Origin-Host } { Origin-Realm } [ OC-Supported-Features ]
        [ OC-OLR ] *[ Load ] [ PUA-Flags ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 322,
      name: 'Reset',
      short: ['RSR', 'RSA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } *[ Supported-Features ] *[ User-Id ]
        *[ Reset-ID ] [ Subscription-Data ] [ Subscription-Data-Deletion ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] *[ Supported-Features ] [ Result-Code ]
        [ Experimental-Result ] { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 323,
      name: 'Notify',
      short: ['NOR', 'NOA'],
      proxiable: true,
      request: `< Session-Id > [ Vendor-Specific-Application-Id ] [ DRMP ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } { User-Name } [ OC-Supported-Features ]
        *[ Supported-Features ] [ Terminal-Information ] [ MIP6-Agent-Info ] [ Visited-Network-Identifier ]
        [ Context-Identifier ] [ Service-Selection ] [ Alert-Reason ] [ UE-SRVCC-Capability ] [ NOR-Flags ]
        [ Homogeneous-Support-of-IMS-Voice-Over-PS-Sessions ] [ Maximum-UE-Availability-Time ]
        *[ Monitoring-Event-Config-Status ] [ Emergency-Services ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } [ OC-Supported-Features ] [ OC-OLR ] *[ Load ]
        *[ Supported-Features ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
    },
  ],
});
