// Per-connection token bucket: `ratePerSec` frames per second, bursts up to `burst`. Checked before JSON parsing
// so a flooding client costs one subtraction per frame, not a parse. The state lives in the session itself (two
// numbers), not in an object of its own: memory per idle connection is a headline figure.
export interface TokenState {
  tokens: number;
  tokensAt: number;
}

/** Take one token at `now` (ms); false when the bucket is empty. */
export function takeToken(b: TokenState, now: number, ratePerSec: number, burst: number): boolean {
  if (b.tokens < 1) {
    const elapsed = now - b.tokensAt;
    if (elapsed > 0) {
      b.tokens = Math.min(burst, b.tokens + (elapsed * ratePerSec) / 1000);
      b.tokensAt = now;
    }
    if (b.tokens < 1) return false;
  } else {
    b.tokensAt = now;
  }
  b.tokens -= 1;
  return true;
}
