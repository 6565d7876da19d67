/**
 * A fixed-size latency histogram in microseconds, HDR-like: exact below 256 µs, then 128 linear sub-buckets per
 * power of two (relative error below 0.8 %), up to 2^31 µs. One Uint32Array of 3,200 counters; recording is a
 * few integer operations and never allocates. Histograms merge exactly (bucket by bucket), and travel between
 * processes as a SparseHistogram (JSON-safe: only the non-zero buckets, plus the exact count, sum, min and max).
 */
const LINEAR = 256;
const SUB = 128;
const SUB_BITS = 7;
const MAX_SHIFT = 24;
const SIZE = LINEAR + MAX_SHIFT * SUB;
const MAX_VALUE = 0x7fff_ffff;
const MAX_COUNT = 0xffff_ffff;

function indexOf(us: number): number {
  if (us < LINEAR) return us;
  const msb = 31 - Math.clz32(us);
  const shift = msb - SUB_BITS;
  return LINEAR + (shift - 1) * SUB + ((us >>> shift) - SUB);
}

/** The middle of a bucket, in µs. */
function valueOf(index: number): number {
  if (index < LINEAR) return index;
  const j = index - LINEAR;
  const shift = Math.floor(j / SUB) + 1;
  const m = SUB + (j % SUB);
  return m * 2 ** shift + (2 ** shift - 1) / 2;
}

/** A LatencyHistogram in JSON-safe form (toSparse / fromSparse). */
export interface SparseHistogram {
  /** Bucket index, count, bucket index, count, …: the non-zero buckets, indexes ascending. */
  readonly buckets: number[];
  readonly count: number;
  readonly sumUs: number;
  readonly maxUs: number;
  /** 0 when count is 0 (the empty histogram's Infinity is not JSON). */
  readonly minUs: number;
}

function fail(why: string): never {
  throw new RangeError(`fromSparse: ${why}`);
}

function isUint(x: unknown, max: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
}

export class LatencyHistogram {
  readonly counts = new Uint32Array(SIZE);
  count = 0;
  sumUs = 0;
  maxUs = 0;
  minUs = Infinity;

  /** Records one latency given in milliseconds (as from performance.now() differences). */
  recordMs(ms: number): void {
    let us = Math.round(ms * 1000);
    if (us < 0) us = 0;
    else if (us > MAX_VALUE) us = MAX_VALUE;
    this.counts[indexOf(us)]++;
    this.count++;
    this.sumUs += us;
    if (us > this.maxUs) this.maxUs = us;
    if (us < this.minUs) this.minUs = us;
  }

  /** The latency (ms) at quantile q in [0, 1]; 0 when empty. */
  quantileMs(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i];
      if (seen >= rank) return Math.min(valueOf(i), this.maxUs) / 1000;
    }
    return this.maxUs / 1000;
  }

  get meanMs(): number {
    return this.count === 0 ? 0 : this.sumUs / this.count / 1000;
  }

  get maxMs(): number {
    return this.maxUs / 1000;
  }

  /** Adds every value recorded in `other` to this histogram, as if they had been recorded here. */
  merge(other: LatencyHistogram): void {
    const a = this.counts;
    const b = other.counts;
    for (let i = 0; i < SIZE; i++)
      if (a[i] + b[i] > MAX_COUNT) throw new RangeError(`merge: bucket ${i} would overflow its 32-bit count`);
    for (let i = 0; i < SIZE; i++) a[i] += b[i];
    this.count += other.count;
    this.sumUs += other.sumUs;
    if (other.maxUs > this.maxUs) this.maxUs = other.maxUs;
    if (other.minUs < this.minUs) this.minUs = other.minUs;
  }

  toSparse(): SparseHistogram {
    const buckets: number[] = [];
    for (let i = 0; i < SIZE; i++) if (this.counts[i] !== 0) buckets.push(i, this.counts[i]);
    return {
      buckets,
      count: this.count,
      sumUs: this.sumUs,
      maxUs: this.maxUs,
      minUs: this.count === 0 ? 0 : this.minUs,
    };
  }

  /**
   * The histogram `toSparse()` described. Throws RangeError unless `data` is exactly such a description: indexes
   * in range and ascending, counts non-negative 32-bit integers summing to `count`, `minUs` and `maxUs` in the
   * first and last non-zero buckets, `sumUs` between count·min and count·max.
   */
  static fromSparse(data: SparseHistogram): LatencyHistogram {
    if (typeof data !== 'object' || data === null) fail('not an object');
    const { buckets, count, sumUs, maxUs, minUs } = data;
    if (!Array.isArray(buckets) || buckets.length % 2 !== 0) fail('buckets must be index,count pairs');
    if (!isUint(count, Number.MAX_SAFE_INTEGER)) fail(`count ${String(count)}`);
    if (!isUint(sumUs, Number.MAX_SAFE_INTEGER)) fail(`sumUs ${String(sumUs)}`);
    if (!isUint(maxUs, MAX_VALUE)) fail(`maxUs ${String(maxUs)}`);
    if (!isUint(minUs, MAX_VALUE)) fail(`minUs ${String(minUs)}`);
    const h = new LatencyHistogram();
    let total = 0;
    let first = -1;
    let last = -1;
    for (let k = 0; k < buckets.length; k += 2) {
      const i: unknown = buckets[k];
      const n: unknown = buckets[k + 1];
      if (!isUint(i, SIZE - 1)) fail(`bucket index ${String(i)} out of range 0..${SIZE - 1}`);
      if (i <= last) fail(`bucket index ${i} not ascending`);
      if (!isUint(n, MAX_COUNT)) fail(`count ${String(n)} of bucket ${i}`);
      h.counts[i] = n;
      last = i;
      if (n > 0) {
        if (first < 0) first = i;
        total += n;
      }
    }
    if (total !== count) fail(`bucket counts sum to ${total}, count is ${count}`);
    if (count === 0) {
      if (sumUs !== 0 || maxUs !== 0 || minUs !== 0) fail('an empty histogram has sumUs, maxUs and minUs 0');
      return h;
    }
    let lastNonZero = SIZE - 1;
    while (h.counts[lastNonZero] === 0) lastNonZero--;
    if (indexOf(minUs) !== first) fail(`minUs ${minUs} is not in the first non-zero bucket`);
    if (indexOf(maxUs) !== lastNonZero) fail(`maxUs ${maxUs} is not in the last non-zero bucket`);
    if (sumUs < count * minUs || sumUs > count * maxUs) fail(`sumUs ${sumUs} outside count·[min, max]`);
    h.count = count;
    h.sumUs = sumUs;
    h.maxUs = maxUs;
    h.minUs = minUs;
    return h;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sumUs = 0;
    this.maxUs = 0;
    this.minUs = Infinity;
  }
}
