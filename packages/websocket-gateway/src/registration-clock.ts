// Registration timestamps for the presence compare-and-set: microseconds, strictly increasing per process.
//
// Date.now() alone collides within a millisecond (a user reconnecting fast to the same instance would tie), so the
// clock counts microseconds and never repeats. 1.7e15 stays below 2^53, so Lua's doubles compare it exactly.
// Across instances ordering relies on wall clocks: keep them NTP-synced (skew larger than a reconnect is rare).
export class RegistrationClock {
  private last = 0;
  now(): number {
    const t = Date.now() * 1000;
    this.last = t > this.last ? t : this.last + 1;
    return this.last;
  }
}
