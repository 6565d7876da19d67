// Routing between instances. Local delivery is the gateway's own registry lookup and never reaches a router;
// a RemoteRouter only carries messages for users held by another instance.
//
// The hot path allocates no promise or closure per message: `route` only queues, and the outcome comes back
// through `InboundHandler.routed` with the sender passed in (the router keeps it opaque).
import type { Session } from '../session.js';

export type RouteOutcome =
  /** Published to the instance holding the recipient. */
  | 'sent'
  /** No live instance holds the recipient (no entry, stale entry, or its instance is dead). */
  | 'not-found'
  /** Redis could not be reached: the message was not sent and the sender is told so. */
  | 'unavailable';

/**
 * Result of handing an inbound message to a local user: 1 delivered; 0 absent (no local session holds the
 * user: it left, or moved to another instance); -1 failed (the user is here but its socket is closing or over
 * its send buffer limit).
 */
export type Delivery = 1 | 0 | -1;
export const DELIVERED = 1;
export const ABSENT = 0;
export const FAILED = -1;

/** What an instance receives from the others, and the outcome of its own sends. */
export interface InboundHandler {
  /** Hand a prebuilt client frame to local user `to`. */
  deliver(to: string, frame: string): Delivery;
  /** A message could not be delivered on this instance and its origin was told (counted as lost). */
  droppedInbound(): void;
  /** A newer registration of `userId` (timestamp `ts`) was made elsewhere: close the local one if older. */
  evict(userId: string, ts: number): void;
  /** A message `from` a local user could not be delivered to `to` by the instance that was meant to hold it. */
  undeliverable(from: string, to: string, idJson: string): void;
  /** Outcome of `route` for a message of `sender` (`to` and `idJson` may be left empty for 'sent'). */
  routed(sender: Session, to: string, idJson: string, outcome: RouteOutcome): void;
}

export interface RemoteRouter {
  readonly kind: 'local' | 'redis';
  /** Where inbound messages and outcomes go (the gateway; set once before any traffic). */
  attach(handler: InboundHandler): void;
  /**
   * Send `frame` (already the recipient's frame) to `to` on whichever instance holds it; `idJson` is the
   * client's message id as JSON ('' for none). The outcome is reported through `InboundHandler.routed`.
   */
  route(sender: Session, to: string, from: string, idJson: string, frame: string): void;
  close(): Promise<void>;
}
