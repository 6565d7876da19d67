import type { ApplicationDefinition } from '../definitions.js';
import { base, baseAccounting, relay } from './base.js';
import { creditControl } from './credit-control.js';
import { cx } from './cx.js';
import { gx } from './gx.js';
import { gyRo } from './gy-ro.js';
import { nasreq } from './nasreq.js';
import { rx } from './rx.js';
import { s13 } from './s13.js';
import { s6a } from './s6a.js';
import { s6t } from './s6t.js';
import { sh } from './sh.js';
import { swx } from './swx.js';
import { t6a } from './t6a.js';

export { base, baseAccounting, relay, creditControl, nasreq, gyRo, s6a, s13, s6t, t6a, gx, rx, cx, sh, swx };

/** Every application this library ships, in the order they are added to the default dictionary. */
export const builtInApplications: readonly ApplicationDefinition[] = [
  base,
  baseAccounting,
  relay,
  creditControl,
  nasreq,
  gyRo,
  s6a,
  s13,
  s6t,
  t6a,
  gx,
  rx,
  cx,
  sh,
  swx,
];
