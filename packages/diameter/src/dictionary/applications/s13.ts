import { defineApplication } from '../definitions.js';

/** 3GPP TS 29.272 S13/S13' (MME/SGSN ↔ EIR): Application-Id 16777252, vendor 10415; the ME-Identity-Check exchange. */
export const s13 = defineApplication({
  id: 16777252,
  name: "3GPP S13/S13'",
  kind: 'auth',
  vendorId: 10415,
  spec: 'TS 29.272',
  avps: [
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
    {
      name: 'Equipment-Status',
      code: 1445,
      type: 'Enumerated',
      vendorId: 10415,
      values: { WHITELISTED: 0, BLACKLISTED: 1, GREYLISTED: 2 },
      spec: 'TS 29.272 §7.3.51',
    },
    {
      name: 'DRMP',
      code: 301,
      type: 'Enumerated',
      mandatory: 'mustnot',
      values: {
        PRIORITY_0: 0,
        PRIORITY_1: 1,
        PRIORITY_2: 2,
        PRIORITY_3: 3,
        PRIORITY_4: 4,
        PRIORITY_5: 5,
        PRIORITY_6: 6,
        PRIORITY_7: 7,
        PRIORITY_8: 8,
        PRIORITY_9: 9,
        PRIORITY_10: 10,
        PRIORITY_11: 11,
        PRIORITY_12: 12,
        PRIORITY_13: 13,
        PRIORITY_14: 14,
        PRIORITY_15: 15,
      },
      spec: 'RFC 7944 §9.1',
    },
  ],
  commands: [
    {
      code: 324,
      name: 'ME-Identity-Check',
      short: ['ECR', 'ECA'],
      proxiable: true,
      request: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] { Auth-Session-State } { Origin-Host }
        { Origin-Realm } [ Destination-Host ] { Destination-Realm } { Terminal-Information } [ User-Name ] *[ AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
      answer: `< Session-Id > [ DRMP ] [ Vendor-Specific-Application-Id ] [ Result-Code ] [ Experimental-Result ]
        { Auth-Session-State } { Origin-Host } { Origin-Realm } [ Equipment-Status ] *[ AVP ] [ Failed-AVP ]
        *[ Proxy-Info ] *[ Route-Record ]`,
    },
  ],
});
