import { isUtf8 } from 'node:buffer';

/**
 * UTF-8 text out of buffers, strictly: invalid UTF-8 is refused, not replaced. Diameter strings are nearly always
 * ASCII, so a byte loop checks that first and the bytes are then taken as Latin-1, with no decoding at all.
 */

interface FastSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

/** Reads bytes [start, end) as UTF-8; returns undefined when they are not valid UTF-8. */
export function readUtf8(buf: Buffer, start: number, end: number): string | undefined {
  let i = start;
  while (i < end && buf[i] < 0x80) i++;
  if (i === end) return (buf as unknown as FastSlices).latin1Slice(start, end);
  if (!isUtf8(buf.subarray(start, end))) return undefined;
  return (buf as unknown as FastSlices).utf8Slice(start, end);
}
