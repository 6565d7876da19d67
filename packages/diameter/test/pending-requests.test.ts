import { describe, expect, it } from 'vitest';
import { PendingRequest, PendingRequests, type AnswerSink } from '../src/peer/pending-requests.js';

const sink: AnswerSink<number> = { answer: () => undefined, fail: () => undefined };

describe('PendingRequests', () => {
  it('does not hold answered requests until their deadline', () => {
    const pending = new PendingRequests(() => undefined);
    const now = Date.now();
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < 1000; i++) {
        const id = round * 1000 + i;
        pending.add(
          new PendingRequest(id, 30_000, now, sink, id, Buffer.alloc(300)) as PendingRequest<unknown>,
        );
      }
      // Answered a little out of order, as a DRA does.
      for (let i = 0; i < 1000; i += 2) {
        pending.take(round * 1000 + i + 1);
        pending.take(round * 1000 + i);
      }
    }
    expect(pending.size).toBe(0);
    expect(pending.queued).toBeLessThan(2048);
    pending.disarm();
  });

  it('expires with one timer, oldest first, per timeout value', async () => {
    const expired: number[] = [];
    const pending = new PendingRequests((r) => expired.push(r.token as number));
    const now = Date.now();
    pending.add(new PendingRequest(1, 80, now, sink, 1, Buffer.alloc(0)) as PendingRequest<unknown>);
    pending.add(new PendingRequest(2, 30, now, sink, 2, Buffer.alloc(0)) as PendingRequest<unknown>);
    pending.add(new PendingRequest(3, 80, now, sink, 3, Buffer.alloc(0)) as PendingRequest<unknown>);
    pending.take(3);
    await new Promise((r) => setTimeout(r, 150));
    expect(expired).toEqual([2, 1]);
    expect(pending.size).toBe(0);
  });

  it('keeps a straggler findable while ids move far past it, and expires it', async () => {
    const expired: number[] = [];
    const pending = new PendingRequests((r) => expired.push(r.token as number));
    const now = Date.now();
    const add = (id: number, timeout = 30_000) =>
      pending.add(new PendingRequest(id, timeout, now, sink, id, Buffer.alloc(0)) as PendingRequest<unknown>);
    // Ids near the top of the 32-bit range, wrapping, as HopByHopIds hands them out.
    const start = 0xffff_ff00;
    add(start, 60);
    // 100 000 more, answered at once: the straggler's slot is taken many times over.
    for (let n = 1; n <= 100_000; n++) {
      const id = (start + n) >>> 0;
      add(id);
      expect(pending.take(id)?.hopByHopId).toBe(id);
    }
    expect(pending.has(start)).toBe(true);
    expect(pending.has((start + 5) >>> 0)).toBe(false);
    expect(pending.size).toBe(1);
    // Many in flight at once: the table grows, every one is found.
    for (let n = 0; n < 20_000; n++) add(n * 7);
    for (let n = 0; n < 20_000; n++) expect(pending.has(n * 7)).toBe(true);
    expect(pending.size).toBe(20_001);
    for (let n = 0; n < 20_000; n++) expect(pending.take(n * 7)?.token).toBe(n * 7);
    expect(pending.take(14)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 120));
    expect(expired).toEqual([start]);
    expect(pending.size).toBe(0);
    pending.disarm();
  });

  it('drains everything in flight, oldest first', () => {
    const pending = new PendingRequests(() => undefined);
    const now = Date.now();
    for (let n = 0; n < 300; n++)
      pending.add(
        new PendingRequest(n * 64, 30_000, now + n, sink, n, Buffer.alloc(0)) as PendingRequest<unknown>,
      );
    const all = pending.drain();
    expect(all.map((r) => r.token)).toEqual(Array.from({ length: 300 }, (_, n) => n));
    expect(pending.size).toBe(0);
    expect(pending.has(64)).toBe(false);
  });
});
