/**
 * npm run bench:gateway — the same load (the generator of `diameter-load`, Gx CCR-Initial over one connection,
 * window 1 and window 64, a 1 s warm-up then 5 s measured) in three setups, each part in its own process:
 *   (1) direct:       generator → DRA simulator (the floor);
 *   (2) gateway:      generator → diameter-gateway (--log warn, --metrics-listen off) → the same simulator;
 *   (3) freeDiameter: generator → freeDiameterd relay (rt_default to the simulator) → the same simulator.
 * Then paced rounds (BENCH_PACED_ROUNDS, default 5), each setup once per round, one generator process each:
 *   (a) at half of the gateway's window-64 rate: direct, a byte pipe (bench/byte-pipe.ts: the least any relay
 *       process does) and the gateway, for the p99 the gateway adds when it is not saturated (the goal);
 *   (b) at half of freeDiameter's window-64 rate: direct, gateway and freeDiameter, the two relays' tails at a
 *       rate both sustain.
 * A paced figure is pooled: every generator process hands back its latency histogram, the histograms of one
 * setup over all rounds are merged, and the added latency is pooled p50 / p99 of the setup minus that of direct
 * (at the gateway's half rate, 5 rounds of 5 s: a p99 over some 2.5 M requests per setup). A single round's p99
 * swings by ±0.5 ms on a small shared VM, so the median of a few rounds' differences jumps from run to run; the
 * pooled tail counts every round's requests alike instead of picking one round. The per-round differences and
 * the median round's (the figure of earlier versions of this bench) are printed next to it, with the spread of
 * direct's own p99 over the rounds.
 * Prints the figures, the ratios (`gateway vs freeDiameter: 2.13x`), the latency added over direct and the goals;
 * stops by itself and kills every process it started.
 *
 * Env: BENCH_DURATION_MS (default 5000), BENCH_WARMUP_MS (default 1000), BENCH_PACED_ROUNDS (default 5),
 * BENCH_PIN=1 (see below), BENCH_LOW_LATENCY=1 (see holdLowLatency).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { existsSync, openSync, writeSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  buildMessage,
  defaultDictionary,
  encodeMessage,
  headerView,
  parsePeerConfig,
  PeerConnection,
  silentLogger,
} from '@diam/diameter';
import { LatencyHistogram, type SparseHistogram } from '../src/latency-histogram.js';
import type { LoadResult } from '../src/tools/load.js';
import {
  freeDiameterAvailable,
  FREEDIAMETERD,
  startFreeDiameterRelay,
  type FdRelay,
} from './freediameter.js';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000);
const ROUNDS = Number(process.env.BENCH_PACED_ROUNDS ?? 5);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1000);
const WINDOWS = [1, 64] as const;
const REALM = 'peers.test';
const SIM_HOST = 'sim.peers.test';
const GW_HOST = 'gw.peers.test';
const FD_HOST = 'fd.peers.test';

const here = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
// dist/bench/gateway.js → the package's bin/ and dist/bench/load-run.js
const SIM_BIN = here('../../bin/diameter-dra-sim.js');
const GW_BIN = here('../../bin/diameter-gateway.js');
const LOAD_RUN = here('./load-run.js');
const PIPE_RUN = here('./byte-pipe.js');

// ---------------------------------------------------------------------------------------------------------------
// Processes: every child is tracked and killed on exit, on a signal and on failure.

interface Tracked {
  name: string;
  child: ChildProcess;
  cleanup?: () => void;
  stderr: string;
}
const children: Tracked[] = [];

function track(name: string, child: ChildProcess, cleanup?: () => void): Tracked {
  const t: Tracked = { name, child, cleanup, stderr: '' };
  child.stderr?.on('data', (d: Buffer) => {
    t.stderr += d.toString('utf8');
    if (t.stderr.length > 32_000) t.stderr = t.stderr.slice(-16_000);
  });
  children.push(t);
  return t;
}

const alive = (c: ChildProcess) => c.exitCode === null && c.signalCode === null;

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (!alive(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopAll(): Promise<void> {
  await Promise.all(
    children.map(async (t) => {
      if (alive(t.child)) {
        t.child.kill('SIGTERM');
        if (!(await waitExit(t.child, 3000))) {
          t.child.kill('SIGKILL');
          await waitExit(t.child, 2000);
        }
      }
      t.cleanup?.();
    }),
  );
}

process.once('exit', () => {
  for (const t of children) if (alive(t.child)) t.child.kill('SIGKILL');
  for (const t of children) t.cleanup?.();
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nbench:gateway: ${signal}, stopping everything\n`);
    void stopAll().finally(() => process.exit(130));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * BENCH_LOW_LATENCY=1: holds /dev/cpu_dma_latency at 0 for the whole run, as tuned's latency-performance profile
 * does. Idle CPUs then poll instead of halting, and on a VM a halted vCPU costs an exit to the hypervisor at every
 * wake-up, which is most of a loopback hop. Machine-wide: every setup of the run gets it alike. The file stays
 * open until the process exits (closing it gives the setting back).
 */
function holdLowLatency(): string {
  try {
    writeSync(openSync('/dev/cpu_dma_latency', 'r+'), Buffer.alloc(4)); // the descriptor is never closed
    return 'held at 0 for the run (BENCH_LOW_LATENCY=1: idle CPUs poll instead of halting)';
  } catch (error) {
    return `BENCH_LOW_LATENCY=1 asked, not available: ${(error as Error).message}`;
  }
}

/**
 * BENCH_PIN=1 (with two or more CPUs and taskset): the relay under test (our gateway or freeDiameter) gets CPU 1 to
 * itself and the generator and the simulator share CPU 0, instead of three processes time-sliced over all cores.
 */
const PIN = process.env.BENCH_PIN === '1' && availableParallelism() >= 2 && existsSync('/usr/bin/taskset');
const RELAY_CPU = 1;
const LOAD_CPU = 0;

function spawnNode(name: string, script: string, args: string[], cpu: number): Tracked {
  const command = PIN ? ['taskset', '-c', String(cpu), process.execPath] : [process.execPath];
  const child = spawn(command[0]!, [...command.slice(1), script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return track(name, child);
}

/** A child that prints `listening` once it accepts connections; resolves then. */
async function startListening(name: string, script: string, args: string[], cpu: number): Promise<Tracked> {
  const t = spawnNode(name, script, args, cpu);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${t.stderr}`)), 8000);
    t.child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    t.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}): ${t.stderr}`));
    });
  });
  return t;
}

const startSim = (port: number) =>
  startListening(
    'diameter-dra-sim',
    SIM_BIN,
    ['--listen', `127.0.0.1:${port}`, '--origin-host', SIM_HOST, '--origin-realm', REALM, '--log', 'warn'],
    LOAD_CPU,
  );

/** bench/byte-pipe.ts in front of the simulator: the yardstick of what one more process costs. */
const startPipe = (port: number, simPort: number) =>
  startListening('byte pipe', PIPE_RUN, [String(port), String(simPort)], RELAY_CPU);

function startGateway(port: number, simPort: number): Tracked {
  const t = spawnNode(
    'diameter-gateway',
    GW_BIN,
    [
      '--listen',
      `127.0.0.1:${port}`,
      '--origin-host',
      GW_HOST,
      '--origin-realm',
      REALM,
      '--dra',
      `dra1=127.0.0.1:${simPort},priority=1`,
      '--log',
      'warn',
      '--metrics-listen',
      'off',
    ],
    RELAY_CPU,
  );
  t.child.stdout!.on('data', (d: Buffer) => (t.stderr += d.toString('utf8'))); // pino logs on stdout
  return t;
}

/**
 * Ready = a Gx CCR sent to `port` comes back 2001 (the whole chain is up: listening, CER/CEA, the next hop
 * connected). Retries for up to `ms`.
 */
async function waitAnswering(name: string, port: number, t: Tracked, ms = 10_000): Promise<void> {
  const dict = defaultDictionary();
  const deadline = Date.now() + ms;
  let last = '';
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    if (!alive(t.child)) throw new Error(`${name} exited: ${t.stderr.slice(-2000)}`);
    const c = new PeerConnection({
      config: parsePeerConfig({
        originHost: 'probe.peers.test',
        originRealm: REALM,
        authApplicationIds: [16777238],
        reconnect: false,
        connectTimeout: 1000,
        cerTimeout: 1000,
        requestTimeout: 1000,
        dprTimeout: 500,
      }),
      host: '127.0.0.1',
      port,
      logger: silentLogger,
    });
    try {
      await c.connect();
      const ccr = buildMessage(
        dict,
        'CCR',
        {
          'Session-Id': `probe.peers.test;${Date.now()};${attempt}`,
          'Auth-Application-Id': 16777238,
          'Origin-Host': 'probe.peers.test',
          'Origin-Realm': REALM,
          'Destination-Realm': REALM,
          'CC-Request-Type': 'INITIAL_REQUEST',
          'CC-Request-Number': 0,
        },
        { applicationId: 16777238 },
      );
      const answer = await c.requestBytes(encodeMessage(ccr), { timeout: 1000 });
      const at = headerView.findAvp(answer, headerView.RoutingAvp.RESULT_CODE);
      const code = at < 0 ? undefined : headerView.avpUnsigned32(answer, at);
      if (code === 2001) return;
      last = `Result-Code ${code}`;
    } catch (error) {
      last = (error as Error).message;
    } finally {
      await c.close({ drainTimeout: 100 }).catch(() => undefined);
      c.destroy();
    }
    await sleep(200);
  }
  throw new Error(`${name} on port ${port} does not answer 2001 within ${ms} ms (last: ${last})`);
}

/** A measured run as bench/load-run.ts prints it: the LoadResult and the run's latency histogram. */
type Measured = LoadResult & { histogram: SparseHistogram };

/** One generator process: warm-up, then the measured run; its last stdout line is the LoadResult. */
async function measure(port: number, window: number, rate?: number): Promise<Measured> {
  const job = { host: '127.0.0.1', port, window, durationMs: DURATION_MS, warmupMs: WARMUP_MS, rate };
  const t = spawnNode('generator', LOAD_RUN, [JSON.stringify(job)], LOAD_CPU);
  let out = '';
  t.child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const guard = setTimeout(() => t.child.kill('SIGKILL'), DURATION_MS + WARMUP_MS + 20_000);
  // 'close': the process is gone and its stdout fully read.
  await new Promise<void>((resolve) => t.child.once('close', () => resolve()));
  clearTimeout(guard);
  children.splice(children.indexOf(t), 1);
  const last = out.trim().split('\n').pop() ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(last);
  } catch {
    throw new Error(`generator printed no result (exit ${t.child.exitCode}): ${out}${t.stderr}`);
  }
  if ((parsed as { error?: string }).error !== undefined)
    throw new Error(`generator against port ${port}: ${JSON.stringify(parsed)}`);
  return parsed as Measured;
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1]!;
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms3 = (n: number) => n.toFixed(3);
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(3)}`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

function codes(r: LoadResult): string {
  const entries = Object.entries(r.result_codes);
  const text = entries.map(([c, n]) => (entries.length === 1 ? c : `${c}:${n}`)).join(' ');
  const problems = r.unanswered > 0 ? ` UNANSWERED ${r.unanswered}` : '';
  return `${text || 'none'}${problems}`;
}

function row(label: string, window: number | string, r: LoadResult): string {
  return (
    `  ${label.padEnd(30)} ${String(window).padStart(6)} ${fmtInt(r.req_per_s).padStart(10)} ` +
    `${ms3(r.p50_ms).padStart(9)} ${ms3(r.p99_ms).padStart(9)} ${fmtInt(r.answered).padStart(10)}  ${codes(r)}`
  );
}

const HEADER = `  ${'setup'.padEnd(30)} ${'window'.padStart(6)} ${'req/s'.padStart(10)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'answered'.padStart(10)}  result codes`;

// ---------------------------------------------------------------------------------------------------------------

type Setup = 'direct' | 'pipe' | 'gateway' | 'freeDiameter';
const LABEL: Record<Setup, string> = {
  direct: 'direct (generator → sim)',
  pipe: 'byte pipe (→ pipe → sim)',
  gateway: 'gateway (→ gateway → sim)',
  freeDiameter: 'freeDiameter (→ fd relay → sim)',
};

async function main(): Promise<void> {
  const started = performance.now();
  const cpuList = cpus();
  const withFd = freeDiameterAvailable();
  let fdRelay: FdRelay | undefined;
  const [simPort, gwPort, fdPort, fdSecPort, pipePort] = await freePorts(5);

  const out = (line = '') => process.stdout.write(`${line}\n`);
  out('bench:gateway — relaying Gx CCR-Initial: direct vs our gateway vs freeDiameter, in one run');
  out(
    `  generator: runLoad (diameter-load's engine), 1 connection, ${WARMUP_MS / 1000} s warm-up + ` +
      `${DURATION_MS / 1000} s measured per run, each run in its own process`,
  );
  out(
    `  machine: ${cpuList.length} vCPU(s) (${cpuList[0]?.model.trim() ?? 'unknown'}), node ${process.version}; ` +
      (PIN
        ? `separate processes; the relay pinned to CPU ${RELAY_CPU}, generator and simulator to CPU ${LOAD_CPU} (taskset, BENCH_PIN=1)`
        : 'generator, relay and simulator are separate processes sharing these cores'),
  );
  out(
    `  simulator: diameter-dra-sim, answering 2001 at once; gateway: diameter-gateway --log warn --metrics-listen off`,
  );
  out(
    `  /dev/cpu_dma_latency: ${process.env.BENCH_LOW_LATENCY === '1' ? holdLowLatency() : 'as the machine has it'}`,
  );
  const load = loadavg()[0]!;
  out(
    `  load average (1 min) before the run: ${load.toFixed(2)}` +
      (load > 0.5 ? ' — other work is running on this machine: the figures are noisy' : ''),
  );
  if (!withFd) out(`  freeDiameter: ${FREEDIAMETERD} (or its extensions) missing — setup (3) skipped`);
  else
    out(
      `  freeDiameter: ${FREEDIAMETERD} 1.2.1 relay, rt_default routing every request to the simulator, default threads`,
    );
  out();

  const sim = await startSim(simPort);
  const gw = startGateway(gwPort, simPort);
  await waitAnswering('simulator', simPort, sim);
  await waitAnswering('gateway', gwPort, gw);
  const targets: [Setup, number, Tracked][] = [
    ['direct', simPort, sim],
    ['gateway', gwPort, gw],
  ];
  if (withFd) {
    let fdTracked: Tracked | undefined;
    fdRelay = await startFreeDiameterRelay(
      {
        identity: FD_HOST,
        realm: REALM,
        port: fdPort,
        secPort: fdSecPort,
        next: { name: SIM_HOST, host: '127.0.0.1', port: simPort },
        ...(PIN && { cpu: RELAY_CPU }),
      },
      (child, cleanup) => (fdTracked = track('freeDiameterd', child, cleanup)),
    );
    await waitAnswering('freeDiameter', fdPort, fdTracked!);
    targets.push(['freeDiameter', fdPort, fdTracked!]);
  }

  const results = new Map<string, LoadResult>();
  const key = (s: Setup, w: number | string) => `${s}/${w}`;
  out(HEADER);
  for (const window of WINDOWS) {
    for (const [setup, port, t] of targets) {
      if (!alive(t.child)) throw new Error(`${t.name} died: ${t.stderr.slice(-2000)}`);
      const r = await measure(port, window);
      results.set(key(setup, window), r);
      out(row(LABEL[setup], window, r));
      if (r.answered === 0) {
        const log = setup === 'freeDiameter' ? fdRelay?.tail() : t.stderr.slice(-3000);
        throw new Error(`${setup}, window ${window}: nothing answered: ${JSON.stringify(r)}\n${log ?? ''}`);
      }
    }
  }

  // Paced rounds: each setup once per round, back to back, ROUNDS times. A p99 is the slowest 1 % and moves with
  // whatever else the machine does, so a setup's rounds are pooled (their histograms merged) and the figure is the
  // pooled tail minus direct's pooled tail; the per-round differences and the median round's are shown beside it,
  // with the spread of the direct path's own p99 over the rounds (the noise a single round sits in).
  const portOf = new Map<Setup, number>(targets.map(([s, port]) => [s, port]));
  const paced = async (rate: number, setups: Setup[]): Promise<Map<Setup, Measured>[]> => {
    const rounds: Map<Setup, Measured>[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const r = new Map<Setup, Measured>();
      for (const setup of setups) {
        const result = await measure(portOf.get(setup)!, 1000, rate);
        r.set(setup, result);
        results.set(key(setup, `${rate}/s #${round + 1}`), result);
        out(row(LABEL[setup], `${fmtInt(rate)}/s`, result));
      }
      rounds.push(r);
    }
    return rounds;
  };
  /** One setup's runs over all the rounds, as one histogram. */
  const pooled = (rounds: Map<Setup, Measured>[], setup: Setup): LatencyHistogram => {
    const h = new LatencyHistogram();
    for (const r of rounds) h.merge(LatencyHistogram.fromSparse(r.get(setup)!.histogram));
    return h;
  };
  const added = (rounds: Map<Setup, Measured>[], setup: Setup) => {
    const direct = pooled(rounds, 'direct');
    const it = pooled(rounds, setup);
    const p99s = rounds.map((r) => r.get(setup)!.p99_ms - r.get('direct')!.p99_ms);
    const at = p99s.indexOf(median(p99s));
    return {
      p50: it.quantileMs(0.5) - direct.quantileMs(0.5),
      p99: it.quantileMs(0.99) - direct.quantileMs(0.99),
      medianRound: {
        p50: rounds[at]!.get(setup)!.p50_ms - rounds[at]!.get('direct')!.p50_ms,
        p99: p99s[at]!,
      },
      all: p99s,
      count: it.count,
    };
  };
  const directSpread = (rounds: Map<Setup, Measured>[]) => {
    const p99s = rounds.map((r) => r.get('direct')!.p99_ms);
    const all = pooled(rounds, 'direct');
    return (
      `${ms3(Math.min(...p99s))}–${ms3(Math.max(...p99s))} ms; pooled p50 / p99 ` +
      `${ms3(all.quantileMs(0.5))} / ${ms3(all.quantileMs(0.99))} ms over ${fmtInt(all.count)} answers`
    );
  };

  // (a) Half of the gateway's window-64 maximum: the goal's rate. The byte pipe is the floor of any relay.
  await startPipe(pipePort, simPort);
  portOf.set('pipe', pipePort);
  const gwMax = results.get(key('gateway', 64))!.req_per_s;
  const half = Math.max(1, Math.round(gwMax / 2));
  const atHalf = await paced(half, ['direct', 'pipe', 'gateway']);
  // (b) Half of freeDiameter's window-64 maximum: a rate both relays sustain, to compare their tails.
  const fdMax = results.get(key('freeDiameter', 64))?.req_per_s;
  const fdHalf = fdMax === undefined ? undefined : Math.max(1, Math.round(fdMax / 2));
  const atFdHalf =
    fdHalf === undefined ? undefined : await paced(fdHalf, ['direct', 'gateway', 'freeDiameter']);
  out();

  const get = (s: Setup, w: number | string) => results.get(key(s, w));
  out('ratios (req/s, same run)');
  for (const w of WINDOWS) {
    const g = get('gateway', w)!;
    const d = get('direct', w)!;
    const f = get('freeDiameter', w);
    const parts = [
      f !== undefined
        ? `gateway vs freeDiameter: ${ratio(g.req_per_s, f.req_per_s)}`
        : 'gateway vs freeDiameter: n/a (skipped)',
      `gateway vs direct: ${ratio(g.req_per_s, d.req_per_s)}`,
    ];
    if (f !== undefined) parts.push(`freeDiameter vs direct: ${ratio(f.req_per_s, d.req_per_s)}`);
    out(`  window ${String(w).padEnd(3)} ${parts.join('   ')}`);
  }
  out();
  out('latency added over direct (p50 / p99, ms)');
  for (const w of WINDOWS) {
    const d = get('direct', w)!;
    const g = get('gateway', w)!;
    const f = get('freeDiameter', w);
    let line = `  window ${String(w).padEnd(3)} gateway ${signed(g.p50_ms - d.p50_ms)} / ${signed(g.p99_ms - d.p99_ms)}`;
    if (f !== undefined)
      line += `   freeDiameter ${signed(f.p50_ms - d.p50_ms)} / ${signed(f.p99_ms - d.p99_ms)}`;
    out(line);
  }
  const pacedLine = (rate: number, what: string, rounds: Map<Setup, Measured>[], setups: Setup[]) => {
    out(`  at ${fmtInt(rate)} req/s (${what}), paced, ${ROUNDS} rounds pooled:`);
    for (const setup of setups) {
      const a = added(rounds, setup);
      out(
        `    ${setup.padEnd(12)} ${signed(a.p50)} / ${signed(a.p99)}   (pooled over ${fmtInt(a.count)} answers; ` +
          `median round ${signed(a.medianRound.p50)} / ${signed(a.medianRound.p99)}; ` +
          `p99 per round: ${a.all.map(signed).join(', ')})`,
      );
    }
    out(`    direct p99 itself over the rounds: ${directSpread(rounds)}`);
  };
  pacedLine(half, "half of the gateway's window-64 maximum", atHalf, ['pipe', 'gateway']);
  if (atFdHalf !== undefined)
    pacedLine(fdHalf!, "half of freeDiameter's window-64 maximum", atFdHalf, ['gateway', 'freeDiameter']);
  const addedP99 = added(atHalf, 'gateway').p99;
  out();

  out('goals (issue): gateway ≥ 2x freeDiameter req/s; added p99 < 1 ms at half of our maximum rate');
  for (const w of WINDOWS) {
    const f = get('freeDiameter', w);
    if (f === undefined) {
      out(`  window ${String(w).padEnd(3)} gateway vs freeDiameter: skipped (no freeDiameter)`);
      continue;
    }
    const x = get('gateway', w)!.req_per_s / f.req_per_s;
    out(
      `  window ${String(w).padEnd(3)} gateway vs freeDiameter: ${x.toFixed(2)}x — ${x >= 2 ? 'met' : 'NOT met'}`,
    );
  }
  out(`  added p99 at ${fmtInt(half)} req/s: ${signed(addedP99)} ms — ${addedP99 < 1 ? 'met' : 'NOT met'}`);

  const problems = [...results.entries()].filter(([, r]) => r.unanswered > 0 || r.answered < r.sent);
  for (const [k, r] of problems)
    out(`  WARNING ${k}: sent ${r.sent}, answered ${r.answered}, unanswered ${r.unanswered}`);
  const sharedNote =
    cpuList.length <= 2 && !PIN
      ? ` on ${cpuList.length} vCPU(s) shared by generator, relay and simulator`
      : '';
  out();
  out(
    `done in ${((performance.now() - started) / 1000).toFixed(1)} s${sharedNote}; ` +
      `load average (1 min) now ${loadavg()[0]!.toFixed(2)}`,
  );
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  process.stderr.write(`bench:gateway failed: ${(error as Error).stack ?? String(error)}\n`);
  for (const t of children)
    if (t.stderr.trim() !== '') process.stderr.write(`--- ${t.name} ---\n${t.stderr.slice(-2000)}\n`);
} finally {
  await stopAll();
}
process.exit(failed ? 1 : 0);
