/**
 * The Time data format (RFC 6733 §4.3.1): NTP seconds since 1900-01-01 UTC in 32 bits. The field wraps on
 * 2036-02-07 06:28:16 UTC; following RFC 4330 §3, a value whose most significant bit is 0 counts from that
 * date instead (era 1), which extends the range to 2104. Era 0 thus covers 1968-01-20 to 2036-02-07.
 */

/** Milliseconds from 1900-01-01 to 1970-01-01. */
const NTP_EPOCH_OFFSET_MS = 2_208_988_800_000;
const ERA_SECONDS = 0x1_0000_0000;

export function ntpToDate(seconds: number): Date {
  const era = seconds >= 0x8000_0000 ? 0 : 1;
  return new Date((seconds + era * ERA_SECONDS) * 1000 - NTP_EPOCH_OFFSET_MS);
}

/** The 32-bit NTP value of a date (milliseconds dropped); undefined outside 1968-01-20 … 2104-02-26. */
export function dateToNtp(date: Date): number | undefined {
  const ms = date.getTime() + NTP_EPOCH_OFFSET_MS;
  if (!Number.isFinite(ms)) return undefined;
  const seconds = Math.floor(ms / 1000);
  if (seconds >= 0x8000_0000 && seconds < ERA_SECONDS) return seconds;
  if (seconds >= ERA_SECONDS && seconds < ERA_SECONDS + 0x8000_0000) return seconds - ERA_SECONDS;
  return undefined;
}
