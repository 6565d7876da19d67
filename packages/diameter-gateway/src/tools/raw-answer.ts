/**
 * Answers built straight from a request's bytes, without decoding it: the header copied (same command,
 * Application-Id, Hop-by-Hop and End-to-End ids, P bit kept, R bit cleared, E bit for 3xxx), the Session-Id AVP
 * copied first, then a pre-encoded Result-Code / Origin-Host / Origin-Realm block, then the request's
 * Auth-Application-Id, Acct-Application-Id, Vendor-Specific-Application-Id, Auth-Session-State,
 * CC-Request-Type, CC-Request-Number and Proxy-Info AVPs copied as they are (what CCA, ULA, RAA and friends
 * require). One pass over the request's top-level AVPs and one allocation per answer.
 */

const SESSION_ID = 263;
const RESULT_CODE = 268;
const ORIGIN_HOST = 264;
const ORIGIN_REALM = 296;
const ERROR_MESSAGE = 281;
const PROXY_INFO = 284;
/** Top-level AVPs (vendor 0) copied from the request into the answer, in request order. */
const ECHOED = new Set([258, 259, 260, 277, 415, 416, PROXY_INFO]);
const MAX_ECHOED = 16;

const FLAG_PROXIABLE = 0x40;
const FLAG_ERROR = 0x20;
const AVP_VENDOR = 0x80;
const AVP_MANDATORY = 0x40;

function avpLength(dataLength: number): number {
  return 8 + dataLength;
}

function padded(length: number): number {
  return (length + 3) & ~3;
}

/** Encodes one vendor-less AVP with the M bit into `out` at `o`; returns the offset after it (padded). */
function writeAvp(out: Buffer, o: number, code: number, data: Buffer): number {
  const length = avpLength(data.length);
  out.writeUInt32BE(code, o);
  out[o + 4] = AVP_MANDATORY;
  out.writeUIntBE(length, o + 5, 3);
  data.copy(out, o + 8);
  const end = o + padded(length);
  out.fill(0, o + length, end);
  return end;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(value >>> 0);
  return b;
}

/** Result-Code, Origin-Host, Origin-Realm (and Error-Message when given), encoded once. */
export function encodeAnswerBlock(
  resultCode: number,
  originHost: string,
  originRealm: string,
  errorMessage?: string,
): Buffer {
  const parts: [number, Buffer][] = [
    [RESULT_CODE, u32(resultCode)],
    [ORIGIN_HOST, Buffer.from(originHost, 'utf8')],
    [ORIGIN_REALM, Buffer.from(originRealm, 'utf8')],
  ];
  if (errorMessage !== undefined) parts.push([ERROR_MESSAGE, Buffer.from(errorMessage, 'utf8')]);
  const size = parts.reduce((n, [, d]) => n + padded(avpLength(d.length)), 0);
  const out = Buffer.alloc(size);
  let o = 0;
  for (const [code, data] of parts) o = writeAvp(out, o, code, data);
  return out;
}

/** Builds answers to raw requests with a fixed identity; one instance per simulator. */
export class RawAnswerer {
  private readonly originHost: string;
  private readonly originRealm: string;
  private readonly blocks = new Map<number, Buffer>();
  // Scratch space for one pass over a request: offsets and padded lengths of the AVPs to copy.
  private readonly echoOffsets = new Int32Array(MAX_ECHOED);
  private readonly echoLengths = new Int32Array(MAX_ECHOED);

  constructor(originHost: string, originRealm: string) {
    this.originHost = originHost;
    this.originRealm = originRealm;
  }

  /** The pre-encoded Result-Code / Origin-Host / Origin-Realm block for this Result-Code. */
  block(resultCode: number): Buffer {
    let b = this.blocks.get(resultCode);
    if (b === undefined) {
      const message = resultCode === 3002 ? 'simulated delivery failure' : undefined;
      b = encodeAnswerBlock(resultCode, this.originHost, this.originRealm, message);
      this.blocks.set(resultCode, b);
    }
    return b;
  }

  /** The answer to `request` (a whole message from the Framer) with this Result-Code. */
  answer(request: Buffer, resultCode: number): Buffer {
    const block = this.block(resultCode);
    const end = Math.min(request.length, (request[1] << 16) | (request[2] << 8) | request[3]);
    let sessionOffset = -1;
    let sessionLength = 0;
    let echoed = 0;
    let echoedBytes = 0;
    let o = 20;
    while (end - o >= 8) {
      const code =
        ((request[o] << 24) | (request[o + 1] << 16) | (request[o + 2] << 8) | request[o + 3]) >>> 0;
      const flags = request[o + 4];
      const length = (request[o + 5] << 16) | (request[o + 6] << 8) | request[o + 7];
      if (length < 8 || o + length > end) break;
      const size = padded(length);
      if ((flags & AVP_VENDOR) === 0) {
        if (code === SESSION_ID) {
          if (sessionOffset < 0) {
            sessionOffset = o;
            sessionLength = size;
          }
        } else if (ECHOED.has(code) && echoed < MAX_ECHOED) {
          this.echoOffsets[echoed] = o;
          this.echoLengths[echoed] = size;
          echoed++;
          echoedBytes += size;
        }
      }
      o += padded(length);
    }
    const total = 20 + sessionLength + block.length + echoedBytes;
    const out = Buffer.allocUnsafe(total);
    request.copy(out, 0, 0, 20);
    out[1] = (total >>> 16) & 0xff;
    out[2] = (total >>> 8) & 0xff;
    out[3] = total & 0xff;
    out[4] = (request[4] & FLAG_PROXIABLE) | (resultCode >= 3000 && resultCode < 4000 ? FLAG_ERROR : 0);
    let w = 20;
    if (sessionOffset >= 0) w = copyAvp(request, end, sessionOffset, sessionLength, out, w);
    w += block.copy(out, w);
    for (let i = 0; i < echoed; i++)
      w = copyAvp(request, end, this.echoOffsets[i], this.echoLengths[i], out, w);
    return out;
  }
}

/** Copies an AVP with its padding; a last AVP whose padding the sender left out gets zeros. */
function copyAvp(request: Buffer, end: number, from: number, size: number, out: Buffer, w: number): number {
  const copied = request.copy(out, w, from, Math.min(from + size, end));
  if (copied < size) out.fill(0, w + copied, w + size);
  return w + size;
}
