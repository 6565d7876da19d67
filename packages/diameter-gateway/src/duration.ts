/**
 * Durations as operators write them: "500ms", "2s", "1.5s", "1m", "1h", or a plain number in `bareUnit`
 * (milliseconds unless said otherwise). Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string | number, bareUnit: 'ms' | 's' = 'ms'): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text);
  if (m === null) return undefined;
  const unit = m[2] ?? bareUnit;
  return Math.round(Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit]!);
}
