import { setFlagsFromString } from 'node:v8';

/** The old generation may grow to this many percent over its live size before V8 starts a full collection. */
export const HEAP_GROWING_PERCENT = 300;

/**
 * Keeps V8 from running a full (mark-compact) collection after nearly every scavenge in a relay process.
 *
 * A relay's heap is small and steady (about 12 MB live) while it allocates fast in the young generation (per
 * message objects that die within a round trip). After a full collection V8 sets the next limit of the old
 * generation to live + 16 MB when its dynamic factor comes out low, and it starts incremental marking as soon as
 * the room left is no larger than the young generation's capacity, which grows under load. Once they meet,
 * marking starts after every scavenge: a mark-compact every 100-250 ms, each a 2-7 ms pause, and
 * the relay's p99 goes from about 2 ms to 10 ms. Whether a process falls into that state depended on its history
 * (an idle spell before the load was enough: V8's memory reducer then tightens the limit). A growing factor of 4
 * leaves room of three times the live size, far above the young generation.
 *
 * The flag is read whenever V8 recomputes the limit, so setting it at start-up works however the process was
 * started. An explicit --heap-growing-percent on the command line wins.
 */
export function tuneHeapForRelaying(): void {
  // Node refuses this flag in NODE_OPTIONS, so node's own arguments are the only place a user can have set it.
  if (process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/.test(a))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
