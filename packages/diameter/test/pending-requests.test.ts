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
});
