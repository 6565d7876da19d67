/**
 * npm run bench:client — pipelined requests over one connection and over a 5-connection pool, against our own
 * server answering at once in another process; the baseline is a raw Node TCP client against a raw TCP echo of
 * the same bytes, with the same window, in the same run. Prints req/s, p50/p99 and the ratios, then the heap
 * held per pending request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ConnectionPool } from '../src/client/connection-pool.js';
import { encodeMessage } from '../src/codec/encoder.js';
import { Framer } from '../src/codec/framer.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { PeerConnection } from '../src/peer/peer-connection.js';
import { parsePeerConfig } from '../src/peer/peer-options.js';
import type { AnswerSink } from '../src/peer/pending-requests.js';
import { realisticMessages } from './realistic-messages.js';

const DURATION = Number(process.env.BENCH_MS ?? 3000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 256);
const children: ChildProcess[] = [];

async function startPeer(mode: 'diameter' | 'echo' | 'silent'): Promise<number> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'answering-server.js'), mode], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const line = await new Promise<string>((resolve) =>
    createInterface({ input: child.stdout! }).once('line', resolve),
  );
  return (JSON.parse(line) as { port: number }).port;
}

interface Result {
  reqPerSec: number;
  p50: number;
  p99: number;
}

/** Latencies in µs, in a fixed log-scale histogram: no array grows with the request count. */
class Histogram {
  private readonly buckets = new Uint32Array(2048);
  count = 0;
  record(us: number): void {
    const b =
      us < 64 ? Math.max(0, Math.floor(us)) : Math.min(2047, 64 + Math.floor(Math.log2(us / 64) * 128));
    this.buckets[b]++;
    this.count++;
  }
  percentile(p: number): number {
    let seen = 0;
    const target = this.count * p;
    for (let b = 0; b < this.buckets.length; b++) {
      seen += this.buckets[b];
      if (seen >= target) return b < 64 ? b : 64 * 2 ** ((b - 64) / 128);
    }
    return Infinity;
  }
}

const request = encodeMessage(realisticMessages(defaultDictionary())[3].message); // Gy CCR-Initial, 796 bytes
const hr = () => Number(process.hrtime.bigint() / 1000n);

/** Keeps WINDOW requests in flight per connection for DURATION ms through `forward` with one sink. */
async function runDiameter(connections: PeerConnection[] | ConnectionPool): Promise<Result> {
  const histogram = new Histogram();
  let completed = 0;
  let stopAt = 0;
  let inFlight = 0;
  const template = Buffer.from(request);
  const send = (): void => {
    const bytes = Buffer.from(template);
    if (connections instanceof ConnectionPool) connections.forward(bytes, 5000, sink, hr());
    else connections[completed % connections.length].forward(bytes, 5000, sink, hr());
    inFlight++;
  };
  let finish: () => void = () => undefined;
  const sink: AnswerSink<number> = {
    answer(sentAt) {
      inFlight--;
      completed++;
      histogram.record(hr() - sentAt);
      if (Date.now() < stopAt) send();
      else if (inFlight === 0) finish();
    },
    fail(_token, error) {
      throw error;
    },
  };
  const width = connections instanceof ConnectionPool ? connections.activeCount : connections.length;
  const started = Date.now();
  stopAt = started + DURATION;
  const done = new Promise<void>((r) => (finish = r));
  for (let i = 0; i < WINDOW * width; i++) send();
  await done;
  const seconds = (Date.now() - started) / 1000;
  return {
    reqPerSec: completed / seconds,
    p50: histogram.percentile(0.5) / 1000,
    p99: histogram.percentile(0.99) / 1000,
  };
}

/** The baseline: the same bytes and window over raw sockets to a TCP echo, framed with the same Framer. */
async function runRaw(port: number, sockets: number): Promise<Result> {
  const histogram = new Histogram();
  let completed = 0;
  const stopAt = Date.now() + DURATION;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: sockets }, async () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      await new Promise<void>((r) => socket.once('connect', () => r()));
      const sentAt: number[] = [];
      let head = 0;
      let inFlight = 0;
      // Writes of one tick go out corked, as PeerConnection does: the baseline is not handicapped.
      let corked = false;
      const uncork = () => {
        corked = false;
        socket.uncork();
      };
      await new Promise<void>((resolve) => {
        const framer = new Framer(() => {
          inFlight--;
          completed++;
          histogram.record(hr() - sentAt[head++]);
          if (Date.now() < stopAt) {
            sentAt.push(hr());
            if (!corked) {
              corked = true;
              socket.cork();
              process.nextTick(uncork);
            }
            socket.write(Buffer.from(request));
            inFlight++;
          } else if (inFlight === 0) resolve();
        });
        socket.on('data', (c) => framer.push(c));
        for (let i = 0; i < WINDOW; i++) {
          sentAt.push(hr());
          socket.write(Buffer.from(request));
          inFlight++;
        }
      });
      socket.destroy();
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  return {
    reqPerSec: completed / seconds,
    p50: histogram.percentile(0.5) / 1000,
    p99: histogram.percentile(0.99) / 1000,
  };
}

const config = parsePeerConfig({
  originHost: 'bench-client.test',
  originRealm: 'test',
  authApplicationIds: [4],
  requestTimeout: 5000,
});
const line = (name: string, r: Result) =>
  `${name.padEnd(34)} ${(r.reqPerSec / 1000).toFixed(1).padStart(7)} k req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms`;

try {
  console.log(
    `bench:client — ${request.length}-byte Gy CCR, window ${WINDOW} per connection, ${DURATION} ms per run, Node ${process.version}`,
  );
  const diameterPort = await startPeer('diameter');
  const echoPort = await startPeer('echo');

  const one = new PeerConnection({ config, host: '127.0.0.1', port: diameterPort });
  await one.connect();
  await runDiameter([one]); // warm-up
  const oneResult = await runDiameter([one]);
  const rawOne = await runRaw(echoPort, 1);
  await one.close();

  const pool = new ConnectionPool({
    originHost: 'bench-client.test',
    originRealm: 'test',
    authApplicationIds: [4],
    host: '127.0.0.1',
    port: diameterPort,
    connections: 5,
    healthLogInterval: 0,
  }).start();
  while (pool.activeCount < 5) await new Promise((r) => setTimeout(r, 10));
  const poolResult = await runDiameter(pool);
  const rawFive = await runRaw(echoPort, 5);
  await pool.close();

  console.log(line('request() over 1 connection', oneResult));
  console.log(line('raw TCP echo, 1 socket', rawOne));
  console.log(`  1 connection vs raw echo: ${(oneResult.reqPerSec / rawOne.reqPerSec).toFixed(2)}x`);
  console.log(line('request() over a 5-connection pool', poolResult));
  console.log(line('raw TCP echo, 5 sockets', rawFive));
  console.log(`  5-connection pool vs raw echo: ${(poolResult.reqPerSec / rawFive.reqPerSec).toFixed(2)}x`);

  // Heap held per pending request: 50k requests to a peer that never answers.
  const silentPort = await startPeer('silent');
  const idle = new PeerConnection({ config, host: '127.0.0.1', port: silentPort });
  await idle.connect();
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const N = 15_000;
  const quiet: AnswerSink<null> = { answer: () => undefined, fail: () => undefined };
  for (let i = 0; i < N; i++) idle.forward(Buffer.from(request), 60_000, quiet, null);
  global.gc?.();
  const perRequest = (process.memoryUsage().heapUsed - before) / N;
  console.log(
    `heap per pending request (forward, excluding the request bytes): ${perRequest.toFixed(0)} B over ${N} requests${global.gc ? '' : ' (run with --expose-gc for a clean figure)'}`,
  );
  idle.destroy();
} finally {
  for (const c of children) c.kill('SIGKILL');
}
