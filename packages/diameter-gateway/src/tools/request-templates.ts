import { buildMessage, defaultDictionary, encodeMessage, headerView, type AvpInput } from '@diam/diameter';

/**
 * Request templates for the load generator: a realistic request of each preset, encoded once, whose Session-Id
 * carries a fixed-width decimal counter. Each request sent is a copy of the template with the counter digits and
 * the End-to-End id patched in place: no encoding on the hot path.
 */

export type AppPreset = 'gx' | 'gy' | 's6a';
export const APP_PRESETS: readonly AppPreset[] = ['gx', 'gy', 's6a'];

/** Auth-Application-Id of each preset. */
export const APPLICATION_IDS: Record<AppPreset, number> = { gx: 16777238, gy: 4, s6a: 16777251 };

/** Digits of the Session-Id counter: 10^12 requests before it wraps. */
export const COUNTER_DIGITS = 12;

export interface TemplateOptions {
  originHost: string;
  originRealm: string;
  destinationRealm: string;
  destinationHost?: string;
  /**
   * Distinguishes the Session-Ids of runs with the same Origin-Host (default: seconds since the epoch, process
   * id and a sequence number, so concurrent runs in one or several processes never collide).
   */
  runId?: number | string;
}

export interface RequestTemplate {
  readonly app: AppPreset;
  readonly applicationId: number;
  readonly bytes: Buffer;
  /** Offset of the first counter digit in `bytes`. */
  readonly counterOffset: number;
}

function avps(app: AppPreset, o: TemplateOptions, sessionId: string): AvpInput {
  const dest = {
    'Destination-Realm': o.destinationRealm,
    ...(o.destinationHost !== undefined && { 'Destination-Host': o.destinationHost }),
  };
  const subscription = [
    { 'Subscription-Id-Type': 'END_USER_E164', 'Subscription-Id-Data': '4917612345678' },
    { 'Subscription-Id-Type': 'END_USER_IMSI', 'Subscription-Id-Data': '262011234567890' },
  ];
  const ueInfo = {
    'User-Equipment-Info-Type': 'IMEISV',
    'User-Equipment-Info-Value': Buffer.from('5343650011325410', 'hex'),
  };
  const uli = Buffer.from('8262f210000162f21000000101', 'hex');
  switch (app) {
    case 'gx':
      return {
        'Session-Id': sessionId,
        'Auth-Application-Id': APPLICATION_IDS.gx,
        'Origin-Host': o.originHost,
        'Origin-Realm': o.originRealm,
        ...dest,
        'CC-Request-Type': 'INITIAL_REQUEST',
        'CC-Request-Number': 0,
        'Subscription-Id': subscription,
        'Network-Request-Support': 1,
        'Framed-IP-Address': Buffer.from([10, 45, 0, 17]),
        'IP-CAN-Type': 5,
        'RAT-Type': 1004,
        'User-Equipment-Info': ueInfo,
        'QoS-Information': {
          'APN-Aggregate-Max-Bitrate-UL': 50_000_000,
          'APN-Aggregate-Max-Bitrate-DL': 150_000_000,
        },
        'Default-EPS-Bearer-QoS': {
          'QoS-Class-Identifier': 9,
          'Allocation-Retention-Priority': {
            'Priority-Level': 8,
            'Pre-emption-Capability': 1,
            'Pre-emption-Vulnerability': 0,
          },
        },
        'AN-GW-Address': '192.0.2.33',
        '3GPP-User-Location-Info': uli,
        '3GPP-MS-TimeZone': Buffer.from([0x40, 0x00]),
        'Called-Station-Id': 'internet',
      };
    case 'gy':
      return {
        'Session-Id': sessionId,
        'Origin-Host': o.originHost,
        'Origin-Realm': o.originRealm,
        ...dest,
        'Auth-Application-Id': APPLICATION_IDS.gy,
        'Service-Context-Id': '32251@3gpp.org',
        'CC-Request-Type': 'INITIAL_REQUEST',
        'CC-Request-Number': 0,
        'Event-Timestamp': new Date('2026-11-26T08:00:00Z'),
        'Subscription-Id': subscription,
        'Multiple-Services-Indicator': 'MULTIPLE_SERVICES_SUPPORTED',
        'Multiple-Services-Credit-Control': {
          'Requested-Service-Unit': {},
          'Service-Identifier': 1100,
          'Rating-Group': 100,
        },
        'User-Equipment-Info': ueInfo,
        'Service-Information': {
          'PS-Information': {
            '3GPP-Charging-Id': Buffer.from([0x1a, 0x2b, 0x3c, 0x4d]),
            '3GPP-PDP-Type': 0,
            'PDP-Address': '10.45.0.17',
            'SGSN-Address': '192.0.2.33',
            'GGSN-Address': '192.0.2.1',
            '3GPP-IMSI-MCC-MNC': '26201',
            'Called-Station-Id': 'internet',
            '3GPP-User-Location-Info': uli,
            '3GPP-RAT-Type': Buffer.from([0x06]),
          },
        },
      };
    case 's6a':
      return {
        'Session-Id': sessionId,
        'Auth-Session-State': 'NO_STATE_MAINTAINED',
        'Origin-Host': o.originHost,
        'Origin-Realm': o.originRealm,
        ...dest,
        'User-Name': '262011234567890',
        'RAT-Type': 'EUTRAN',
        'ULR-Flags': 34,
        'Visited-PLMN-Id': Buffer.from([0x62, 0xf2, 0x10]),
        'Supported-Features': { 'Vendor-Id': 10415, 'Feature-List-ID': 1, 'Feature-List': 0x0800_0001 },
      };
  }
}

const COMMANDS: Record<AppPreset, string> = { gx: 'CCR', gy: 'CCR', s6a: 'ULR' };

let runSequence = 0;

export function buildTemplate(app: AppPreset, options: TemplateOptions): RequestTemplate {
  const runId = options.runId ?? `${Math.floor(Date.now() / 1000)};${process.pid}.${++runSequence}`;
  const digits = '0'.repeat(COUNTER_DIGITS);
  const prefix = `${options.originHost};${runId};`;
  const sessionId = `${prefix}${digits};${app}`;
  const applicationId = APPLICATION_IDS[app];
  const message = buildMessage(defaultDictionary(), COMMANDS[app], avps(app, options, sessionId), {
    applicationId,
  });
  const bytes = encodeMessage(message);
  const avp = headerView.findAvp(bytes, headerView.RoutingAvp.SESSION_ID);
  if (avp < 0) throw new Error('template without Session-Id');
  const counterOffset = headerView.avpDataOffset(bytes, avp) + Buffer.byteLength(prefix);
  return { app, applicationId, bytes, counterOffset };
}

/** Writes `n` as COUNTER_DIGITS decimal digits at `offset` (wrapping past 10^12). */
export function writeCounter(buf: Buffer, offset: number, n: number): void {
  let v = n;
  for (let i = offset + COUNTER_DIGITS - 1; i >= offset; i--) {
    const q = Math.floor(v / 10);
    buf[i] = 48 + (v - q * 10);
    v = q;
  }
}
