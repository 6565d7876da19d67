// Per-connection token bucket: `ratePerSec` frames per second, bursts up to `burst`. Checked before JSON parsing
// so a flooding client costs one subtraction per frame, not a parse.
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    if (this.tokens < 1) {
      const elapsed = now - this.updatedAt;
      if (elapsed > 0) {
        this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.ratePerSec) / 1000);
        this.updatedAt = now;
      }
      if (this.tokens < 1) return false;
    } else {
      this.updatedAt = now;
    }
    this.tokens -= 1;
    return true;
  }
}
