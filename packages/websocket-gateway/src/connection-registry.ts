// The two maps of the seed's connection manager: every open session (for sweeps and shutdown) and
// userId -> session (for delivery). Latest wins: binding a user replaces its previous session.
import type { PresenceEntry } from './presence/presence.js';
import type { Session } from './session.js';

export class ConnectionRegistry {
  private readonly byUser = new Map<string, Session>();
  private readonly sessions = new Set<Session>();

  add(session: Session): void {
    this.sessions.add(session);
  }

  /** Bind `userId` to `session`; returns the session it replaces (to be told and closed), if any. */
  bind(userId: string, session: Session): Session | undefined {
    const prev = this.byUser.get(userId);
    this.byUser.set(userId, session);
    return prev === session ? undefined : prev;
  }

  /** Forget a session; returns true when it was the current holder of its user (so presence must be released). */
  remove(session: Session): boolean {
    this.sessions.delete(session);
    if (session.userId !== null && this.byUser.get(session.userId) === session) {
      this.byUser.delete(session.userId);
      return true;
    }
    return false;
  }

  /** Drop the user binding of a session about to close (it was replaced); keeps it counted until it closes. */
  unbind(session: Session): void {
    if (session.userId !== null && this.byUser.get(session.userId) === session)
      this.byUser.delete(session.userId);
  }

  get(userId: string): Session | undefined {
    return this.byUser.get(userId);
  }

  get connectionCount(): number {
    return this.sessions.size;
  }

  get userCount(): number {
    return this.byUser.size;
  }

  all(): IterableIterator<Session> {
    return this.sessions.values();
  }

  presenceEntries(): PresenceEntry[] {
    const out: PresenceEntry[] = [];
    for (const [userId, s] of this.byUser) out.push({ userId, ts: s.regTs });
    return out;
  }
}
