import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMessage } from '../src/codec/encoder.js';
import { Framer } from '../src/codec/framer.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { createErrorAnswer, inspectMessage } from '../src/dictionary/validator.js';
import { DiameterError } from '../src/errors.js';
import { sampleMessage } from './support/sample-messages.js';

/**
 * Random and mutated bytes into framer → decoder → validator: every failure is a typed DiameterError or a
 * Problem with an RFC 6733 Result-Code, the framer never holds more than its maximum, and every rejected request
 * still gets an error answer that encodes.
 */
const dict = defaultDictionary();
const identity = { originHost: 'gw.example.net', originRealm: 'example.net' };
const RESULT_CODES = new Set([3001, 3007, 3008, 3009, 5001, 5004, 5005, 5008, 5009, 5011, 5014, 5015]);
const seeds = dict
  .allCommands()
  .flatMap((c) => [true, false].map((r) => encodeMessage(sampleMessage(dict, c, r))));
const MAX = 64 * 1024;

function run(bytes: Buffer): { framed: number; problems: number[] } {
  const problems: number[] = [];
  let framed = 0;
  const framer = new Framer((m) => {
    framed++;
    const { problem } = inspectMessage(m, dict);
    if (problem !== undefined) {
      problems.push(problem.resultCode);
      const answer = createErrorAnswer(m, problem, identity, dict);
      expect(encodeMessage(answer).length).toBeGreaterThan(20);
    }
  }, MAX);
  try {
    framer.push(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DiameterError);
  }
  expect(framer.bufferedBytes).toBeLessThanOrEqual(MAX);
  return { framed, problems };
}

const mutation = fc.record({
  seed: fc.nat(seeds.length - 1),
  edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
  cut: fc.option(fc.nat(), { nil: undefined }),
});

describe('fuzz', () => {
  it('random bytes never escape as an untyped exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.boolean(), (bytes, plausible) => {
        const b = Buffer.from(bytes);
        if (plausible && b.length >= 4) {
          b[0] = 1; // a version-1 header with the right length, so the decoder sees random AVPs
          b.writeUIntBE(b.length & ~3, 1, 3);
        }
        for (const code of run(b.subarray(0, plausible ? b.length & ~3 : b.length)).problems) {
          expect(RESULT_CODES.has(code)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated real messages (bytes flipped, truncated) map to RFC 6733 Result-Codes', () => {
    fc.assert(
      fc.property(mutation, ({ seed, edits, cut }) => {
        const b = Buffer.from(seeds[seed]);
        for (const [at, value] of edits) b[4 + (at % (b.length - 4))] = value; // keep the header's length word
        const bytes = cut === undefined ? b : b.subarray(0, cut % b.length);
        for (const code of run(bytes).problems) expect(RESULT_CODES.has(code)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('each kind of damage gets its own Result-Code', () => {
    const base = encodeMessage(sampleMessage(dict, dict.commandByName('CER')!, true));
    const mutate = (f: (b: Buffer) => void) => {
      const b = Buffer.from(base);
      f(b);
      return inspectMessage(b, dict).problem?.resultCode;
    };
    expect(mutate((b) => b.writeUIntBE(0xffffff, 20 + 5, 3))).toBe(5014); // huge AVP length
    expect(mutate((b) => b.writeUIntBE(3, 20 + 5, 3))).toBe(5014); // AVP length below its header
    expect(mutate((b) => (b[4] |= 0x20))).toBe(3008); // E bit on a request
    expect(mutate((b) => (b[4] |= 0x01))).toBe(3008); // reserved header bit
    expect(mutate((b) => b.writeUIntBE(7, 5, 3))).toBe(3001); // unknown command
    expect(mutate((b) => b.writeUInt32BE(77, 8))).toBe(3007); // unknown application
    // A grouped AVP whose inner AVP overruns the group: find Vendor-Specific-Application-Id (260).
    let o = 20;
    while (base.readUInt32BE(o) !== 260) o += (base.readUIntBE(o + 5, 3) + 3) & ~3;
    expect(mutate((b) => b.writeUIntBE(200, o + 8 + 5, 3))).toBe(5014);
    // Truncated: the length field promises more than there is.
    expect(inspectMessage(base.subarray(0, base.length - 8), dict).problem?.resultCode).toBe(5015);
  });

  it('a huge declared length is refused before anything is buffered', () => {
    const framer = new Framer(() => undefined, MAX);
    expect(() => framer.push(Buffer.from([1, 0xff, 0xff, 0xfc, 0x80]))).toThrow(DiameterError);
    expect(framer.bufferedBytes).toBe(0);
  });
});
