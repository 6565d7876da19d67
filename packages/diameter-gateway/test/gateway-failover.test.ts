import { afterEach, describe, expect, it } from 'vitest';
import {
  freePort,
  getJson,
  listening,
  runGateway,
  runLoadTool,
  runSim,
  type Proc,
} from './support/processes.js';

/**
 * Failover under load with real processes, as the acceptance check runs them: diameter-load at a fixed rate
 * through diameter-gateway (two DRAs, Tw 1 s, session timeout 2 s), DRA-1 killed (SIGKILL), restarted, frozen
 * (SIGSTOP), resumed. Every request must be answered (2001 or 3002), failover and failback counted, and failback
 * must wait for the DRA's REOPEN → OKAY.
 */
const procs: Proc[] = [];
afterEach(async () => {
  for (const p of procs.splice(0)) {
    p.signal('SIGCONT');
    p.signal('SIGKILL');
    await p.exited;
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function sim(port: number, name: string): Proc {
  const p = runSim(port, name);
  procs.push(p);
  return p;
}

describe('gateway failover under load (real processes)', () => {
  it('kill, restart, freeze and resume DRA-1: every request answered, failover and failback counted', async () => {
    const [gwPort, metricsPort, dra1Port, dra2Port] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    let dra1 = sim(dra1Port, 'dra1');
    sim(dra2Port, 'dra2');
    await Promise.all([listening(dra1Port), listening(dra2Port)]);
    const gateway = runGateway(
      gwPort,
      [`dra1=127.0.0.1:${dra1Port},priority=1`, `dra2=127.0.0.1:${dra2Port},priority=2`],
      [
        '--session-timeout',
        '2s',
        '--watchdog-interval',
        '1s',
        '--failback-hold-down',
        '500ms',
        '--reconnect-interval',
        '200ms',
        '--max-reconnect-delay',
        '1s',
        '--metrics-listen',
        `127.0.0.1:${metricsPort}`,
        '--log',
        'warn',
      ],
    );
    procs.push(gateway);
    await listening(gwPort);
    const stats = () =>
      getJson(metricsPort, '/stats') as Promise<{
        dra_pool: { active_priority: number; failover_count: number; failback_count: number };
        forwarding: { retransmits: number };
      }>;
    while ((await stats()).dra_pool.active_priority !== 1) await sleep(50);

    const load = runLoadTool(gwPort, 'load', [
      '--app',
      'gx',
      '--duration',
      '14s',
      '--rate',
      '300',
      '--window',
      '64',
      '--timeout',
      '5s',
      '--json',
      '--quiet',
    ]);
    procs.push(load);
    const timeline: string[] = [];
    const note = async (what: string) => {
      const s = await stats();
      timeline.push(
        `${what}: priority ${s.dra_pool.active_priority}, failovers ${s.dra_pool.failover_count}, failbacks ${s.dra_pool.failback_count}`,
      );
    };

    await sleep(1500);
    dra1.signal('SIGKILL');
    await dra1.exited;
    await sleep(300);
    await note('DRA-1 killed');
    expect((await stats()).dra_pool.active_priority).toBe(2);

    await sleep(700);
    dra1 = sim(dra1Port, 'dra1');
    const restartedAt = Date.now();
    // Failback only once DRA-1 has answered three DWAs (REOPEN -> OKAY, Tw = 1 s) and the hold-down passed.
    while ((await stats()).dra_pool.active_priority !== 1) {
      expect(Date.now() - restartedAt).toBeLessThan(8000);
      await sleep(50);
    }
    const failbackAfter = Date.now() - restartedAt;
    await note(`DRA-1 back after ${failbackAfter} ms`);
    expect(failbackAfter).toBeGreaterThanOrEqual(1500);

    await sleep(500);
    dra1.signal('SIGSTOP');
    const frozenAt = Date.now();
    while ((await stats()).dra_pool.active_priority !== 2) {
      expect(Date.now() - frozenAt).toBeLessThan(5000);
      await sleep(50);
    }
    await note(`DRA-1 frozen, failover after ${Date.now() - frozenAt} ms`);
    await sleep(1500);
    dra1.signal('SIGCONT');
    const resumedAt = Date.now();
    while ((await stats()).dra_pool.active_priority !== 1) {
      expect(Date.now() - resumedAt).toBeLessThan(8000);
      await sleep(50);
    }
    await note('DRA-1 resumed');

    const code = await load.exited;
    const lines = load.output().trim().split('\n');
    const result = JSON.parse(lines[lines.length - 1]) as {
      sent: number;
      answered: number;
      unanswered: number;
      result_codes: Record<string, number>;
    };
    const final = await stats();
    const summary = { result, timeline, final: final.dra_pool, retransmits: final.forwarding.retransmits };
    expect(result.unanswered, JSON.stringify(summary)).toBe(0);
    expect(result.answered).toBe(result.sent);
    expect(
      Object.keys(result.result_codes).every((c) => c === '2001' || c === '3002'),
      JSON.stringify(summary),
    ).toBe(true);
    expect(result.result_codes['2001']).toBeGreaterThan(result.sent * 0.8);
    expect(code).toBe(0);
    expect(final.dra_pool.failover_count).toBeGreaterThanOrEqual(2);
    expect(final.dra_pool.failback_count).toBeGreaterThanOrEqual(2);
    console.log(JSON.stringify(summary, null, 1));

    gateway.signal('SIGTERM');
    expect(await gateway.exited).toBe(0);
  }, 60_000);
});
