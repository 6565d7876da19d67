import type { AvpDefinition } from '../definitions.js';

/** 3GPP TS 29.338 §5.3.3 (S6c/SGd) AVPs that TS 29.336 and TS 29.128 reuse. */

/** TS 29.338 §5.3.3.21 Maximum-UE-Availability-Time (TS 29.336 Monitoring-Event-Report, S6a, T6a). */
export const maximumUeAvailabilityTime: AvpDefinition = {
  name: 'Maximum-UE-Availability-Time',
  code: 3329,
  type: 'Time',
  vendorId: 10415,
  mandatory: 'mustnot',
  spec: 'TS 29.338 §5.3.3.21',
};

/** TS 29.338 Maximum-Retransmission-Time and Requested-Retransmission-Time (T6a). */
export const retransmissionTimeAvps: readonly AvpDefinition[] = [
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
];
