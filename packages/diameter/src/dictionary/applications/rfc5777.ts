import type { AvpDefinition } from '../definitions.js';

/** RFC 5777 (Traffic Classification and QoS Attributes) time-of-day AVPs that TS 29.336 reuses. */

/** RFC 5777 §4.2.8-4.2.10 (TS 29.336 Scheduled-Communication-Time: S6a, S6t, T6a). */
export const timeOfDayAvps: readonly AvpDefinition[] = [
  { name: 'Time-Of-Day-Start', code: 561, type: 'Unsigned32', spec: 'RFC 5777 §4.2.8' },
  { name: 'Time-Of-Day-End', code: 562, type: 'Unsigned32', spec: 'RFC 5777 §4.2.9' },
  { name: 'Day-Of-Week-Mask', code: 563, type: 'Unsigned32', spec: 'RFC 5777 §4.2.10' },
];
