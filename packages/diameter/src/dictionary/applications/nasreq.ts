import { defineApplication, type AvpDefinition } from '../definitions.js';

/** RFC 7155 §4.4.7 Filter-Id, named in RFC 4006 Final-Unit-Indication. */
export const filterId: AvpDefinition = {
  name: 'Filter-Id',
  code: 11,
  type: 'UTF8String',
  spec: 'RFC 7155 §4.4.7',
};

/** RFC 7155 Called-Station-Id (the APN on Gx and in TS 32.299 PS-Information). */
export const calledStationId: AvpDefinition = {
  name: 'Called-Station-Id',
  code: 30,
  type: 'UTF8String',
  spec: 'RFC 7155 §4.2.5',
};

/** RFC 7155 §4.4.10.5 Framed-IP-Address and Framed-IPv6-Prefix (Gx, Rx, SIP-Auth-Data-Item). */
export const framedIpAddressAvps: readonly AvpDefinition[] = [
  { name: 'Framed-IP-Address', code: 8, type: 'OctetString', spec: 'RFC 7155 §4.4.10.5.1' },
  { name: 'Framed-IPv6-Prefix', code: 97, type: 'OctetString', spec: 'RFC 7155 §4.4.10.5.6' },
];

/** RFC 7155 §4.4.10.5.5 Framed-Interface-Id (TS 29.229 SIP-Auth-Data-Item). */
export const framedInterfaceId: AvpDefinition = {
  name: 'Framed-Interface-Id',
  code: 96,
  type: 'Unsigned64',
  spec: 'RFC 7155 §4.4.10.5.5',
};

/** RFC 7155 §4.6 Accounting-Input/Output-Octets (TS 32.299 Traffic-Data-Volumes). */
export const accountingOctetsAvps: readonly AvpDefinition[] = [
  { name: 'Accounting-Input-Octets', code: 363, type: 'Unsigned64', spec: 'RFC 7155 §4.6.1' },
  { name: 'Accounting-Output-Octets', code: 364, type: 'Unsigned64', spec: 'RFC 7155 §4.6.2' },
];

/**
 * RFC 7155: the Diameter Network Access Server application (NASREQ, Application-Id 1), the AAR/AAA exchange.
 * RAR/RAA, STR/STA, ASR/ASA and ACR/ACA reuse the base protocol's commands (RFC 7155 §3.3-3.10).
 *
 * RFC 7155 lists the values of most Enumerated AVPs by reference to the IANA RADIUS registries
 * ([RADIUSAttrVals]); the values below are the ones RFC 2865/2866/2868/2869 define for those attributes.
 * Value names are the RFC's prose names in upper case with underscores.
 */
export const nasreq = defineApplication({
  id: 1,
  name: 'Diameter Network Access Server',
  kind: 'auth',
  spec: 'RFC 7155',
  avps: [
    calledStationId,
    filterId,
    ...framedIpAddressAvps,
    framedInterfaceId,
    ...accountingOctetsAvps,
    // §4.2 NAS session AVPs
    { name: 'NAS-Port', code: 5, type: 'Unsigned32', spec: 'RFC 7155 §4.2.2' },
    { name: 'NAS-Port-Id', code: 87, type: 'UTF8String', spec: 'RFC 7155 §4.2.3' },
    {
      name: 'NAS-Port-Type',
      code: 61,
      type: 'Enumerated',
      values: {
        ASYNC: 0,
        SYNC: 1,
        ISDN_SYNC: 2,
        ISDN_ASYNC_V120: 3,
        ISDN_ASYNC_V110: 4,
        VIRTUAL: 5,
        PIAFS: 6,
        HDLC_CLEAR_CHANNEL: 7,
        X25: 8,
        X75: 9,
        G3_FAX: 10,
        SDSL: 11,
        ADSL_CAP: 12,
        ADSL_DMT: 13,
        IDSL: 14,
        ETHERNET: 15,
        XDSL: 16,
        CABLE: 17,
        WIRELESS_OTHER: 18,
        WIRELESS_IEEE_802_11: 19,
      },
      spec: 'RFC 7155 §4.2.4 (values: RFC 2865 §5.41)',
    },
    { name: 'Calling-Station-Id', code: 31, type: 'UTF8String', spec: 'RFC 7155 §4.2.6' },
    { name: 'Connect-Info', code: 77, type: 'UTF8String', spec: 'RFC 7155 §4.2.7' },
    { name: 'Originating-Line-Info', code: 94, type: 'OctetString', spec: 'RFC 7155 §4.2.8' },
    { name: 'Reply-Message', code: 18, type: 'UTF8String', spec: 'RFC 7155 §4.2.9' },
    // Used in the AAR/AAA ABNF but (an erratum) not described in RFC 7155: defined by RFC 4005 §9.3.
    { name: 'NAS-Identifier', code: 32, type: 'UTF8String', spec: 'RFC 4005 §9.3.1' },
    { name: 'NAS-IP-Address', code: 4, type: 'OctetString', spec: 'RFC 4005 §9.3.2' },
    { name: 'NAS-IPv6-Address', code: 95, type: 'OctetString', spec: 'RFC 4005 §9.3.3' },
    { name: 'State', code: 24, type: 'OctetString', spec: 'RFC 4005 §9.3.4' },
    {
      name: 'Origin-AAA-Protocol',
      code: 408,
      type: 'Enumerated',
      values: { RADIUS: 1 },
      spec: 'RFC 4005 §9.3.6 (missing from RFC 7155, see its errata)',
    },
    // §4.3 NAS authentication AVPs
    { name: 'User-Password', code: 2, type: 'OctetString', spec: 'RFC 7155 §4.3.1' },
    { name: 'Password-Retry', code: 75, type: 'Unsigned32', spec: 'RFC 7155 §4.3.2' },
    {
      name: 'Prompt',
      code: 76,
      type: 'Enumerated',
      values: { NO_ECHO: 0, ECHO: 1 },
      spec: 'RFC 7155 §4.3.3 (values: RFC 2869 §5.10)',
    },
    {
      name: 'CHAP-Auth',
      code: 402,
      type: 'Grouped',
      grouped: '{ CHAP-Algorithm } { CHAP-Ident } [ CHAP-Response ] *[ AVP ]',
      spec: 'RFC 7155 §4.3.4',
    },
    {
      name: 'CHAP-Algorithm',
      code: 403,
      type: 'Enumerated',
      values: { CHAP_WITH_MD5: 5 },
      spec: 'RFC 7155 §4.3.5',
    },
    { name: 'CHAP-Ident', code: 404, type: 'OctetString', spec: 'RFC 7155 §4.3.6' },
    { name: 'CHAP-Response', code: 405, type: 'OctetString', spec: 'RFC 7155 §4.3.7' },
    { name: 'CHAP-Challenge', code: 60, type: 'OctetString', spec: 'RFC 7155 §4.3.8' },
    { name: 'ARAP-Password', code: 70, type: 'OctetString', spec: 'RFC 7155 §4.3.9' },
    { name: 'ARAP-Challenge-Response', code: 84, type: 'OctetString', spec: 'RFC 7155 §4.3.10' },
    { name: 'ARAP-Security', code: 73, type: 'Unsigned32', spec: 'RFC 7155 §4.3.11' },
    { name: 'ARAP-Security-Data', code: 74, type: 'OctetString', spec: 'RFC 7155 §4.3.12' },
    // §4.4 NAS authorization AVPs
    {
      name: 'Service-Type',
      code: 6,
      type: 'Enumerated',
      values: {
        LOGIN: 1,
        FRAMED: 2,
        CALLBACK_LOGIN: 3,
        CALLBACK_FRAMED: 4,
        OUTBOUND: 5,
        ADMINISTRATIVE: 6,
        NAS_PROMPT: 7,
        AUTHENTICATE_ONLY: 8,
        CALLBACK_NAS_PROMPT: 9,
        CALL_CHECK: 10,
        CALLBACK_ADMINISTRATIVE: 11,
      },
      spec: 'RFC 7155 §4.4.1 (values: RFC 2865 §5.6)',
    },
    { name: 'Callback-Number', code: 19, type: 'UTF8String', spec: 'RFC 7155 §4.4.2' },
    { name: 'Callback-Id', code: 20, type: 'UTF8String', spec: 'RFC 7155 §4.4.3' },
    { name: 'Idle-Timeout', code: 28, type: 'Unsigned32', spec: 'RFC 7155 §4.4.4' },
    { name: 'Port-Limit', code: 62, type: 'Unsigned32', spec: 'RFC 7155 §4.4.5' },
    { name: 'NAS-Filter-Rule', code: 400, type: 'IPFilterRule', spec: 'RFC 7155 §4.4.6' },
    { name: 'Configuration-Token', code: 78, type: 'OctetString', spec: 'RFC 7155 §4.4.8' },
    // §4.4 flag table leaves QoS-Filter-Rule's rules blank; M is assumed as for every other NASREQ AVP.
    { name: 'QoS-Filter-Rule', code: 407, type: 'QoSFilterRule', spec: 'RFC 7155 §4.4.9' },
    {
      name: 'Framed-Protocol',
      code: 7,
      type: 'Enumerated',
      values: {
        PPP: 1,
        SLIP: 2,
        ARAP: 3,
        GANDALF_SLML: 4,
        XYLOGICS_IPX_SLIP: 5,
        X75_SYNCHRONOUS: 6,
      },
      spec: 'RFC 7155 §4.4.10.1 (values: RFC 2865 §5.7)',
    },
    {
      name: 'Framed-Routing',
      code: 10,
      type: 'Enumerated',
      values: { NONE: 0, SEND_ROUTING_PACKETS: 1, LISTEN_FOR_ROUTING_PACKETS: 2, SEND_AND_LISTEN: 3 },
      spec: 'RFC 7155 §4.4.10.2 (values: RFC 2865 §5.10)',
    },
    { name: 'Framed-MTU', code: 12, type: 'Unsigned32', spec: 'RFC 7155 §4.4.10.3' },
    {
      name: 'Framed-Compression',
      code: 13,
      type: 'Enumerated',
      values: {
        NONE: 0,
        VJ_TCP_IP_HEADER_COMPRESSION: 1,
        IPX_HEADER_COMPRESSION: 2,
        STAC_LZS_COMPRESSION: 3,
      },
      spec: 'RFC 7155 §4.4.10.4 (values: RFC 2865 §5.13)',
    },
    // RFC 7155 types the IPv4 AVPs below OctetString (RADIUS compatibility); Wireshark decodes them as Address.
    { name: 'Framed-IP-Netmask', code: 9, type: 'OctetString', spec: 'RFC 7155 §4.4.10.5.2' },
    { name: 'Framed-Route', code: 22, type: 'UTF8String', spec: 'RFC 7155 §4.4.10.5.3' },
    { name: 'Framed-Pool', code: 88, type: 'OctetString', spec: 'RFC 7155 §4.4.10.5.4' },
    { name: 'Framed-IPv6-Route', code: 99, type: 'UTF8String', spec: 'RFC 7155 §4.4.10.5.7' },
    { name: 'Framed-IPv6-Pool', code: 100, type: 'OctetString', spec: 'RFC 7155 §4.4.10.5.8' },
    // RFC 7155: Unsigned32; Wireshark: UTF8String.
    { name: 'Framed-IPX-Network', code: 23, type: 'Unsigned32', spec: 'RFC 7155 §4.4.10.6.1' },
    { name: 'Framed-Appletalk-Link', code: 37, type: 'Unsigned32', spec: 'RFC 7155 §4.4.10.7.1' },
    { name: 'Framed-Appletalk-Network', code: 38, type: 'Unsigned32', spec: 'RFC 7155 §4.4.10.7.2' },
    { name: 'Framed-Appletalk-Zone', code: 39, type: 'OctetString', spec: 'RFC 7155 §4.4.10.7.3' },
    { name: 'ARAP-Features', code: 71, type: 'OctetString', spec: 'RFC 7155 §4.4.10.8.1' },
    {
      name: 'ARAP-Zone-Access',
      code: 72,
      type: 'Enumerated',
      values: {
        ONLY_ALLOW_ACCESS_TO_DEFAULT_ZONE: 1,
        USE_ZONE_FILTER_INCLUSIVELY: 2,
        USE_ZONE_FILTER_EXCLUSIVELY: 4,
      },
      spec: 'RFC 7155 §4.4.10.8.2 (values: RFC 2869 §5.9)',
    },
    // RFC 7155: OctetString; Wireshark: Address.
    { name: 'Login-IP-Host', code: 14, type: 'OctetString', spec: 'RFC 7155 §4.4.11.1' },
    { name: 'Login-IPv6-Host', code: 98, type: 'OctetString', spec: 'RFC 7155 §4.4.11.2' },
    {
      name: 'Login-Service',
      code: 15,
      type: 'Enumerated',
      values: {
        TELNET: 0,
        RLOGIN: 1,
        TCP_CLEAR: 2,
        PORTMASTER: 3,
        LAT: 4,
        X25_PAD: 5,
        X25_T3POS: 6,
        TCP_CLEAR_QUIET: 8,
      },
      spec: 'RFC 7155 §4.4.11.3 (values: RFC 2865 §5.15)',
    },
    { name: 'Login-TCP-Port', code: 16, type: 'Unsigned32', spec: 'RFC 7155 §4.4.11.4.1' },
    { name: 'Login-LAT-Service', code: 34, type: 'OctetString', spec: 'RFC 7155 §4.4.11.5.1' },
    { name: 'Login-LAT-Node', code: 35, type: 'OctetString', spec: 'RFC 7155 §4.4.11.5.2' },
    { name: 'Login-LAT-Group', code: 36, type: 'OctetString', spec: 'RFC 7155 §4.4.11.5.3' },
    { name: 'Login-LAT-Port', code: 63, type: 'OctetString', spec: 'RFC 7155 §4.4.11.5.4' },
    // §4.5 NAS tunneling AVPs
    {
      name: 'Tunneling',
      code: 401,
      type: 'Grouped',
      grouped: `{ Tunnel-Type } { Tunnel-Medium-Type } { Tunnel-Client-Endpoint } { Tunnel-Server-Endpoint }
        [ Tunnel-Preference ] [ Tunnel-Client-Auth-Id ] [ Tunnel-Server-Auth-Id ] [ Tunnel-Assignment-Id ]
        [ Tunnel-Password ] [ Tunnel-Private-Group-Id ]`,
      spec: 'RFC 7155 §4.5.1',
    },
    {
      name: 'Tunnel-Type',
      code: 64,
      type: 'Enumerated',
      values: {
        PPTP: 1,
        L2F: 2,
        L2TP: 3,
        ATMP: 4,
        VTP: 5,
        AH: 6,
        IP_IP: 7,
        MIN_IP_IP: 8,
        ESP: 9,
        GRE: 10,
        DVS: 11,
        IP_IN_IP: 12,
      },
      spec: 'RFC 7155 §4.5.2 (values: RFC 2868 §3.1)',
    },
    {
      name: 'Tunnel-Medium-Type',
      code: 65,
      type: 'Enumerated',
      values: {
        IPV4: 1,
        IPV6: 2,
        NSAP: 3,
        HDLC: 4,
        BBN_1822: 5,
        IEEE_802: 6,
        E163: 7,
        E164: 8,
        F69: 9,
        X121: 10,
        IPX: 11,
        APPLETALK: 12,
        DECNET_IV: 13,
        BANYAN_VINES: 14,
        E164_WITH_NSAP_SUBADDRESS: 15,
      },
      spec: 'RFC 7155 §4.5.3 (values: RFC 2868 §3.2)',
    },
    { name: 'Tunnel-Client-Endpoint', code: 66, type: 'UTF8String', spec: 'RFC 7155 §4.5.4' },
    { name: 'Tunnel-Server-Endpoint', code: 67, type: 'UTF8String', spec: 'RFC 7155 §4.5.5' },
    { name: 'Tunnel-Password', code: 69, type: 'OctetString', spec: 'RFC 7155 §4.5.6' },
    { name: 'Tunnel-Private-Group-Id', code: 81, type: 'OctetString', spec: 'RFC 7155 §4.5.7' },
    { name: 'Tunnel-Assignment-Id', code: 82, type: 'OctetString', spec: 'RFC 7155 §4.5.8' },
    { name: 'Tunnel-Preference', code: 83, type: 'Unsigned32', spec: 'RFC 7155 §4.5.9' },
    { name: 'Tunnel-Client-Auth-Id', code: 90, type: 'UTF8String', spec: 'RFC 7155 §4.5.10' },
    { name: 'Tunnel-Server-Auth-Id', code: 91, type: 'UTF8String', spec: 'RFC 7155 §4.5.11' },
    // §4.6 NAS accounting AVPs (carried in the base protocol's ACR/ACA)
    { name: 'Accounting-Input-Packets', code: 365, type: 'Unsigned64', spec: 'RFC 7155 §4.6.3' },
    { name: 'Accounting-Output-Packets', code: 366, type: 'Unsigned64', spec: 'RFC 7155 §4.6.4' },
    { name: 'Acct-Session-Time', code: 46, type: 'Unsigned32', spec: 'RFC 7155 §4.6.5' },
    {
      name: 'Acct-Authentic',
      code: 45,
      type: 'Enumerated',
      values: { RADIUS: 1, LOCAL: 2, REMOTE: 3 },
      spec: 'RFC 7155 §4.6.6 (values: RFC 2866 §5.6)',
    },
    {
      name: 'Accounting-Auth-Method',
      code: 406,
      type: 'Enumerated',
      values: { PAP: 1, CHAP: 2, MS_CHAP_1: 3, MS_CHAP_2: 4, EAP: 5 },
      spec: 'RFC 7155 §4.6.7 (values: MS-Acct-Auth-Type, RFC 2548 §2.4.2)',
    },
    { name: 'Acct-Delay-Time', code: 41, type: 'Unsigned32', spec: 'RFC 7155 §4.6.8' },
    { name: 'Acct-Link-Count', code: 51, type: 'Unsigned32', spec: 'RFC 7155 §4.6.9' },
    // RFC 7155 name; Wireshark uses the RADIUS name Tunnel-Connection-ID.
    { name: 'Acct-Tunnel-Connection', code: 68, type: 'OctetString', spec: 'RFC 7155 §4.6.10' },
    { name: 'Acct-Tunnel-Packets-Lost', code: 86, type: 'Unsigned32', spec: 'RFC 7155 §4.6.11' },
  ],
  commands: [
    {
      code: 265,
      name: 'AA',
      short: ['AAR', 'AAA'],
      proxiable: true,
      request: `< Session-Id > { Auth-Application-Id } { Origin-Host } { Origin-Realm } { Destination-Realm }
        { Auth-Request-Type } [ Destination-Host ] [ NAS-Identifier ] [ NAS-IP-Address ] [ NAS-IPv6-Address ]
        [ NAS-Port ] [ NAS-Port-Id ] [ NAS-Port-Type ] [ Origin-AAA-Protocol ] [ Origin-State-Id ] [ Port-Limit ]
        [ User-Name ] [ User-Password ] [ Service-Type ] [ State ] [ Authorization-Lifetime ] [ Auth-Grace-Period ]
        [ Auth-Session-State ] [ Callback-Number ] [ Called-Station-Id ] [ Calling-Station-Id ]
        [ Originating-Line-Info ] [ Connect-Info ] [ CHAP-Auth ] [ CHAP-Challenge ] *[ Framed-Compression ]
        [ Framed-Interface-Id ] [ Framed-IP-Address ] *[ Framed-IPv6-Prefix ] [ Framed-IP-Netmask ] [ Framed-MTU ]
        [ Framed-Protocol ] [ ARAP-Password ] [ ARAP-Security ] *[ ARAP-Security-Data ] *[ Login-IP-Host ]
        *[ Login-IPv6-Host ] [ Login-LAT-Group ] [ Login-LAT-Node ] [ Login-LAT-Port ] [ Login-LAT-Service ]
        *[ Tunneling ] *[ Proxy-Info ] *[ Route-Record ] *[ AVP ]`,
      answer: `< Session-Id > { Auth-Application-Id } { Auth-Request-Type } { Result-Code } { Origin-Host }
        { Origin-Realm } [ User-Name ] [ Service-Type ] *[ Class ] *[ Configuration-Token ] [ Acct-Interim-Interval ]
        [ Error-Message ] [ Error-Reporting-Host ] *[ Failed-AVP ] [ Idle-Timeout ] [ Authorization-Lifetime ]
        [ Auth-Grace-Period ] [ Auth-Session-State ] [ Re-Auth-Request-Type ] [ Multi-Round-Time-Out ]
        [ Session-Timeout ] [ State ] *[ Reply-Message ] [ Origin-AAA-Protocol ] [ Origin-State-Id ] *[ Filter-Id ]
        [ Password-Retry ] [ Port-Limit ] [ Prompt ] [ ARAP-Challenge-Response ] [ ARAP-Features ] [ ARAP-Security ]
        *[ ARAP-Security-Data ] [ ARAP-Zone-Access ] [ Callback-Id ] [ Callback-Number ] [ Framed-Appletalk-Link ]
        *[ Framed-Appletalk-Network ] [ Framed-Appletalk-Zone ] *[ Framed-Compression ] [ Framed-Interface-Id ]
        [ Framed-IP-Address ] *[ Framed-IPv6-Prefix ] [ Framed-IPv6-Pool ] *[ Framed-IPv6-Route ]
        [ Framed-IP-Netmask ] *[ Framed-Route ] [ Framed-Pool ] [ Framed-IPX-Network ] [ Framed-MTU ]
        [ Framed-Protocol ] [ Framed-Routing ] *[ Login-IP-Host ] *[ Login-IPv6-Host ] [ Login-LAT-Group ]
        [ Login-LAT-Node ] [ Login-LAT-Port ] [ Login-LAT-Service ] [ Login-Service ] [ Login-TCP-Port ]
        *[ NAS-Filter-Rule ] *[ QoS-Filter-Rule ] *[ Tunneling ] *[ Redirect-Host ] [ Redirect-Host-Usage ]
        [ Redirect-Max-Cache-Time ] *[ Proxy-Info ] *[ AVP ]`,
    },
  ],
});
