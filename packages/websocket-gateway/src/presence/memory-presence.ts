// In-memory presence for the embedded single-instance mode: the same compare-and-set rules, no TTL (entries live
// exactly as long as their connection, so there is nothing to expire).
import type { ClaimResult, Presence, PresenceEntry, PresenceRecord } from './presence.js';

export class MemoryPresence implements Presence {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, PresenceRecord>();
  constructor(private readonly gatewayId: string) {}

  async claim(userId: string, ts: number): Promise<ClaimResult> {
    const cur = this.entries.get(userId);
    if (cur && cur.ts > ts) return { accepted: false, previousGateway: cur.gateway };
    this.entries.set(userId, { gateway: this.gatewayId, ts });
    return { accepted: true, previousGateway: cur ? cur.gateway : null };
  }

  async release(userId: string, ts: number): Promise<boolean> {
    const cur = this.entries.get(userId);
    if (!cur || cur.gateway !== this.gatewayId || cur.ts !== ts) return false;
    this.entries.delete(userId);
    return true;
  }

  async releaseAll(entries: readonly PresenceEntry[]): Promise<number> {
    let n = 0;
    for (const e of entries) if (await this.release(e.userId, e.ts)) n++;
    return n;
  }

  async refresh(entries: readonly PresenceEntry[]): Promise<string[]> {
    const lost: string[] = [];
    for (const e of entries) {
      const cur = this.entries.get(e.userId);
      if (cur && cur.ts > e.ts) lost.push(e.userId);
      else this.entries.set(e.userId, { gateway: this.gatewayId, ts: e.ts });
    }
    return lost;
  }

  async lookup(userId: string): Promise<PresenceRecord | null> {
    return this.entries.get(userId) ?? null;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
