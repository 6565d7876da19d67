import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@diam/diameter';
import { runLoad } from '../src/tools/load.js';
import { freePort, listening, run, runSim, type Proc } from './support/processes.js';

/**
 * The heap tuning of src/heap-tuning.ts, on the real gateway process. The state it prevents: after an idle spell
 * V8's memory reducer leaves the old generation's limit at live + 16 MB or less, the young generation grows to
 * 16 MB under load, and from then on incremental marking starts after every scavenge (a mark-compact several times a second,
 * each a pause of milliseconds). The memory reducer is made to run after 1 s instead of 8 s so the idle spell fits
 * in a test; `--heap-growing-percent=0` on node's command line turns the tuning off (the control case).
 */
const procs: Proc[] = [];
afterEach(async () => {
  for (const p of procs.splice(0)) {
    p.signal('SIGKILL');
    await p.exited;
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fullCollectionsUnderLoad(
  extraNodeArgs: string[],
): Promise<{ count: number; answered: number }> {
  const [simPort, gwPort] = [await freePort(), await freePort()];
  procs.push(runSim(simPort, 'sim', ['--log', 'warn']));
  await listening(simPort);
  const gateway = run(
    'diameter-gateway',
    [
      '--listen',
      `127.0.0.1:${gwPort}`,
      '--origin-host',
      'gw.peers.test',
      '--dra',
      `dra1=127.0.0.1:${simPort},priority=1`,
      '--origin-realm',
      'peers.test',
      '--metrics-listen',
      'off',
      '--log',
      'warn',
    ],
    ['--trace-gc', '--gc-memory-reducer-start-delay-ms=1000', ...extraNodeArgs],
  );
  procs.push(gateway);
  await listening(gwPort);
  await sleep(3000); // idle: the memory reducer runs
  const before = gateway.output().length;
  const result = await runLoad({
    host: '127.0.0.1',
    port: gwPort,
    originHost: 'load.peers.test',
    originRealm: 'peers.test',
    rate: 40_000,
    durationMs: 3500,
    logger: silentLogger,
  });
  const during = gateway.output().slice(before);
  return { count: during.match(/Mark-Compact/g)?.length ?? 0, answered: result.answered };
}

describe('heap tuning (V8 flags set at start-up)', () => {
  it('keeps full collections out of a loaded gateway after an idle spell', async () => {
    // The control case shows the state the tuning prevents; whether an untuned process falls into it depends on
    // its history (it did in most runs here, 5-6 mark-compacts, and in one run under the full suite's load it did
    // not), so its count is reported, not asserted.
    const untuned = await fullCollectionsUnderLoad(['--heap-growing-percent=0']);
    const tuned = await fullCollectionsUnderLoad([]);
    console.log(`mark-compacts under load: untuned ${untuned.count}, tuned ${tuned.count}`);
    expect(untuned.answered).toBeGreaterThan(70_000);
    expect(tuned.answered).toBeGreaterThan(70_000);
    expect(tuned.count).toBeLessThanOrEqual(1);
  }, 40_000);
});
