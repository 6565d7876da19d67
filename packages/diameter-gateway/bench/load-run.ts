/**
 * One measured load, in its own process (spawned by bench/gateway.ts): the generator of `diameter-load`
 * (runLoad, Gx CCR-Initial, one connection) first runs a warm-up with the same settings, then the measured run;
 * the last line of stdout is the measured LoadResult as JSON, with the run's latency histogram in `histogram` (a
 * SparseHistogram, for the caller to pool runs). Warming up in the same process warms the generator's JIT as
 * well as the target's, so the first milliseconds of a cold process do not land in the p99.
 *
 * argv[2]: JSON {host, port, window, durationMs, warmupMs, rate?}
 */
import { silentLogger } from '@diam/diameter';
import { tuneHeapForRelaying } from '../src/heap-tuning.js';
import { LatencyHistogram } from '../src/latency-histogram.js';
import { loadFailed, runLoad, type LoadOptions } from '../src/tools/load.js';

tuneHeapForRelaying();

interface Job {
  host: string;
  port: number;
  window: number;
  durationMs: number;
  warmupMs: number;
  rate?: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
const base: LoadOptions = {
  host: job.host,
  port: job.port,
  // A fresh identity per connection: freeDiameter refuses a CER from a peer it is still closing, and the
  // measured run opens its connection right after the warm-up closed the previous one.
  originHost: `load-${process.pid}.peers.test`,
  originRealm: 'peers.test',
  app: 'gx',
  connections: 1,
  window: job.window,
  timeoutMs: 5000,
  logger: silentLogger,
  ...(job.rate !== undefined && { rate: job.rate }),
};

if (job.warmupMs > 0) {
  const warm = await runLoad({
    ...base,
    originHost: `warm-${process.pid}.peers.test`,
    durationMs: job.warmupMs,
  });
  if (warm.answered === 0) {
    process.stdout.write(`${JSON.stringify({ error: 'warm-up: nothing answered', warmup: warm })}\n`);
    process.exit(1);
  }
}
const histogram = new LatencyHistogram();
const result = await runLoad({ ...base, durationMs: job.durationMs, histogram });
process.stdout.write(`${JSON.stringify({ ...result, histogram: histogram.toSparse() })}\n`);
process.exit(loadFailed(result) ? 1 : 0);
