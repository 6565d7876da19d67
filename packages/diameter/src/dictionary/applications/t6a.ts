import { defineApplication } from '../definitions.js';
import { s6tCommonAvps, ts29336Avps } from './s6t.js';

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
    ...s6tCommonAvps,
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
    {
      name: 'Maximum-Retransmission-Time',
      code: 3330,
      type: 'Time',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.338 §5.3.3.22',
    },
    {
      name: 'Requested-Retransmission-Time',
      code: 3331,
      type: 'Time',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.338 §5.3.3.23',
    },
    {
      name: 'Bearer-Identifier',
      code: 1020,
      type: 'OctetString',
      vendorId: 10415,
      spec: 'TS 29.212 §5.3.20',
    },
    {
      name: 'PDN-Connection-Charging-ID',
      code: 2050,
      type: 'Unsigned32',
      vendorId: 10415,
      spec: 'TS 32.299 §7.2.150',
    },
    {
      name: '3GPP-Charging-Characteristics',
      code: 13,
      type: 'UTF8String',
      vendorId: 10415,
      spec: 'TS 29.061 §16.4.7',
    },
    {
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
    },
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
    { name: 'Visited-PLMN-Id', code: 1407, type: 'OctetString', vendorId: 10415, spec: 'TS 29.272 §7.3.9' },
    {
      name: 'EPS-Location-Information',
      code: 1496,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '*[ AVP ]',
      spec: 'TS 29.272 §7.3.111 (members in s6a.ts)',
    },
    {
      name: 'DL-Buffering-Suggested-Packet-Count',
      code: 1674,
      type: 'Integer32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.272 §7.3.188',
    },
    { name: 'Service-Selection', code: 493, type: 'UTF8String', spec: 'RFC 5778 §6.2' },
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
