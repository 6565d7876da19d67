import { defineApplication } from '../definitions.js';
import { drmp } from './rfc7944-drmp.js';
import { terminalInformationAvps } from './ts29272.js';

/** 3GPP TS 29.272 S13/S13' (MME/SGSN ↔ EIR): Application-Id 16777252, vendor 10415; the ME-Identity-Check exchange. */
export const s13 = defineApplication({
  id: 16777252,
  name: "3GPP S13/S13'",
  kind: 'auth',
  vendorId: 10415,
  spec: 'TS 29.272',
  avps: [
    ...terminalInformationAvps,
    drmp,
    {
      name: 'Equipment-Status',
      code: 1445,
      type: 'Enumerated',
      vendorId: 10415,
      values: { WHITELISTED: 0, BLACKLISTED: 1, GREYLISTED: 2 },
      spec: 'TS 29.272 §7.3.51',
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
