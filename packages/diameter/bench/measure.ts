import { GCProfiler } from 'node:v8';

/** Time and heap allocation of one operation, measured over repeated runs in this process. */
export interface Figure {
  nsPerOp: number;
  opsPerSec: number;
  /** Heap bytes allocated per operation (GC-reclaimed bytes plus growth), from V8's GC profiler. */
  bytesPerOp: number;
}

const ROUNDS = 7;
let sink: unknown;

/** A batch size whose run takes ~10 ms (also the warm-up). */
function calibrate(op: () => unknown): number {
  let batch = 1;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) sink = op();
    if (Number(process.hrtime.bigint() - t) / 1e6 > 10) return batch;
    batch *= 2;
  }
}

interface Round {
  nsPerOp: number;
  ops: number;
  allocated: number;
}

/** Runs `op` in batches for about `ms`, counting heap bytes allocated (GC-reclaimed bytes plus growth). */
function round(op: () => unknown, batch: number, ms: number): Round {
  const profiler = new GCProfiler();
  profiler.start();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  let n = 0;
  while (Number(process.hrtime.bigint() - start) / 1e6 < ms) {
    for (let i = 0; i < batch; i++) sink = op();
    n += batch;
  }
  const ns = Number(process.hrtime.bigint() - start);
  const heapAfter = process.memoryUsage().heapUsed;
  let freed = 0;
  for (const s of profiler.stop()?.statistics ?? []) {
    freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
  }
  return { nsPerOp: ns / n, ops: n, allocated: heapAfter - heapBefore + freed };
}

function figure(rounds: Round[]): Figure {
  const sorted = rounds.map((r) => r.nsPerOp).sort((a, b) => a - b);
  const nsPerOp = sorted[sorted.length >> 1];
  const ops = rounds.reduce((s, r) => s + r.ops, 0);
  const allocated = rounds.reduce((s, r) => s + r.allocated, 0);
  if (sink === Symbol.for('never')) console.log(sink);
  return { nsPerOp, opsPerSec: 1e9 / nsPerOp, bytesPerOp: Math.max(0, allocated / ops) };
}

/** Runs `op` for about `ms` milliseconds after a warm-up; reports the median of 7 rounds. */
export function measure(op: () => unknown, ms = 300): Figure {
  const batch = calibrate(op);
  const rounds: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) rounds.push(round(op, batch, ms / ROUNDS));
  return figure(rounds);
}

/**
 * Measures two operations in alternating rounds (a, b, a, b, ...), `ms` each in all: on a machine whose speed
 * drifts (a shared VM), both see the same conditions, so their ratio holds even when the absolute figures move.
 */
export function measurePair(a: () => unknown, b: () => unknown, ms = 300): [Figure, Figure] {
  const batchA = calibrate(a);
  const batchB = calibrate(b);
  const ra: Round[] = [];
  const rb: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    ra.push(round(a, batchA, ms / ROUNDS));
    rb.push(round(b, batchB, ms / ROUNDS));
  }
  return [figure(ra), figure(rb)];
}

export function formatNs(ns: number): string {
  return ns >= 10_000
    ? `${(ns / 1000).toFixed(0)} µs`
    : ns >= 1000
      ? `${(ns / 1000).toFixed(2)} µs`
      : `${ns.toFixed(0)} ns`;
}

export function formatRate(perSec: number): string {
  return perSec >= 1e6 ? `${(perSec / 1e6).toFixed(2)} M/s` : `${(perSec / 1e3).toFixed(1)} k/s`;
}
