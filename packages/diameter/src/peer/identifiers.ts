/**
 * Hop-by-Hop and End-to-End identifiers (RFC 6733 §3). End-to-End: the high 12 bits from the clock at start-up,
 * the low 20 bits random at start-up and then incrementing, so ids stay unique across restarts for 4 minutes.
 */
let endToEnd =
  (((Math.floor(Date.now() / 1000) & 0xfff) << 20) | Math.floor(Math.random() * 0x10_0000)) >>> 0;

export function nextEndToEndId(): number {
  const high = endToEnd & 0xfff0_0000;
  endToEnd = (high | ((endToEnd + 1) & 0xf_ffff)) >>> 0;
  return endToEnd;
}

/** Per-connection Hop-by-Hop ids: a random start, then +1 (wrapping), skipping ids still in flight. */
export class HopByHopIds {
  private next = Math.floor(Math.random() * 0x1_0000_0000) >>> 0;

  take(inFlight: { has(id: number): boolean }): number {
    let id = this.next;
    while (inFlight.has(id)) id = (id + 1) >>> 0;
    this.next = (id + 1) >>> 0;
    return id;
  }
}
