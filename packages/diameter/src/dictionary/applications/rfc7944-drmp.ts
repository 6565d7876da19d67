import type { AvpDefinition } from '../definitions.js';

/** RFC 7944 (Diameter Routing Message Priority) DRMP, used by S6a, S13, S6t and T6a. */

/** RFC 7944 §9.1 DRMP, Diameter routing message priority (S6a, S13, S6t, T6a). */
export const drmp: AvpDefinition = {
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
};
