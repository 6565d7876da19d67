import { defineApplication, type AvpDefinition } from '../definitions.js';
import { imsIdentityAvps, supportedFeaturesAvps, wildcardedImpu } from './cx.js';

/** TS 29.329 §6.3.2 MSISDN (Sh, S6a, S6t, T6a). */
export const msisdn: AvpDefinition = {
  name: 'MSISDN',
  code: 701,
  type: 'OctetString',
  vendorId: 10415,
  spec: 'TS 29.329 §6.3.2',
};

/** TS 29.329 (Release 11): the Sh interface, AS to HSS (Application-Id 16777217). */
export const sh = defineApplication({
  id: 16777217,
  name: '3GPP Sh',
  kind: 'auth',
  vendorId: 10415,
  spec: 'TS 29.329',
  avps: [
    ...supportedFeaturesAvps,
    ...imsIdentityAvps,
    wildcardedImpu,
    msisdn,
    {
      name: 'User-Identity',
      code: 700,
      type: 'Grouped',
      vendorId: 10415,
      grouped: '[ Public-Identity ] [ MSISDN ] *[ AVP ]',
      spec: 'TS 29.329 §6.3.1',
    },
    // TS 29.329 §6.3.3 calls this AVP "User-Data"; TS 29.229 §6.3.7 already names code 606 "User-Data". Named
    // "Sh-User-Data" here (as Wireshark does) so both can live in one dictionary, whose ABNF names resolve globally.
    {
      name: 'Sh-User-Data',
      code: 702,
      type: 'OctetString',
      vendorId: 10415,
      spec: 'TS 29.329 §6.3.3 (User-Data)',
    },
    {
      name: 'Data-Reference',
      code: 703,
      type: 'Enumerated',
      vendorId: 10415,
      values: {
        RepositoryData: 0,
        IMSPublicIdentity: 10,
        IMSUserState: 11,
        'S-CSCFName': 12,
        InitialFilterCriteria: 13,
        LocationInformation: 14,
        UserState: 15,
        ChargingInformation: 16,
        MSISDN: 17,
        PSIActivation: 18,
        DSAI: 19,
        ServiceLevelTraceInfo: 21,
        IPAddressSecureBindingInformation: 22,
        ServicePriorityLevel: 23,
        SMSRegistrationInfo: 24,
        UEReachabilityForIP: 25,
        TADSinformation: 26,
        'STN-SR': 27,
        'UE-SRVCC-Capability': 28,
        ExtendedPriority: 29,
        CSRN: 30,
        ReferenceLocationInformation: 31,
        IMSI: 32,
        IMSPrivateUserIdentity: 33,
        IMEISV: 34,
      },
      spec: 'TS 29.329 §6.3.4',
    },
    { name: 'Service-Indication', code: 704, type: 'OctetString', vendorId: 10415, spec: 'TS 29.329 §6.3.5' },
    {
      name: 'Subs-Req-Type',
      code: 705,
      type: 'Enumerated',
      vendorId: 10415,
      values: { Subscribe: 0, Unsubscribe: 1 },
      spec: 'TS 29.329 §6.3.6',
    },
    {
      name: 'Requested-Domain',
      code: 706,
      type: 'Enumerated',
      vendorId: 10415,
      values: { 'CS-Domain': 0, 'PS-Domain': 1 },
      spec: 'TS 29.329 §6.3.7',
    },
    {
      name: 'Current-Location',
      code: 707,
      type: 'Enumerated',
      vendorId: 10415,
      values: { DoNotNeedInitiateActiveLocationRetrieval: 0, InitiateActiveLocationRetrieval: 1 },
      spec: 'TS 29.329 §6.3.8',
    },
    {
      name: 'Identity-Set',
      code: 708,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { ALL_IDENTITIES: 0, REGISTERED_IDENTITIES: 1, IMPLICIT_IDENTITIES: 2, ALIAS_IDENTITIES: 3 },
      spec: 'TS 29.329 §6.3.10',
    },
    {
      name: 'Expiry-Time',
      code: 709,
      type: 'Time',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.329 §6.3.16',
    },
    {
      name: 'Send-Data-Indication',
      code: 710,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { USER_DATA_NOT_REQUESTED: 0, USER_DATA_REQUESTED: 1 },
      spec: 'TS 29.329 §6.3.17',
    },
    { name: 'DSAI-Tag', code: 711, type: 'OctetString', vendorId: 10415, spec: 'TS 29.329 §6.3.18' },
    {
      name: 'One-Time-Notification',
      code: 712,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { ONE_TIME_NOTIFICATION_REQUESTED: 0 },
      spec: 'TS 29.329 §6.3.22',
    },
    {
      name: 'Requested-Nodes',
      code: 713,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.329 §6.3.24',
    },
    {
      name: 'Serving-Node-Indication',
      code: 714,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { ONLY_SERVING_NODES_REQUIRED: 0 },
      spec: 'TS 29.329 §6.3.25',
    },
    {
      name: 'Repository-Data-ID',
      code: 715,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '{ Service-Indication } { Sequence-Number } *[ AVP ]',
      spec: 'TS 29.329 §6.3.26',
    },
    {
      name: 'Sequence-Number',
      code: 716,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.329 §6.3.27',
    },
    {
      name: 'Pre-paging-Supported',
      code: 717,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { PREPAGING_NOT_SUPPORTED: 0, PREPAGING_SUPPORTED: 1 },
      spec: 'TS 29.329 §6.3.28',
    },
    {
      name: 'Local-Time-Zone-Indication',
      code: 718,
      type: 'Enumerated',
      vendorId: 10415,
      mandatory: 'mustnot',
      values: { ONLY_LOCAL_TIME_ZONE_REQUESTED: 0, LOCAL_TIME_ZONE_WITH_LOCATION_INFO_REQUESTED: 1 },
      spec: 'TS 29.329 §6.3.29',
    },
    // TS 29.329 §6.3.30: a bit mask of type Unsigned32 (Wireshark's dictionary says Enumerated).
    {
      name: 'UDR-Flags',
      code: 719,
      type: 'Unsigned32',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.329 §6.3.30',
    },
    {
      name: 'Call-Reference-Info',
      code: 720,
      type: 'Grouped',
      vendorId: 10415,
      mandatory: 'mustnot',
      grouped: '{ Call-Reference-Number } { AS-Number } *[ AVP ]',
      spec: 'TS 29.329 §6.3.31',
    },
    {
      name: 'Call-Reference-Number',
      code: 721,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.329 §6.3.32',
    },
    {
      name: 'AS-Number',
      code: 722,
      type: 'OctetString',
      vendorId: 10415,
      mandatory: 'mustnot',
      spec: 'TS 29.329 §6.3.33',
    },
  ],
  commands: [
    {
      code: 306,
      name: 'User-Data',
      short: ['UDR', 'UDA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } *[ Supported-Features ] { User-Identity }
        [ Wildcarded-Public-Identity ] [ Wildcarded-IMPU ] [ Server-Name ] *[ Service-Indication ]
        *{ Data-Reference } *[ Identity-Set ] [ Requested-Domain ] [ Current-Location ] *[ DSAI-Tag ]
        [ Session-Priority ] [ User-Name ] [ Requested-Nodes ] [ Serving-Node-Indication ] [ Pre-paging-Supported ]
        [ Local-Time-Zone-Indication ] [ UDR-Flags ] [ Call-Reference-Info ] *[ AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ Supported-Features ] [ Wildcarded-Public-Identity ]
        [ Wildcarded-IMPU ] [ Sh-User-Data ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
    },
    {
      code: 307,
      name: 'Profile-Update',
      short: ['PUR', 'PUA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } *[ Supported-Features ] { User-Identity }
        [ Wildcarded-Public-Identity ] [ Wildcarded-IMPU ] [ User-Name ] *{ Data-Reference } { Sh-User-Data }
        *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } [ Wildcarded-Public-Identity ] [ Wildcarded-IMPU ]
        [ Repository-Data-ID ] [ Data-Reference ] *[ Supported-Features ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
    },
    {
      code: 308,
      name: 'Subscribe-Notifications',
      short: ['SNR', 'SNA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } *[ Supported-Features ] { User-Identity }
        [ Wildcarded-Public-Identity ] [ Wildcarded-IMPU ] *[ Service-Indication ] [ Send-Data-Indication ]
        [ Server-Name ] { Subs-Req-Type } *{ Data-Reference } *[ Identity-Set ] [ Expiry-Time ] *[ DSAI-Tag ]
        [ One-Time-Notification ] [ User-Name ] *[ AVP ] *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } [ Result-Code ]
        [ Experimental-Result ] { Origin-Host } { Origin-Realm } [ Wildcarded-Public-Identity ] [ Wildcarded-IMPU ]
        *[ Supported-Features ] [ Sh-User-Data ] [ Expiry-Time ] *[ AVP ] [ Failed-AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
    },
    {
      code: 309,
      name: 'Push-Notification',
      short: ['PNR', 'PNA'],
      proxiable: true,
      request: `< Session-Id > { Vendor-Specific-Application-Id } { Auth-Session-State } { Origin-Host }
        { Origin-Realm } { Destination-Host } { Destination-Realm } *[ Supported-Features ] { User-Identity }
        [ Wildcarded-Public-Identity ] [ Wildcarded-IMPU ] [ User-Name ] { Sh-User-Data } *[ AVP ] *[ Proxy-Info ]
        *[ Route-Record ]`,
      answer: `< Session-Id > { Vendor-Specific-Application-Id } [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } *[ Supported-Features ] *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
  ],
});
