// `npm run bench:ws`: the same workload against our gateway and against Socket.IO 4 + @socket.io/redis-adapter
// (2 instances each, 1000 users, every message crosses instances), at a fixed rate and at max rate, plus RSS per
// idle connection (10k) and 50k idle connections on one gateway instance. Prints figures and ratios; bounded
// in time (about three minutes) and stops by itself. Redis: REDIS_URL, else 127.0.0.1:6379, else a private one.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect as netConnect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { Child, freePort } from './server-process.js';
import { gatewayDialect, socketIoDialect, type WireDialect } from './wire-dialect.js';

const here = dirname(fileURLToPath(import.meta.url));
const GATEWAY = resolve(here, '../src/cli/gateway.js');
const SOCKETIO = resolve(here, 'socketio-server.js');
const IDLE = resolve(here, 'idle-clients.js');
/** Both servers of the memory phases get the same preload: full GC and a memory report on SIGUSR2. */
const MEMORY_PROBE = ['--expose-gc', '--import', resolve(here, 'gc-on-signal.js')];

const USERS = 1000;
const FIXED_RATE = 5000; // messages per second, all users together
const PHASE_MS = 5000;
const WINDOW = 8; // max-rate: messages in flight per sender
/**
 * Each phase runs ROUNDS times per system, alternating A B / B A with both clusters up, and the figures pool all
 * rounds: on a shared machine a burst of unrelated load then lands on both systems alike instead of deciding the
 * comparison (a single 5 s window per system made the fixed-rate p99 swing from 25 ms to 600 ms between runs).
 */
const ROUNDS = 2;
const IDLE_CONNECTIONS = 10_000;
const BIG_IDLE = 50_000;
const run = randomBytes(3).toString('hex');
const children: Child[] = [];

function ping(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = netConnect({ host: '127.0.0.1', port });
    s.setTimeout(500, () => (s.destroy(), res(false)));
    s.once('error', () => res(false));
    s.once('connect', () => s.write('PING\r\n'));
    s.once('data', (d) => (s.destroy(), res(d.toString().startsWith('+PONG'))));
  });
}

async function redisUrl(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (await ping(6379)) return 'redis://127.0.0.1:6379';
  const port = await freePort();
  const { spawn } = await import('node:child_process');
  const proc = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  process.on('exit', () => proc.kill('SIGKILL'));
  for (let i = 0; i < 100 && !(await ping(port)); i++) await new Promise((r) => setTimeout(r, 50));
  return `redis://127.0.0.1:${port}`;
}

async function startGateway(
  redis: string,
  id: string,
  nodeArgs: string[] = [],
): Promise<{ child: Child; port: number }> {
  const port = await freePort();
  const child = Child.node(
    GATEWAY,
    [
      ...['--id', `bench-${run}-${id}`, '--port', String(port), '--host', '127.0.0.1', '--redis', redis],
      ...[
        '--redis-key-prefix',
        `bench-${run}:`,
        '--rate-limit-per-sec',
        '1000000',
        '--rate-limit-burst',
        '1000000',
      ],
      ...['--max-connections', '200000', '--max-buffered-bytes', '8388608', '--log-level', 'info'],
    ],
    nodeArgs,
  );
  children.push(child);
  await child.waitOutput(/"msg":"listening"/, 10_000);
  for (let i = 0; i < 100; i++) {
    const r = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => null);
    if (r?.status === 200) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  return { child, port };
}

async function startSocketIo(
  redis: string,
  nodeArgs: string[] = [],
): Promise<{ child: Child; port: number }> {
  const port = await freePort();
  const child = Child.node(SOCKETIO, [String(port), redis, `bench-sio-${run}`], nodeArgs);
  children.push(child);
  await child.waitOutput(/listening/, 10_000);
  return { child, port };
}

type Sock = WebSocket & { userId: string };

interface PhaseResult {
  delivered: number;
  perSec: number;
  p50: number;
  p99: number;
  errors: number;
  /** p99 of each round, in the order run (shows the spread the pooled figure hides). */
  roundP99: number[];
}

/** One phase of one round: raw latencies, pooled across rounds by `pool`. */
interface RoundResult {
  latencies: number[];
  delivered: number;
  ms: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;
}

function pool(rounds: RoundResult[]): PhaseResult {
  const all = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const delivered = rounds.reduce((a, r) => a + r.delivered, 0);
  const ms = rounds.reduce((a, r) => a + r.ms, 0);
  return {
    delivered,
    perSec: (delivered * 1000) / ms,
    p50: percentile(all, 0.5),
    p99: percentile(all, 0.99),
    errors: rounds.reduce((a, r) => a + r.errors, 0),
    roundP99: rounds.map((r) =>
      percentile(
        [...r.latencies].sort((a, b) => a - b),
        0.99,
      ),
    ),
  };
}

class Load {
  private sockets: Sock[] = [];
  private sentAt = new Map<number, number>();
  private latencies: number[] = [];
  private delivered = 0;
  private errors = 0;
  private seq = 0;
  private onDelivered: ((recipient: number) => void) | null = null;

  constructor(private readonly dialect: WireDialect) {}

  /** User i connects to instance i % 2 and always sends to user i + 1, which is on the other instance. */
  async connect(ports: number[]): Promise<void> {
    let ready = 0;
    await new Promise<void>((resolveAll, rejectAll) => {
      for (let i = 0; i < USERS; i++) {
        const ws = new WebSocket(this.dialect.url(ports[i % ports.length]), {
          perMessageDeflate: false,
        }) as Sock;
        ws.userId = `u${i}`;
        this.sockets.push(ws);
        ws.on('open', () => this.dialect.onOpen(ws, ws.userId));
        ws.on('error', rejectAll);
        ws.on('message', (d) => {
          const m = this.dialect.parse(ws, d.toString());
          if (m.kind === 'registered') {
            if (++ready === USERS) resolveAll();
          } else if (m.kind === 'message') this.received(i, Number(m.content));
          else if (d.toString().includes('"type":"error"')) this.errors++;
        });
      }
    });
  }

  private received(recipient: number, seq: number): void {
    const t = this.sentAt.get(seq);
    if (t === undefined) return;
    this.sentAt.delete(seq);
    this.latencies.push(performance.now() - t);
    this.delivered++;
    this.onDelivered?.(recipient);
  }

  private send(sender: number): void {
    const seq = this.seq++;
    this.sentAt.set(seq, performance.now());
    this.sockets[sender].send(this.dialect.message(`u${(sender + 1) % USERS}`, String(seq)));
  }

  private reset(): void {
    this.latencies = [];
    this.delivered = 0;
    this.errors = 0;
    this.sentAt.clear();
  }

  private result(ms: number): RoundResult {
    return { latencies: this.latencies, delivered: this.delivered, ms, errors: this.errors };
  }

  /** Wait until every message sent has arrived (or `maxMs`): the next phase starts on idle servers. */
  async drain(maxMs: number): Promise<void> {
    const deadline = performance.now() + maxMs;
    while (this.sentAt.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }

  async fixedRate(rate: number, ms: number): Promise<RoundResult> {
    this.reset();
    // paced by elapsed time, not by tick count (timers drift), in 10 ms steps
    let sent = 0;
    const start = performance.now();
    for (let elapsed = 0; elapsed < ms; elapsed = performance.now() - start) {
      const due = Math.min(Math.floor((rate * elapsed) / 1000), (rate * ms) / 1000);
      for (; sent < due; sent++) this.send(sent % USERS);
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 500)); // let the tail arrive
    const res = this.result(ms);
    await this.drain(3000);
    return res;
  }

  async maxRate(ms: number): Promise<RoundResult> {
    this.reset();
    let running = true;
    // a delivery to user r frees one slot of its sender r - 1
    this.onDelivered = (r) => {
      if (running) this.send((r + USERS - 1) % USERS);
    };
    const start = performance.now();
    for (let w = 0; w < WINDOW; w++) for (let i = 0; i < USERS; i++) this.send(i);
    await new Promise((r) => setTimeout(r, ms));
    running = false;
    const elapsed = performance.now() - start;
    this.onDelivered = null;
    const res = this.result(elapsed);
    await this.drain(3000);
    return res;
  }

  close(): void {
    for (const s of this.sockets) s.terminate();
  }
}

interface Throughput {
  fixed: PhaseResult;
  max: PhaseResult;
}

/** Both clusters up and connected; each phase alternates between them (A B, then B A), figures pooled. */
async function throughputBoth(redis: string): Promise<{ ours: Throughput; sio: Throughput }> {
  const oursPorts = [(await startGateway(redis, 'a')).port, (await startGateway(redis, 'b')).port];
  const sioPorts = [(await startSocketIo(redis)).port, (await startSocketIo(redis)).port];
  const loads = [new Load(gatewayDialect), new Load(socketIoDialect)];
  await loads[0].connect(oursPorts);
  await loads[1].connect(sioPorts);
  for (const l of loads) await l.fixedRate(1000, 1000); // warm-up
  const fixed: RoundResult[][] = [[], []];
  const max: RoundResult[][] = [[], []];
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of r % 2 === 0 ? [0, 1] : [1, 0])
      fixed[k].push(await loads[k].fixedRate(FIXED_RATE, PHASE_MS));
  }
  for (let r = 0; r < ROUNDS; r++) {
    for (const k of r % 2 === 0 ? [0, 1] : [1, 0]) max[k].push(await loads[k].maxRate(PHASE_MS));
  }
  for (const l of loads) l.close();
  return {
    ours: { fixed: pool(fixed[0]), max: pool(max[0]) },
    sio: { fixed: pool(fixed[1]), max: pool(max[1]) },
  };
}

/** RSS growth of a fresh single instance per idle registered connection, clients in separate processes. */
async function idleMemory(
  server: { child: Child; port: number },
  dialect: WireDialect,
  count: number,
): Promise<{ perConn: number; heapPerConn: number; rss: number; connected: number; seconds: number }> {
  await new Promise((r) => setTimeout(r, 1000));
  const before = await server.child.memoryAfterGc();
  const loaders = Math.ceil(count / 17_000);
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: loaders }, async (_, k) => {
      const n = Math.min(17_000, count - k * 17_000);
      const c = Child.node(IDLE, [
        dialect.name,
        String(server.port),
        String(n),
        `idle${k}-`,
        `127.0.0.${k + 2}`,
      ]);
      children.push(c);
      const m = await c.waitOutput(/ready (\d+) (\d+)/, 120_000);
      return Number(m[1]);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const connected = results.reduce((a, b) => a + b, 0);
  await new Promise((r) => setTimeout(r, 1000));
  const after = await server.child.memoryAfterGc();
  return {
    perConn: (after.rss - before.rss) / connected,
    heapPerConn: (after.heapUsed - before.heapUsed) / connected,
    rss: after.rss,
    connected,
    seconds,
  };
}

async function stopAll(): Promise<void> {
  await Promise.all(children.splice(0).map((c) => c.stop()));
}

const fmt = (n: number, d = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    process.stderr.write('bench: over the 5 minute budget, stopping\n');
    void stopAll().then(() => process.exit(1));
  }, 300_000);
  deadline.unref();
  const redis = await redisUrl();
  console.log(`bench:ws  run ${run}, Redis ${redis}, node ${process.version}`);
  console.log(`workload: 2 instances, ${USERS} users (500 each), every message crosses instances;`);
  console.log(
    `          fixed ${FIXED_RATE} msg/s for ${PHASE_MS / 1000} s, then max rate (${WINDOW} in flight per sender) for ${PHASE_MS / 1000} s;`,
  );
  console.log(`          each phase ${ROUNDS} rounds per system, alternating (A B, B A), figures pooled`);

  const { ours, sio } = await throughputBoth(redis);
  await stopAll();

  const memOurs = await idleMemory(
    await startGateway(redis, 'mem', MEMORY_PROBE),
    gatewayDialect,
    IDLE_CONNECTIONS,
  );
  await stopAll();
  const memSio = await idleMemory(
    await startSocketIo(redis, MEMORY_PROBE),
    socketIoDialect,
    IDLE_CONNECTIONS,
  );
  await stopAll();
  // The gateway needs one descriptor per connection: cap the attempt at what this machine allows a process.
  const fdLimit = Number(execSync('bash -c "ulimit -n 200000 2>/dev/null; ulimit -n"').toString().trim());
  const bigTarget = Math.min(BIG_IDLE, fdLimit - 100);
  const big = await idleMemory(await startGateway(redis, 'big', MEMORY_PROBE), gatewayDialect, bigTarget);
  await stopAll();
  await cleanupRedis(redis);

  const row = (label: string, a: string, b: string): void =>
    console.log(`${label.padEnd(36)}${a.padStart(14)}${b.padStart(14)}`);
  console.log('');
  row('', 'ws-gateway', 'socket.io');
  row(`fixed ${FIXED_RATE}/s: delivered msgs/s`, fmt(ours.fixed.perSec), fmt(sio.fixed.perSec));
  row(`fixed ${FIXED_RATE}/s: p50 latency ms`, fmt(ours.fixed.p50, 2), fmt(sio.fixed.p50, 2));
  row(`fixed ${FIXED_RATE}/s: p99 latency ms`, fmt(ours.fixed.p99, 2), fmt(sio.fixed.p99, 2));
  row('max rate: delivered msgs/s', fmt(ours.max.perSec), fmt(sio.max.perSec));
  row('max rate: p50 latency ms', fmt(ours.max.p50, 2), fmt(sio.max.p50, 2));
  row('max rate: p99 latency ms', fmt(ours.max.p99, 2), fmt(sio.max.p99, 2));
  const rounds = (r: PhaseResult): string => r.roundP99.map((x) => fmt(x, 0)).join(' / ');
  row(`fixed ${FIXED_RATE}/s: p99 per round ms`, rounds(ours.fixed), rounds(sio.fixed));
  row('max rate: p99 per round ms', rounds(ours.max), rounds(sio.max));
  row(
    `RSS per idle connection (${IDLE_CONNECTIONS / 1000}k), bytes`,
    fmt(memOurs.perConn),
    fmt(memSio.perConn),
  );
  row('JS heap per idle connection, bytes', fmt(memOurs.heapPerConn), fmt(memSio.heapPerConn));
  row('errors', String(ours.fixed.errors + ours.max.errors), String(sio.fixed.errors + sio.max.errors));
  console.log('');
  console.log(`throughput vs socket.io: ${ratio(ours.max.perSec, sio.max.perSec)}  (goal >= 2x)`);
  console.log(`p99 latency at fixed rate vs socket.io: ${ratio(ours.fixed.p99, sio.fixed.p99)}`);
  console.log(`p99 latency at max rate vs socket.io: ${ratio(ours.max.p99, sio.max.p99)}`);
  console.log(
    `memory per connection vs socket.io: ${ratio(memOurs.perConn, memSio.perConn)}  (RSS after full GC; goal <= 0.5x)`,
  );
  console.log(`JS heap per connection vs socket.io: ${ratio(memOurs.heapPerConn, memSio.heapPerConn)}`);
  console.log(
    `${fmt(big.connected)} idle connections on one instance: RSS ${fmt(big.rss / 2 ** 20)} MiB, ` +
      `${fmt(big.perConn)} bytes/connection, connected in ${fmt(big.seconds, 1)} s  (goal 50,000)`,
  );
  if (bigTarget < BIG_IDLE) {
    console.log(
      `  capped at ${fmt(bigTarget)}: this machine allows ${fmt(fdLimit)} open files per process (hard limit); ` +
        `at ${fmt(big.perConn)} bytes each, 50,000 connections need about ${fmt((BIG_IDLE * big.perConn + big.rss - big.connected * big.perConn) / 2 ** 20)} MiB`,
    );
  }
  process.exit(0);
}

async function cleanupRedis(url: string): Promise<void> {
  const r = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `bench-${run}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.del(...keys);
  } while (cursor !== '0');
  r.disconnect();
}

main().catch(async (err: Error) => {
  console.error(`bench failed: ${err.stack ?? err.message}`);
  await stopAll();
  process.exit(1);
});
