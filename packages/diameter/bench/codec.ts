/**
 * npm run bench:codec — full decode and encode of realistic messages, ours against npm `diameter` 0.7 on the
 * same bytes in the same process, plus the relay's header-view operations.
 *
 * Each of our figures is measured in rounds alternating with npm's on the same operation, so a drift in the
 * machine's speed moves both.
 *
 * "Decode" is a full decode: every AVP to its typed value, Grouped AVPs recursively (what go-diameter's
 * ReadMessage and npm diameter's decodeMessage do). "Encode" is from the decoded object back to bytes.
 */
import { createRequire } from 'node:module';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import * as view from '../src/codec/header-view.js';
import type { Message } from '../src/codec/message.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { formatNs, formatRate, measure, measurePair, type Figure } from './measure.js';
import { realisticMessages } from './realistic-messages.js';

interface NpmDiameterCodec {
  decodeMessage(buffer: Buffer): unknown;
  encodeMessage(message: unknown): Buffer;
}

const require = createRequire(import.meta.url);
const npm = require('diameter/lib/diameter-codec') as NpmDiameterCodec;
const npmVersion = (require('diameter/package.json') as { version: string }).version;

const dict = defaultDictionary();
const ms = Number(process.env.BENCH_MS ?? 600);

/**
 * Ours and npm's figures for one message, each operation measured in rounds alternating with npm's (see
 * measurePair); where npm cannot decode or encode it, ours alone and npm's failure.
 */
function figures(
  bytes: Buffer,
  ours: Message,
): { ours: [Figure, Figure]; theirs: [Figure | string, Figure | string] } {
  const decodeOurs = () => decodeMessage(bytes, dict);
  const encodeOurs = () => encodeMessage(ours);
  let decoded: unknown;
  try {
    decoded = npm.decodeMessage(bytes);
  } catch (error) {
    const failed = `fails: ${(error as Error).message.slice(0, 60)}`;
    return { ours: [measure(decodeOurs, ms), measure(encodeOurs, ms)], theirs: [failed, 'n/a'] };
  }
  const [decode, npmDecode] = measurePair(decodeOurs, () => npm.decodeMessage(bytes), ms);
  try {
    npm.encodeMessage(decoded);
  } catch (error) {
    const failed = `fails: ${(error as Error).message.slice(0, 60)}`;
    return { ours: [decode, measure(encodeOurs, ms)], theirs: [npmDecode, failed] };
  }
  const [encode, npmEncode] = measurePair(encodeOurs, () => npm.encodeMessage(decoded), ms);
  return { ours: [decode, encode], theirs: [npmDecode, npmEncode] };
}

const ratio = (theirs: Figure | string, ours: Figure): string =>
  typeof theirs === 'string' ? 'n/a' : `${(theirs.nsPerOp / ours.nsPerOp).toFixed(1)}x`;
const cell = (f: Figure | string): string =>
  typeof f === 'string'
    ? f
    : `${formatNs(f.nsPerOp)} (${formatRate(f.opsPerSec)}, ${f.bytesPerOp.toFixed(0)} B)`;

console.log(
  `Diameter codec benchmark: ours vs npm diameter ${npmVersion}, Node ${process.version}, ${ms} ms per figure`,
);
console.log('figures: time per op (ops/s, heap bytes allocated per op)\n');

const rows: string[][] = [];
const ratios: { decode: number[]; encode: number[] } = { decode: [], encode: [] };
for (const { name, message } of realisticMessages(dict)) {
  const bytes = encodeMessage(message);
  const ours = decodeMessage(bytes, dict);
  if (!encodeMessage(ours).equals(bytes))
    throw new Error(`${name}: decode → encode did not give the same bytes`);
  const {
    ours: [decode, encode],
    theirs: [npmDecode, npmEncode],
  } = figures(bytes, ours);
  const theirs = { decode: npmDecode, encode: npmEncode };
  if (typeof theirs.decode !== 'string') ratios.decode.push(theirs.decode.nsPerOp / decode.nsPerOp);
  if (typeof theirs.encode !== 'string') ratios.encode.push(theirs.encode.nsPerOp / encode.nsPerOp);
  rows.push([
    `${name} (${bytes.length} B)`,
    cell(decode),
    cell(theirs.decode),
    `decode vs diameter ${npmVersion}: ${ratio(theirs.decode, decode)}`,
    cell(encode),
    cell(theirs.encode),
    `encode vs diameter ${npmVersion}: ${ratio(theirs.encode, encode)}`,
  ]);
}

for (const r of rows) {
  console.log(r[0]);
  console.log(`  decode  ours ${r[1]}  |  npm ${r[2]}  |  ${r[3]}`);
  console.log(`  encode  ours ${r[4]}  |  npm ${r[5]}  |  ${r[6]}`);
}

const geo = (xs: number[]) => Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
console.log(
  `\ngeometric mean over the messages both decode: decode vs diameter ${npmVersion}: ${geo(ratios.decode).toFixed(1)}x, ` +
    `encode vs diameter ${npmVersion}: ${geo(ratios.encode).toFixed(1)}x`,
);
console.log(
  `minimum: decode ${Math.min(...ratios.decode).toFixed(1)}x, encode ${Math.min(...ratios.encode).toFixed(1)}x`,
);

// The relay's per-message work: rewrite Hop-by-Hop in place, find Destination-Host, compare it.
const relayed = encodeMessage(realisticMessages(dict)[3].message);
let h2h = 1;
const headerView = measure(() => {
  view.setHopByHopId(relayed, h2h++);
  return view.findAvp(relayed, view.RoutingAvp.DESTINATION_HOST);
}, ms);
const withRead = measure(() => {
  view.setHopByHopId(relayed, h2h++);
  const at = view.findAvp(relayed, view.RoutingAvp.SESSION_ID);
  return view.avpEqualsAscii(relayed, at, 'x');
}, ms);
console.log(
  `\nheader view (${relayed.length} B CCR): rewrite H2H + find Destination-Host: ${formatRate(headerView.opsPerSec)} ` +
    `(${formatNs(headerView.nsPerOp)}, ${headerView.bytesPerOp.toFixed(0)} B/op); ` +
    `rewrite H2H + find and compare Session-Id: ${formatRate(withRead.opsPerSec)}`,
);
