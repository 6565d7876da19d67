import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionPool } from '../src/client/connection-pool.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import {
  ConnectionClosedError,
  InvalidConfigError,
  NoActiveConnectionError,
  PoolClosedError,
  TimeoutError,
} from '../src/errors.js';
import type { FailureEvent, WatchdogChangeEvent } from '../src/peer/events.js';
import { startPeerProcess, type PeerProcess } from './support/peer-process.js';

/**
 * The pool against our server in other processes, killed (SIGKILL) or frozen (SIGSTOP) for real. Timers are
 * short: Tw 400 ms, DWR timeout 200 ms.
 */
const dict = defaultDictionary();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const TW = 400;
const DWR_TIMEOUT = 200;

function pool(
  port: number,
  connections: number,
  extra: Partial<ConstructorParameters<typeof ConnectionPool>[0]> = {},
): ConnectionPool {
  const p = new ConnectionPool({
    host: '127.0.0.1',
    port,
    connections,
    originHost: 'pool.test',
    originRealm: 'test',
    authApplicationIds: [4],
    watchdogInterval: TW,
    watchdogTimeout: DWR_TIMEOUT,
    watchdogJitter: 0,
    reconnectInterval: 100,
    maxReconnectDelay: 300,
    healthLogInterval: 0,
    ...extra,
  }).start();
  cleanups.push(() => p.close({ drainTimeout: 50 }));
  return p;
}

async function peer(workers = 0): Promise<PeerProcess> {
  const p = await startPeerProcess({ workers });
  cleanups.push(() => p.kill('SIGKILL'));
  return p;
}

const ccr = (n: number) =>
  buildMessage(dict, 'CCR', {
    'Session-Id': `pool.test;${n}`,
    'Origin-Host': 'pool.test',
    'Origin-Realm': 'test',
    'Destination-Realm': 'test',
    'Auth-Application-Id': 4,
    'Service-Context-Id': 'x@test',
    'CC-Request-Type': 'EVENT_REQUEST',
    'CC-Request-Number': n,
  });

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('ConnectionPool', () => {
  it('validates its configuration, naming the field', () => {
    expect(
      () => new ConnectionPool({ host: 'h', originHost: 'a b', originRealm: 'r', authApplicationIds: [4] }),
    ).toThrow(InvalidConfigError);
    expect(
      () =>
        new ConnectionPool({
          host: 'h',
          originHost: 'a',
          originRealm: 'r',
          authApplicationIds: [4],
          watchdogInterval: -1,
        }),
    ).toThrow(/watchdogInterval/);
    expect(() => new ConnectionPool({ host: 'h', originHost: 'a', originRealm: 'r' })).toThrow(
      /authApplicationIds/,
    );
  });

  it('opens N connections and spreads requests round robin', async () => {
    const p = await peer();
    const pl = pool(p.port, 5);
    await pl.waitForConnection({ timeout: 3000 });
    await until(() => pl.activeCount === 5, 3000);
    expect(pl.isHealthy()).toBe(true);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => pl.request(ccr(i))));
    expect(answers.every((a) => a.get('Result-Code') === 2001)).toBe(true);
    const perConnection = pl.stats.connections.map((c) => c.requestsSent);
    expect(perConnection).toEqual([20, 20, 20, 20, 20]);
    expect(pl.stats.totalMessagesSent).toBeGreaterThanOrEqual(100);
    const id = pl.allConnections[2].connectionId;
    expect((await pl.sendToConnection(id, ccr(7))).get('CC-Request-Number')).toBe(7);
    expect(Object.keys(pl.connectionStates())).toHaveLength(5);
  });

  it('SIGKILL of the peer: failure events and pool cleanup at once, in-flight requests rejected as retryable', async () => {
    const p = await peer();
    const pl = pool(p.port, 3);
    await until(() => pl.activeCount === 3, 3000);
    const failures: FailureEvent[] = [];
    pl.on('failure', (e) => failures.push(e));
    // Requests the (about to die) peer will never answer: keep them in flight with a long timeout.
    process.kill(p.pids[0], 'SIGSTOP');
    const inFlight = Array.from({ length: 6 }, (_, i) =>
      pl.request(ccr(i), { timeout: 10_000 }).catch((e: unknown) => e),
    );
    await new Promise((r) => setTimeout(r, 30));
    const killedAt = Date.now();
    await p.kill('SIGKILL');
    const results = await Promise.all(inFlight);
    const elapsed = Date.now() - killedAt;
    expect(elapsed).toBeLessThan(TW / 2);
    for (const r of results) expect((r as ConnectionClosedError).retryable).toBe(true);
    expect(pl.activeCount).toBe(0);
    // One failure per connection, each the loss of an open connection; a reconnect attempt (every 100 ms here)
    // that fails against the dead peer may add its own event on a slow machine, after these.
    const firstPerConnection = failures.filter(
      (f, i) => failures.findIndex((g) => g.connectionId === f.connectionId) === i,
    );
    expect(firstPerConnection).toHaveLength(3);
    expect(firstPerConnection.map((f) => f.state)).toEqual(['OPEN', 'OPEN', 'OPEN']);
    expect(firstPerConnection.every((f) => f.kind === 'remote-close' || f.kind === 'read-error')).toBe(true);
    expect(firstPerConnection.reduce((n, f) => n + f.inFlight, 0)).toBe(6);
    expect(pl.isHealthy()).toBe(false);
    await expect(pl.request(ccr(1))).rejects.toBeInstanceOf(NoActiveConnectionError);
  });

  it('restart after a kill: backoff reconnect, REOPEN, then OKAY after three DWAs', async () => {
    const p = await peer();
    const pl = pool(p.port, 1);
    await until(() => pl.activeCount === 1, 3000);
    const changes: string[] = [];
    pl.on('watchdog', (e: WatchdogChangeEvent) => changes.push(e.to));
    await p.kill('SIGKILL');
    await until(() => pl.activeCount === 0, 1000);
    const again = await startPeerProcess({ port: p.port });
    cleanups.push(() => again.kill('SIGKILL'));
    await until(() => pl.activeCount === 1, 5000);
    expect(changes).toEqual(['DOWN', 'REOPEN', 'OKAY']);
    expect(pl.stats.totalReconnects).toBeGreaterThanOrEqual(1);
    expect((await pl.request(ccr(1))).get('Result-Code')).toBe(2001);
  });

  it('SIGSTOP of one worker: its connection goes SUSPECT then DOWN within Tw + timeouts, traffic moves to the others', async () => {
    const p = await peer(2);
    const pl = pool(p.port, 2);
    await until(() => pl.activeCount === 2, 3000);
    // Both workers hold one connection each (round robin accept); freeze the first.
    process.kill(p.pids[0], 'SIGSTOP');
    cleanups.push(() => {
      try {
        process.kill(p.pids[0], 'SIGCONT');
      } catch {
        /* gone */
      }
    });
    const frozenAt = Date.now();
    const seen: { id: string; to: string; at: number }[] = [];
    pl.on('watchdog', (e) => seen.push({ id: e.connectionId, to: e.to, at: Date.now() - frozenAt }));
    await until(() => seen.some((s) => s.to === 'DOWN'), TW + 3 * DWR_TIMEOUT + 1000);
    const frozen = seen[0].id;
    expect(
      seen
        .filter((s) => s.id === frozen)
        .map((s) => s.to)
        .slice(0, 2),
    ).toEqual(['SUSPECT', 'DOWN']);
    expect(seen.find((s) => s.to === 'DOWN')!.at).toBeLessThan(TW + 2 * DWR_TIMEOUT + 300);
    // Traffic now goes to the live connection only, and every request is answered.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pl.request(ccr(i), { timeout: 1000 })),
    );
    expect(answers.every((a) => a.get('Result-Code') === 2001)).toBe(true);
    const live = pl.activeConnections.map((c) => c.connectionId);
    expect(live).not.toContain(frozen);
  });

  it('waitForConnection times out, aborts, and fails on close with coded errors', async () => {
    const pl = pool(1, 1, { reconnectInterval: 1000 });
    const timeout = await pl.waitForConnection({ timeout: 50 }).catch((e: unknown) => e);
    expect((timeout as TimeoutError).code).toBe('ERR_TIMEOUT');
    const aborted = await pl.waitForConnection({ signal: AbortSignal.timeout(20) }).catch((e: unknown) => e);
    expect((aborted as { code: string }).code).toBe('ERR_ABORTED');
    const pending = pl.waitForConnection().catch((e: unknown) => e);
    await pl.close();
    expect(await pending).toBeInstanceOf(PoolClosedError);
    await expect(pl.request(ccr(1))).rejects.toMatchObject({ code: 'ERR_POOL_CLOSED' });
  });
});
