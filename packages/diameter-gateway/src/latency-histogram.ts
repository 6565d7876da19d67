/**
 * A fixed-size latency histogram in microseconds, HDR-like: exact below 256 µs, then 128 linear sub-buckets per
 * power of two (relative error below 0.8 %), up to 2^31 µs. One Uint32Array of 3,200 counters; recording is a
 * few integer operations and never allocates.
 */
const LINEAR = 256;
const SUB = 128;
const SUB_BITS = 7;
const MAX_SHIFT = 24;
const SIZE = LINEAR + MAX_SHIFT * SUB;
const MAX_VALUE = 0x7fff_ffff;

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

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sumUs = 0;
    this.maxUs = 0;
    this.minUs = Infinity;
  }
}
