// Embedded single-instance mode: there is no other instance, so a user who is not local does not exist.
import type { RemoteRouter, RouteOutcome } from './router.js';

export class LocalRouter implements RemoteRouter {
  readonly kind = 'local' as const;
  async route(): Promise<RouteOutcome> {
    return 'not-found';
  }
  notifyUndeliverable(): void {}
  async close(): Promise<void> {}
}
