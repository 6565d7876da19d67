import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createLogger } from './logger.js';
import { loadConfig } from './config.js';
import { Gateway } from './gateway.js';
import { tuneHeapForRelaying } from './heap-tuning.js';
import { runLoad } from './tools/load.js';

/**
 * `npm start`: the gateway on 0.0.0.0:3868 with two simulated DRAs (DRA-1 priority 1 on 3869, DRA-2 priority 2
 * on 3870, each its own process), needing nothing else. `npm run demo` adds a short Gx load and kills, then
 * revives, DRA-1 so failover and failback show in the live stats. SIGINT/SIGTERM stop everything (exit 0).
 */
const withLoad = process.argv.includes('--with-load');
const BIN = join(import.meta.dirname, '..', '..', 'bin');
const children = new Set<ChildProcess>();

/**
 * A simulated DRA in its own process group, so a Ctrl-C meant for the demo does not take the DRAs down under the
 * gateway's graceful stop (the demo stops them afterwards). The IPC channel ties them to the demo all the same:
 * the simulator exits when its parent goes, however that happens. Resolves once it listens.
 */
function startSim(name: string, port: number): { child: ChildProcess; listening: Promise<void> } {
  const child = spawn(
    process.execPath,
    [
      join(BIN, 'diameter-dra-sim.js'),
      '--listen',
      `127.0.0.1:${port}`,
      '--origin-host',
      `${name}.demo.test`,
      '--origin-realm',
      'demo.test',
      '--log',
      'warn',
    ],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], detached: true },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  const listening = new Promise<void>((resolve) => {
    // Gives up after 5 s (port taken, say): the gateway then starts anyway and says no DRA is up.
    const timer = setTimeout(resolve, 5000);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return { child, listening };
}

const say = (text: string) => process.stdout.write(`${text}\n`);

tuneHeapForRelaying();
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
// The embedded default: 3868 for Logic Apps, 3869/3870 for the simulated DRAs (overridable, for tests).
const [dra1Port, dra2Port] = (process.env.DEMO_DRA_PORTS ?? '3869,3870').split(',').map(Number);
const { config } = loadConfig([
  '--listen',
  process.env.GATEWAY_LISTEN ?? '0.0.0.0:3868',
  '--origin-host',
  'gw.demo.test',
  '--origin-realm',
  'demo.test',
  '--dra',
  `DRA-1=127.0.0.1:${dra1Port},priority=1`,
  '--dra',
  `DRA-2=127.0.0.1:${dra2Port},priority=2`,
  '--watchdog-interval',
  withLoad ? '1s' : '30s',
  '--session-timeout',
  '2s',
  '--failback-hold-down',
  withLoad ? '1s' : '5s',
  '--reconnect-interval',
  '500ms',
  '--max-reconnect-delay',
  '2s',
  '--metrics-listen',
  process.env.METRICS_LISTEN ?? '127.0.0.1:9090',
]);
const sims = [startSim('dra1', dra1Port), startSim('dra2', dra2Port)];
let dra1 = sims[0]!.child;
// The DRAs listen before the gateway dials them: no refused first connection, and the demo starts on DRA-1.
await Promise.all(sims.map((s) => s.listening));
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
const gateway = new Gateway(config, logger);

let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) process.exit(code);
  stopping = true;
  say('\nstopping: DPR to Logic Apps and DRAs …');
  await gateway.stop(2000).catch(() => undefined);
  // The simulators answer SIGTERM with DPR and exit; whatever is still there after 2 s is killed.
  const exited = [...children].map((c) => new Promise((r) => c.once('exit', r)));
  for (const c of children) c.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 2000))]);
  for (const c of children) c.kill('SIGKILL');
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await gateway.start();
} catch (error) {
  process.stderr.write(`cannot start the gateway on ${config.listen}: ${(error as Error).message}\n`);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
}
const readyBy = Date.now() + 5000;
while (!gateway.isReady() && Date.now() < readyBy) await new Promise((r) => setTimeout(r, 50));
if (!gateway.isReady())
  say(
    `warning: no simulated DRA is up yet (ports ${dra1Port}/${dra2Port} taken?): requests get 3002 until one is`,
  );

say(
  `Diameter gateway gw.demo.test listening on ${config.listen}, DRA-1 (priority 1) on :${dra1Port}, DRA-2 (priority 2) on :${dra2Port}`,
);
say(`Stats: curl http://${config.metricsListen}/stats   Metrics: http://${config.metricsListen}/metrics`);
say('Point a Logic App (any CER; the gateway advertises the Relay application) at 127.0.0.1:3868, or run:');
say(
  '  npx diameter-load --target 127.0.0.1:3868 --origin-host load.demo.test --origin-realm demo.test --app gx --duration 10s --window 64',
);
say('Ctrl-C stops it.');

if (withLoad) {
  const line = () => {
    const s = gateway.snapshot() as {
      gateway: {
        total_requests: number;
        total_responses: number;
        total_errors: number;
        p99_latency_ms: number;
      };
      dra_pool: { active_priority: number | null; failover_count: number; failback_count: number };
      dras: { name: string; up: boolean; requests: number }[];
    };
    const dras = s.dras.map((d) => `${d.name} ${d.up ? 'up' : 'DOWN'} ${d.requests}`).join(', ');
    say(
      `[stats] requests ${s.gateway.total_requests}  answers ${s.gateway.total_responses}  errors ${s.gateway.total_errors}  ` +
        `p99 ${s.gateway.p99_latency_ms} ms  priority ${s.dra_pool.active_priority ?? '-'}  failovers ${s.dra_pool.failover_count}  ` +
        `failbacks ${s.dra_pool.failback_count}  | ${dras}`,
    );
  };
  const ticker = setInterval(line, 1000);
  const load = runLoad({
    host: '127.0.0.1',
    port: Number(config.listen.split(':').pop()),
    originHost: 'load.demo.test',
    originRealm: 'demo.test',
    app: 'gx',
    durationMs: 16_000,
    rate: 500,
    window: 64,
  });
  setTimeout(() => {
    say('>>> killing DRA-1 (SIGKILL): traffic fails over to DRA-2');
    dra1.kill('SIGKILL');
  }, 4000);
  setTimeout(() => {
    say(
      '>>> restarting DRA-1: the gateway reconnects, needs three DWAs (REOPEN -> OKAY) and the hold-down, then fails back',
    );
    dra1 = startSim('dra1', dra1Port).child;
  }, 8000);
  const result = await load;
  clearInterval(ticker);
  line();
  say(
    `load: ${result.sent} sent, ${result.answered} answered, ${Math.round(result.req_per_s)} req/s, result codes ${JSON.stringify(result.result_codes)}`,
  );
  await stop(0);
}
