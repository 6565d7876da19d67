// Presence: which gateway holds a user. Updates are compare-and-set on the registration timestamp, so a late
// update from an older registration (cleanup after a reconnect elsewhere) never overwrites a newer one.

export interface PresenceEntry {
  readonly userId: string;
  /** Registration timestamp (RegistrationClock, microseconds). */
  readonly ts: number;
}

export interface PresenceRecord {
  readonly gateway: string;
  readonly ts: number;
}

export interface ClaimResult {
  /** False when a newer registration already holds the user. */
  readonly accepted: boolean;
  /** The gateway that held the user before, if any (it is told to close its connection when it is another one). */
  readonly previousGateway: string | null;
}

export interface Presence {
  readonly kind: 'memory' | 'redis';
  /** Set `userId -> this gateway` unless a newer registration exists. */
  claim(userId: string, ts: number): Promise<ClaimResult>;
  /** Delete the entry only if it is still this gateway's registration `ts` (never a user who moved on). */
  release(userId: string, ts: number): Promise<boolean>;
  /** Batch release (shutdown). Returns how many entries were removed. */
  releaseAll(entries: readonly PresenceEntry[]): Promise<number>;
  /**
   * Extend the TTL of this gateway's entries, re-creating missing ones (after a Redis restart).
   * Returns the userIds now held by a newer registration elsewhere: their local connections are stale.
   */
  refresh(entries: readonly PresenceEntry[]): Promise<string[]>;
  lookup(userId: string): Promise<PresenceRecord | null>;
  close(): Promise<void>;
}
