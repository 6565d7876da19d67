import type { Message } from '../src/codec/message.js';
import type { Dictionary } from '../src/dictionary/dictionary.js';
import { buildMessage, type AvpInput } from '../src/dictionary/message-builder.js';

/**
 * Messages as they appear in operator traffic, for the codec benchmark and the correctness tests: a PGW's Gy
 * CCR-Initial with MSCC and PS-Information, the OCS's CCA, a CER/CEA, a DWR, S6a AIR/AIA and ULR/ULA with
 * Subscription-Data, a Gx CCR-Initial, an Rx AAR, and a 4 KiB CCR-Update reporting 16 rating groups.
 */
export interface NamedMessage {
  readonly name: string;
  readonly message: Message;
}

const ids = { hopByHopId: 0x5a17_0001, endToEndId: 0x7c00_0001 };
const pgw = {
  'Origin-Host': 'pgw01.epc.mnc001.mcc262.3gppnetwork.org',
  'Origin-Realm': 'epc.mnc001.mcc262.3gppnetwork.org',
};
const ocs = {
  'Origin-Host': 'ocs01.epc.mnc001.mcc262.3gppnetwork.org',
  'Origin-Realm': 'epc.mnc001.mcc262.3gppnetwork.org',
};
const mme = {
  'Origin-Host': 'mme01.epc.mnc001.mcc262.3gppnetwork.org',
  'Origin-Realm': 'epc.mnc001.mcc262.3gppnetwork.org',
};
const hss = {
  'Origin-Host': 'hss01.epc.mnc001.mcc262.3gppnetwork.org',
  'Origin-Realm': 'epc.mnc001.mcc262.3gppnetwork.org',
};
const session = 'pgw01.epc.mnc001.mcc262.3gppnetwork.org;1732608000;4711;s5-gy';
const at = new Date('2026-11-26T08:00:00Z');

export function realisticMessages(dict: Dictionary): NamedMessage[] {
  const m = (name: string, command: string, avps: AvpInput, applicationId?: number): NamedMessage => ({
    name,
    message: buildMessage(dict, command, avps, {
      ...ids,
      ...(applicationId !== undefined && { applicationId }),
    }),
  });
  const psInformation = {
    '3GPP-Charging-Id': Buffer.from([0x1a, 0x2b, 0x3c, 0x4d]),
    '3GPP-PDP-Type': 0,
    'PDP-Address': '10.45.0.17',
    'SGSN-Address': '192.0.2.33',
    'GGSN-Address': '192.0.2.1',
    '3GPP-IMSI-MCC-MNC': '26201',
    '3GPP-GGSN-MCC-MNC': '26201',
    '3GPP-NSAPI': '5',
    'Called-Station-Id': 'internet',
    '3GPP-Selection-Mode': '0',
    '3GPP-Charging-Characteristics': '0800',
    '3GPP-SGSN-MCC-MNC': '26201',
    '3GPP-MS-TimeZone': Buffer.from([0x40, 0x00]),
    '3GPP-User-Location-Info': Buffer.from('8262f210000162f21000000101', 'hex'), // TAI + ECGI
    '3GPP-RAT-Type': Buffer.from([0x06]),
  };
  const mscc = (ratingGroup: number, used: boolean): AvpInput => ({
    ...(used
      ? {
          'Used-Service-Unit': {
            'CC-Time': 310,
            'CC-Total-Octets': 104_857_600n + BigInt(ratingGroup),
            'CC-Input-Octets': 4_194_304n,
            'CC-Output-Octets': 100_663_296n + BigInt(ratingGroup),
          },
        }
      : {}),
    'Requested-Service-Unit': {},
    'Service-Identifier': 1000 + ratingGroup,
    'Rating-Group': ratingGroup,
    ...(used ? { 'Reporting-Reason': 'QUOTA_EXHAUSTED' } : {}),
  });
  const ccr = (type: string, number: number, msccs: AvpInput[]): AvpInput => ({
    'Session-Id': session,
    ...pgw,
    'Destination-Realm': 'epc.mnc001.mcc262.3gppnetwork.org',
    'Auth-Application-Id': 4,
    'Service-Context-Id': '32251@3gpp.org',
    'CC-Request-Type': type,
    'CC-Request-Number': number,
    'Origin-State-Id': 1732600000,
    'Event-Timestamp': at,
    'Subscription-Id': [
      { 'Subscription-Id-Type': 'END_USER_E164', 'Subscription-Id-Data': '4917612345678' },
      { 'Subscription-Id-Type': 'END_USER_IMSI', 'Subscription-Id-Data': '262011234567890' },
    ],
    'Multiple-Services-Indicator': 'MULTIPLE_SERVICES_SUPPORTED',
    'Multiple-Services-Credit-Control': msccs,
    'User-Equipment-Info': {
      'User-Equipment-Info-Type': 'IMEISV',
      'User-Equipment-Info-Value': Buffer.from('5343650011325410', 'hex'), // IMEISV, BCD
    },
    'Service-Information': { 'PS-Information': psInformation },
  });
  const cerAvps = {
    'Host-IP-Address': ['192.0.2.1', '2001:db8::1'],
    'Vendor-Id': 10415,
    'Product-Name': 'diam-gw',
    'Origin-State-Id': 1732600000,
    'Supported-Vendor-Id': [10415, 5535, 13019],
    'Auth-Application-Id': [4, 16777238, 16777251],
    'Acct-Application-Id': 3,
    'Vendor-Specific-Application-Id': [
      { 'Vendor-Id': 10415, 'Auth-Application-Id': 16777251 },
      { 'Vendor-Id': 10415, 'Auth-Application-Id': 16777238 },
    ],
    'Firmware-Revision': 10203,
  };
  const s6aBase = {
    'Auth-Session-State': 'NO_STATE_MAINTAINED',
    ...mme,
    'Destination-Realm': 'epc.mnc001.mcc262.3gppnetwork.org',
  };
  const apn = (id: number, name: string): AvpInput => ({
    'Context-Identifier': id,
    'PDN-Type': 'IPv4v6',
    'Service-Selection': name,
    'EPS-Subscribed-QoS-Profile': {
      'QoS-Class-Identifier': 'QCI_9',
      'Allocation-Retention-Priority': {
        'Priority-Level': 8,
        'Pre-emption-Capability': 1,
        'Pre-emption-Vulnerability': 0,
      },
    },
    AMBR: { 'Max-Requested-Bandwidth-UL': 50_000_000, 'Max-Requested-Bandwidth-DL': 150_000_000 },
  });
  return [
    m('base CER', 'CER', { ...pgw, ...cerAvps }),
    m('base CEA', 'CEA', { 'Result-Code': 2001, ...ocs, ...cerAvps }),
    m('DWR', 'DWR', { ...pgw, 'Origin-State-Id': 1732600000 }),
    m('Gy CCR-Initial (MSCC, PS-Information)', 'CCR', ccr('INITIAL_REQUEST', 0, [mscc(100, false)]), 4),
    m(
      'Gy CCA-Initial',
      'CCA',
      {
        'Session-Id': session,
        'Result-Code': 2001,
        ...ocs,
        'Auth-Application-Id': 4,
        'CC-Request-Type': 'INITIAL_REQUEST',
        'CC-Request-Number': 0,
        'Multiple-Services-Credit-Control': [
          {
            'Granted-Service-Unit': { 'CC-Total-Octets': 104_857_600n, 'CC-Time': 3600 },
            'Rating-Group': 100,
            'Validity-Time': 3600,
            'Result-Code': 2001,
            'Volume-Quota-Threshold': 10_485_760,
          },
        ],
      },
      4,
    ),
    m('S6a AIR', 'AIR', {
      'Session-Id': 'mme01.epc.mnc001.mcc262.3gppnetwork.org;1732608000;99;s6a',
      ...s6aBase,
      'User-Name': '262011234567890',
      'Requested-EUTRAN-Authentication-Info': {
        'Number-Of-Requested-Vectors': 1,
        'Immediate-Response-Preferred': 0,
      },
      'Visited-PLMN-Id': Buffer.from([0x62, 0xf2, 0x10]),
    }),
    m('S6a AIA', 'AIA', {
      'Session-Id': 'mme01.epc.mnc001.mcc262.3gppnetwork.org;1732608000;99;s6a',
      'Result-Code': 2001,
      'Auth-Session-State': 'NO_STATE_MAINTAINED',
      ...hss,
      'Authentication-Info': {
        'E-UTRAN-Vector': {
          RAND: Buffer.alloc(16, 0xa5),
          XRES: Buffer.alloc(8, 0x5a),
          AUTN: Buffer.alloc(16, 0x3c),
          KASME: Buffer.alloc(32, 0xc3),
        },
      },
    }),
    m('S6a ULR', 'ULR', {
      'Session-Id': 'mme01.epc.mnc001.mcc262.3gppnetwork.org;1732608000;100;s6a',
      ...s6aBase,
      'User-Name': '262011234567890',
      'RAT-Type': 'EUTRAN',
      'ULR-Flags': 34,
      'Visited-PLMN-Id': Buffer.from([0x62, 0xf2, 0x10]),
      'Supported-Features': { 'Vendor-Id': 10415, 'Feature-List-ID': 1, 'Feature-List': 0x0800_0001 },
    }),
    m('S6a ULA (Subscription-Data)', 'ULA', {
      'Session-Id': 'mme01.epc.mnc001.mcc262.3gppnetwork.org;1732608000;100;s6a',
      'Result-Code': 2001,
      'Auth-Session-State': 'NO_STATE_MAINTAINED',
      ...hss,
      'ULA-Flags': 1,
      'Subscription-Data': {
        MSISDN: Buffer.from('9471162143f5', 'hex'),
        'Subscriber-Status': 'SERVICE_GRANTED',
        'Network-Access-Mode': 'ONLY_PACKET',
        'Access-Restriction-Data': 0,
        AMBR: { 'Max-Requested-Bandwidth-UL': 50_000_000, 'Max-Requested-Bandwidth-DL': 150_000_000 },
        'APN-Configuration-Profile': {
          'Context-Identifier': 1,
          'All-APN-Configurations-Included-Indicator': 'All_APN_CONFIGURATIONS_INCLUDED',
          'APN-Configuration': [apn(1, 'internet'), apn(2, 'ims')],
        },
        'Subscribed-Periodic-RAU-TAU-Timer': 3240,
      },
    }),
    m(
      '4 KiB CCR-Update (16 MSCC)',
      'CCR',
      ccr(
        'UPDATE_REQUEST',
        3,
        Array.from({ length: 16 }, (_, i) => mscc(100 + i, true)),
      ),
      4,
    ),
  ];
}
