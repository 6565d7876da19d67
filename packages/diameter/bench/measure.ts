import { GCProfiler } from 'node:v8';

/** Time and heap allocation of one operation, measured over repeated runs in this process. */
export interface Figure {
  nsPerOp: number;
  opsPerSec: number;
  /** Heap bytes allocated per operation (GC-reclaimed bytes plus growth), from V8's GC profiler. */
  bytesPerOp: number;
}

/** Runs `op` for about `ms` milliseconds after a warm-up; reports the median of 5 rounds. */
export function measure(op: () => unknown, ms = 300): Figure {
  let sink: unknown;
  // Warm up, and size a batch that takes ~10 ms.
  let batch = 1;
  for (;;) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) sink = op();
    const elapsed = Number(process.hrtime.bigint() - t) / 1e6;
    if (elapsed > 10) break;
    batch *= 2;
  }
  const rounds: number[] = [];
  let allocated = 0;
  let ops = 0;
  for (let r = 0; r < 5; r++) {
    const profiler = new GCProfiler();
    profiler.start();
    const heapBefore = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    let n = 0;
    const deadline = ms / 5;
    while (Number(process.hrtime.bigint() - start) / 1e6 < deadline) {
      for (let i = 0; i < batch; i++) sink = op();
      n += batch;
    }
    const ns = Number(process.hrtime.bigint() - start);
    const heapAfter = process.memoryUsage().heapUsed;
    const stats = profiler.stop();
    let freed = 0;
    for (const s of stats?.statistics ?? []) {
      freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
    }
    allocated += heapAfter - heapBefore + freed;
    ops += n;
    rounds.push(ns / n);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  rounds.sort((a, b) => a - b);
  const nsPerOp = rounds[2];
  return { nsPerOp, opsPerSec: 1e9 / nsPerOp, bytesPerOp: Math.max(0, allocated / ops) };
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
