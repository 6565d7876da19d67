import { describe, expect, it } from 'vitest';
import { LatencyHistogram, type SparseHistogram } from '../src/latency-histogram.js';

/** A deterministic pseudo-random sequence (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Latencies in ms: mostly 0.1–1 ms, a tail up to 50 ms, and the odd extreme (0, negative, beyond the range). */
function latencies(n: number, seed: number): number[] {
  const rnd = random(seed);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = rnd();
    if (u < 0.9) xs.push(0.1 + rnd() * 0.9);
    else if (u < 0.999) xs.push(1 + rnd() * 49);
    else xs.push([0, -1, 0.0004, 3_000_000][Math.floor(rnd() * 4)]!);
  }
  return xs;
}

const QUANTILES = [0, 0.001, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 1];

function summary(h: LatencyHistogram) {
  return {
    counts: Array.from(h.counts),
    count: h.count,
    sumUs: h.sumUs,
    maxUs: h.maxUs,
    minUs: h.minUs,
    meanMs: h.meanMs,
    maxMs: h.maxMs,
    quantiles: QUANTILES.map((q) => h.quantileMs(q)),
  };
}

function recorded(xs: number[]): LatencyHistogram {
  const h = new LatencyHistogram();
  for (const x of xs) h.recordMs(x);
  return h;
}

describe('LatencyHistogram merge and sparse form', () => {
  it('merging histograms equals recording every value into one', () => {
    const a = latencies(50_000, 1);
    const b = latencies(30_000, 2).map((x) => x * 3); // a different distribution, a longer tail
    const c = latencies(1, 3);
    const all = recorded([...a, ...b, ...c]);

    const merged = recorded(a);
    merged.merge(recorded(b));
    merged.merge(recorded(c));
    merged.merge(new LatencyHistogram()); // an empty one changes nothing
    expect(summary(merged)).toEqual(summary(all));
    expect(merged.count).toBe(80_001);
    expect(merged.quantileMs(0.99)).toBeGreaterThan(recorded(a).quantileMs(0.99));

    // Into an empty histogram: min and max come from the other one.
    const fromEmpty = new LatencyHistogram();
    fromEmpty.merge(recorded(b));
    expect(summary(fromEmpty)).toEqual(summary(recorded(b)));
    expect(fromEmpty.minUs).toBe(Math.min(...b.map((x) => Math.max(0, Math.round(x * 1000)))));
  });

  it('merge keeps min, max and mean exact', () => {
    const h = recorded([0.5, 0.7]);
    h.merge(recorded([0.2, 9.25]));
    expect(h.count).toBe(4);
    expect(h.minUs).toBe(200);
    expect(h.maxUs).toBe(9250);
    expect(h.meanMs).toBeCloseTo((0.5 + 0.7 + 0.2 + 9.25) / 4, 12);
    expect(h.maxMs).toBe(9.25);
    expect(Math.abs(h.quantileMs(1) - 9.25) / 9.25).toBeLessThan(0.008); // a bucket's middle, at most the max
  });

  it('merge refuses to overflow a bucket and leaves the histogram unchanged', () => {
    const h = recorded([0.1]);
    const big = recorded([0.1]);
    big.counts[100] = 0xffff_ffff;
    expect(() => h.merge(big)).toThrow(RangeError);
    expect(h.counts[100]).toBe(1);
    expect(h.count).toBe(1);
  });

  it('the sparse form round-trips exactly, through JSON', () => {
    for (const h of [recorded(latencies(20_000, 4)), recorded([0.003]), new LatencyHistogram()]) {
      const sparse = h.toSparse();
      const back = LatencyHistogram.fromSparse(JSON.parse(JSON.stringify(sparse)) as SparseHistogram);
      expect(summary(back)).toEqual(summary(h));
      expect(back.toSparse()).toEqual(sparse);
    }
    const empty = new LatencyHistogram().toSparse();
    expect(empty).toEqual({ buckets: [], count: 0, sumUs: 0, maxUs: 0, minUs: 0 });
    expect(LatencyHistogram.fromSparse(empty).minUs).toBe(Infinity);

    // Compact: only the non-zero buckets, as ascending index,count pairs.
    const s = recorded([0.1, 0.1, 0.25, 40]).toSparse();
    expect(s.buckets.length).toBe(6);
    expect(s.buckets[0]).toBe(100);
    expect(s.buckets[1]).toBe(2);
    expect(s.buckets[2]).toBe(250);
    expect(s.buckets[3]).toBe(1);
    expect(s.buckets[4]!).toBeGreaterThan(250);
    expect(s.buckets[5]).toBe(1);
    expect({ count: s.count, sumUs: s.sumUs, minUs: s.minUs, maxUs: s.maxUs }).toEqual({
      count: 4,
      sumUs: 40_450,
      minUs: 100,
      maxUs: 40_000,
    });
  });

  it('fromSparse rejects what toSparse cannot have produced', () => {
    const good = recorded([0.1, 0.1, 0.25, 40]).toSparse(); // buckets [100, 2, 250, 1, i, 1]
    const last = good.buckets[4]!;
    const bad: [string, unknown][] = [
      ['odd length', { ...good, buckets: [100, 2, 250] }],
      ['index below range', { ...good, buckets: [-1, 2, 250, 1, last, 1] }],
      ['index beyond range', { ...good, buckets: [100, 2, 250, 1, 3200, 1] }],
      ['fractional index', { ...good, buckets: [100.5, 2, 250, 1, last, 1] }],
      ['index not a number', { ...good, buckets: ['100', 2, 250, 1, last, 1] }],
      ['indexes descending', { ...good, buckets: [250, 1, 100, 2, last, 1] }],
      ['index repeated', { ...good, buckets: [100, 1, 100, 1, 250, 1, last, 1] }],
      ['negative count', { ...good, buckets: [100, -2, 250, 1, last, 1], count: 0 }],
      ['fractional count', { ...good, buckets: [100, 1.5, 250, 1, last, 1.5] }],
      ['count NaN', { ...good, buckets: [100, NaN, 250, 1, last, 1] }],
      ['count beyond 32 bits', { ...good, buckets: [100, 2 ** 32, 250, 1, last, 1], count: 2 ** 32 + 2 }],
      ['count not the sum', { ...good, count: 5 }],
      ['negative total count', { ...good, count: -4 }],
      ['minUs outside the first bucket', { ...good, minUs: 99 }],
      ['maxUs outside the last bucket', { ...good, maxUs: 20_000 }],
      ['maxUs beyond the range', { ...good, maxUs: 2 ** 31 }],
      ['negative sumUs', { ...good, sumUs: -1 }],
      ['sumUs below count·min', { ...good, sumUs: 399 }],
      ['sumUs above count·max', { ...good, sumUs: 160_001 }],
      ['fractional sumUs', { ...good, sumUs: 40_450.5 }],
      ['empty with a max', { buckets: [], count: 0, sumUs: 0, maxUs: 5, minUs: 0 }],
      ['buckets missing', { count: 0, sumUs: 0, maxUs: 0, minUs: 0 }],
      ['null', null],
    ];
    for (const [what, data] of bad)
      expect(() => LatencyHistogram.fromSparse(data as SparseHistogram), what).toThrow(RangeError);
    // A zero count in the list is tolerated (the indexes stay ascending).
    const withZero = LatencyHistogram.fromSparse({ ...good, buckets: [100, 2, 200, 0, 250, 1, last, 1] });
    expect(summary(withZero)).toEqual(summary(LatencyHistogram.fromSparse(good)));
  });
});
