import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Framer } from '../src/codec/framer.js';
import { FramingError } from '../src/errors.js';

function message(length: number, fill: number): Buffer {
  const m = Buffer.alloc(length, fill);
  m.writeUInt32BE((1 << 24) | length, 0);
  return m;
}

describe('Framer', () => {
  it('cuts any split of a stream into the same messages', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 5, max: 300 }).map((n) => n * 4),
          { minLength: 1, maxLength: 12 },
        ),
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 }),
        (lengths, cuts) => {
          const messages = lengths.map((n, i) => message(n, i + 1));
          const stream = Buffer.concat(messages);
          const out: Buffer[] = [];
          const framer = new Framer((m) => out.push(Buffer.from(m)));
          let o = 0;
          for (let i = 0; o < stream.length; i++) {
            const n = cuts[i % cuts.length];
            framer.push(stream.subarray(o, o + n));
            o += n;
          }
          expect(out).toEqual(messages);
          expect(framer.bufferedBytes).toBe(0);
        },
      ),
    );
  });

  it('hands out a message inside one chunk as a view of that chunk, without copying', () => {
    const chunk = Buffer.concat([message(20, 1), message(24, 2)]);
    const out: Buffer[] = [];
    new Framer((m) => out.push(m)).push(chunk);
    expect(out[0].buffer).toBe(chunk.buffer);
    expect(out[1].byteOffset).toBe(chunk.byteOffset + 20);
  });

  it('copies a spanning message once, into a buffer of its exact length', () => {
    const m = message(64, 7);
    const out: Buffer[] = [];
    const framer = new Framer((x) => out.push(x));
    framer.push(m.subarray(0, 2));
    framer.push(m.subarray(2, 30));
    expect(framer.bufferedBytes).toBe(30);
    framer.push(m.subarray(30));
    expect(out[0]).toEqual(m);
    expect(out[0].buffer.byteLength).toBeGreaterThanOrEqual(64);
  });

  const cases: [string, Buffer, string][] = [
    ['version 2', Buffer.from([2, 0, 0, 20]), 'ERR_FRAME_VERSION'],
    ['length below 20', Buffer.from([1, 0, 0, 16]), 'ERR_FRAME_LENGTH_TOO_SMALL'],
    ['length not a multiple of 4', Buffer.from([1, 0, 0, 22]), 'ERR_FRAME_LENGTH_NOT_ALIGNED'],
    ['length above the maximum', Buffer.from([1, 0x10, 0, 4]), 'ERR_FRAME_TOO_LARGE'],
  ];
  for (const [what, header, code] of cases) {
    it(`rejects ${what} as soon as the 4 header bytes are in, with ${code}`, () => {
      const framer = new Framer(() => undefined, 1024 * 1024);
      // Split the header itself so the check runs on the buffered path too.
      framer.push(header.subarray(0, 1));
      let error: unknown;
      try {
        framer.push(header.subarray(1));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FramingError);
      expect((error as FramingError).code).toBe(code);
      expect(framer.bufferedBytes).toBe(0);
    });
  }

  it('honours a configured maximum', () => {
    const framer = new Framer(() => undefined, 4096);
    expect(() => framer.push(message(4100, 0))).toThrow(/exceeds the maximum of 4096/);
  });
});
