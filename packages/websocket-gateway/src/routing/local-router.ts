// Embedded single-instance mode: there is no other instance, so a user who is not local does not exist.
import type { Session } from '../session.js';
import type { InboundHandler, RemoteRouter } from './router.js';

export class LocalRouter implements RemoteRouter {
  readonly kind = 'local' as const;
  private handler: InboundHandler | null = null;
  attach(handler: InboundHandler): void {
    this.handler = handler;
  }
  route(sender: Session, to: string, _from: string, idJson: string): void {
    this.handler?.routed(sender, to, idJson, 'not-found');
  }
  async close(): Promise<void> {}
}
