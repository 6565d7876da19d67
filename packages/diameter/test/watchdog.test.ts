import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Watchdog, type WatchdogHost, type WatchdogState } from '../src/peer/watchdog.js';

/** The RFC 3539 Appendix A rows, driven with fake timers: Tw = 1000 ms, DWR timeout 300 ms, no jitter. */
class Host implements WatchdogHost {
  dwrs = 0;
  closed: string[] = [];
  changes: string[] = [];
  sendWatchdog(): void {
    this.dwrs++;
  }
  closeConnection(reason: string): void {
    this.closed.push(reason);
  }
  watchdogChanged(from: WatchdogState, to: WatchdogState): void {
    this.changes.push(`${from}->${to}`);
  }
}

let host: Host;
let wd: Watchdog;
beforeEach(() => {
  vi.useFakeTimers();
  host = new Host();
  wd = new Watchdog(host, { interval: 1000, timeout: 300, jitter: 0, failures: 1 });
});
afterEach(() => {
  wd.stop();
  vi.useRealTimers();
});

describe('watchdog (RFC 3539)', () => {
  it('INITIAL -> OKAY on connection up; a DWR after Tw of silence', () => {
    wd.connectionUp();
    expect(wd.current).toBe('OKAY');
    vi.advanceTimersByTime(999);
    expect(host.dwrs).toBe(0);
    vi.advanceTimersByTime(1);
    expect(host.dwrs).toBe(1);
  });

  it('any received traffic counts: no DWR while messages keep coming', () => {
    wd.connectionUp();
    for (let t = 0; t < 10; t++) {
      vi.advanceTimersByTime(500);
      wd.received(false);
    }
    expect(host.dwrs).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(host.dwrs).toBe(1);
  });

  it('OKAY -> SUSPECT when the DWA does not come, SUSPECT -> DOWN and close after the timeout', () => {
    wd.connectionUp();
    vi.advanceTimersByTime(1000); // DWR
    vi.advanceTimersByTime(300); // no DWA
    expect(wd.current).toBe('SUSPECT');
    expect(wd.usable).toBe(false);
    vi.advanceTimersByTime(300);
    expect(wd.current).toBe('DOWN');
    expect(host.closed).toHaveLength(1);
    expect(host.changes).toEqual(['INITIAL->OKAY', 'OKAY->SUSPECT', 'SUSPECT->DOWN']);
  });

  it('SUSPECT -> OKAY on any message (failback)', () => {
    wd.connectionUp();
    vi.advanceTimersByTime(1300);
    expect(wd.current).toBe('SUSPECT');
    wd.received(false);
    expect(wd.current).toBe('OKAY');
  });

  it('tolerates MaxDWRFailures - 1 unanswered DWRs before SUSPECT (non-standard option)', () => {
    wd.stop();
    wd = new Watchdog(host, { interval: 1000, timeout: 300, jitter: 0, failures: 3 });
    wd.connectionUp();
    vi.advanceTimersByTime(1000 + 300 + 300);
    expect(host.dwrs).toBe(3);
    expect(wd.current).toBe('OKAY');
    vi.advanceTimersByTime(300);
    expect(wd.current).toBe('SUSPECT');
  });

  it('DOWN -> REOPEN on reconnection; three DWAs before OKAY; non-DWA traffic does not count', () => {
    wd.connectionUp();
    wd.connectionDown('transport closed');
    expect(wd.current).toBe('DOWN');
    wd.connectionUp();
    expect(wd.current).toBe('REOPEN');
    expect(host.dwrs).toBe(1); // sent at once
    wd.received(false);
    wd.received(true); // DWA 1
    expect(wd.current).toBe('REOPEN');
    vi.advanceTimersByTime(1000); // next DWR after Tw, then one every DWR timeout while reopening
    expect(host.dwrs).toBe(2);
    wd.received(false);
    wd.received(true); // DWA 2
    expect(wd.current).toBe('REOPEN');
    vi.advanceTimersByTime(300);
    expect(host.dwrs).toBe(3);
    wd.received(true); // DWA 3
    expect(wd.current).toBe('OKAY');
    expect(host.changes.slice(-3)).toEqual(['OKAY->DOWN', 'DOWN->REOPEN', 'REOPEN->OKAY']);
  });

  it('REOPEN without DWAs: one more Tw, then DOWN and close', () => {
    wd.connectionUp();
    wd.connectionDown('x');
    wd.connectionUp();
    vi.advanceTimersByTime(1000); // pending: NumDWA = -1
    expect(wd.current).toBe('REOPEN');
    vi.advanceTimersByTime(1000);
    expect(wd.current).toBe('DOWN');
    expect(host.closed).toHaveLength(1);
  });

  it('jitters Tw by at most the configured amount, never below Tw / 2', () => {
    const sends: number[] = [];
    const h = new Host();
    h.sendWatchdog = () => sends.push(Date.now());
    const jittered = new Watchdog(h, {
      interval: 1000,
      timeout: 100,
      jitter: 400,
      failures: 1,
      random: () => 0,
    });
    const start = Date.now();
    jittered.connectionUp();
    vi.advanceTimersByTime(700);
    expect(sends[0] - start).toBe(600);
    jittered.stop();
  });
});
