import { isUtf8 } from 'node:buffer';

/**
 * UTF-8 text in and out of buffers. Diameter strings are nearly always ASCII, so both directions try a plain
 * byte loop first: for the short strings of a Diameter message it beats a call into C++.
 */

interface FastSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
  utf8Write(text: string, offset: number, length: number): number;
  latin1Write(text: string, offset: number, length: number): number;
}

/** Reads bytes [start, end) as UTF-8; returns undefined when they are not valid UTF-8. */
export function readUtf8(buf: Buffer, start: number, end: number): string | undefined {
  let i = start;
  while (i < end && buf[i] < 0x80) i++;
  if (i === end) return (buf as unknown as FastSlices).latin1Slice(start, end);
  if (!isUtf8(buf.subarray(start, end))) return undefined;
  return (buf as unknown as FastSlices).utf8Slice(start, end);
}

/** The number of bytes `text` takes in UTF-8 (a fast C++ call: cheaper than a JS loop beyond a few chars). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Writes `text` (byteLength bytes, from utf8Length) at offset. When the UTF-8 length equals the string length the
 * text is ASCII, and latin1Write copies it without encoding.
 */
export function writeUtf8(buf: Buffer, text: string, offset: number, byteLength: number): void {
  const n = text.length;
  if (n === byteLength) {
    if (n <= 8) for (let i = 0; i < n; i++) buf[offset + i] = text.charCodeAt(i);
    else (buf as unknown as FastSlices).latin1Write(text, offset, n);
    return;
  }
  (buf as unknown as FastSlices).utf8Write(text, offset, byteLength);
}
