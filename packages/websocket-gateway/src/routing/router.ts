// Routing between instances. Local delivery is the gateway's own registry lookup and never reaches a router;
// a RemoteRouter only carries messages for users held by another instance.
import type { MessageId } from '../protocol.js';

export type RouteOutcome =
  /** Published to the instance holding the recipient. */
  | 'sent'
  /** No live instance holds the recipient (no entry, stale entry, or its instance is dead). */
  | 'not-found'
  /** Redis could not be reached: the message was not sent and the sender is told so. */
  | 'unavailable';

/** What an instance receives from the others. */
export interface InboundHandler {
  deliver(to: string, from: string, originGateway: string, id: MessageId | undefined, frame: string): void;
  /** A newer registration of `userId` (timestamp `ts`) was made elsewhere: close the local one if older. */
  evict(userId: string, ts: number): void;
  /** A message `from` a local user could not be delivered to `to` by the instance that was meant to hold it. */
  undeliverable(from: string, to: string, id: MessageId | undefined): void;
}

export interface RemoteRouter {
  readonly kind: 'local' | 'redis';
  route(to: string, from: string, id: MessageId | undefined, frame: string): Promise<RouteOutcome>;
  notifyUndeliverable(originGateway: string, from: string, to: string, id: MessageId | undefined): void;
  close(): Promise<void>;
}
