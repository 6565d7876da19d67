import { InvalidTransitionError } from '../errors.js';

/**
 * The RFC 3539 §3.4 watchdog, as its own state machine above an open connection (as in Erlang/OTP
 * diameter_watchdog). It knows the connection only through the narrow `WatchdogHost` interface. Each row of the
 * RFC's Appendix A table is quoted above the code that implements it.
 *
 * Non-standard, and marked as such: `failures` (the seeds' MaxDWRFailures) lets OKAY tolerate that many
 * unanswered DWRs before SUSPECT (RFC: 1); `timeout` bounds how long a DWR may wait before it counts as
 * unanswered (RFC: until the next Tw), and how long SUSPECT lasts before DOWN (RFC: Tw).
 */
export type WatchdogState = 'INITIAL' | 'OKAY' | 'SUSPECT' | 'DOWN' | 'REOPEN';

export interface WatchdogHost {
  sendWatchdog(): void;
  /** The watchdog gave up on the connection (SUSPECT timer expired, or REOPEN failed). */
  closeConnection(reason: string): void;
  /** Every change of state, with its reason. */
  watchdogChanged(from: WatchdogState, to: WatchdogState, reason: string): void;
}

export interface WatchdogOptions {
  /** Tw, ms (RFC 3539 recommends 30 s, at least 6 s). */
  readonly interval: number;
  /** How long a DWR may wait for its DWA, ms (≤ interval). */
  readonly timeout: number;
  /** Random ± jitter on Tw, ms (RFC: 2 s). */
  readonly jitter: number;
  /** Unanswered DWRs tolerated in OKAY before SUSPECT (RFC: 1). */
  readonly failures: number;
  readonly random?: () => number;
}

/** DWAs a REOPEN connection must answer before it is trusted again (RFC 3539 §3.4.1: NumDWA reaches 3). */
const REOPEN_DWAS = 3;

export class Watchdog {
  private state: WatchdogState = 'INITIAL';
  private pending = false;
  private numDwa = 0;
  private missed = 0;
  private timer: NodeJS.Timeout | undefined;
  private armedAt = 0;
  private lastReceived = 0;
  private readonly host: WatchdogHost;
  private readonly options: WatchdogOptions;
  private readonly random: () => number;
  private readonly expireBound = (): void => this.expired();

  constructor(host: WatchdogHost, options: WatchdogOptions) {
    this.host = host;
    this.options = options;
    this.random = options.random ?? Math.random;
  }

  get current(): WatchdogState {
    return this.state;
  }

  /** Whether application traffic may use the connection (only OKAY: RFC 3539 §3.4). */
  get usable(): boolean {
    return this.state === 'OKAY';
  }

  /** The connection came up (after CER/CEA). */
  connectionUp(): void {
    if (this.state === 'INITIAL') {
      // INITIAL  Connection up  SetWatchdog(), Pending = FALSE  -> OKAY
      this.pending = false;
      this.set('OKAY', 'connection up');
      this.setWatchdog();
    } else if (this.state === 'DOWN') {
      // DOWN  Connection up  NumDWA = 0, SendWatchdog(), SetWatchdog(), Pending = TRUE  -> REOPEN
      this.numDwa = 0;
      this.set('REOPEN', 'connection up again');
      this.send();
      this.setWatchdog();
    } else {
      throw new InvalidTransitionError('watchdog', this.state, 'connection up');
    }
  }

  /** The connection went down (transport error, close, DPR). */
  connectionDown(reason: string): void {
    this.clearTimer();
    this.pending = false;
    if (this.state !== 'DOWN' && this.state !== 'INITIAL') this.set('DOWN', reason);
  }

  /** A message arrived at `now` (Date.now(), passed in: the caller has it already); `isDwa` for a DWA. */
  received(isDwa: boolean, now = Date.now()): void {
    switch (this.state) {
      case 'OKAY':
        // OKAY  Receive DWA      Pending = FALSE, SetWatchdog()  -> OKAY
        // OKAY  Receive non-DWA  SetWatchdog()                   -> OKAY
        // SetWatchdog() is done lazily: re-arming a timer for every message would cost more than the message.
        // The time is noted here; when the timer fires it re-arms itself from the last message (see expired()).
        if (isDwa) {
          // At most one DWA per Tw: re-arm for real.
          this.pending = false;
          this.missed = 0;
          this.setWatchdog();
        } else this.lastReceived = now;
        return;
      case 'SUSPECT':
        // SUSPECT  Receive DWA      Pending = FALSE, Failback(), SetWatchdog()  -> OKAY
        // SUSPECT  Receive non-DWA  Failback(), SetWatchdog()                   -> OKAY
        if (isDwa) this.pending = false;
        this.missed = 0;
        this.set('OKAY', isDwa ? 'DWA received' : 'traffic received');
        this.setWatchdog();
        return;
      case 'REOPEN':
        // REOPEN  Receive DWA && NumDWA < 2   Pending = FALSE, NumDWA++           -> REOPEN
        // REOPEN  Receive DWA && NumDWA == 2  Pending = FALSE, NumDWA++, Failback() -> OKAY
        // REOPEN  Receive non-DWA             Throwaway()                          -> REOPEN
        if (!isDwa) return;
        this.pending = false;
        this.numDwa++;
        if (this.numDwa >= REOPEN_DWAS) {
          this.missed = 0;
          this.set('OKAY', `${REOPEN_DWAS} DWAs answered`);
          this.setWatchdog();
        }
        return;
      default:
        return;
    }
  }

  stop(): void {
    this.clearTimer();
  }

  /** RFC 3539 §3.4.1: Tw ± jitter, never below 1/2 Tw. */
  private tw(): number {
    const { interval, jitter } = this.options;
    return Math.max(interval / 2, interval + (this.random() * 2 - 1) * jitter);
  }

  private setWatchdog(delay = this.tw()): void {
    this.clearTimer();
    this.armedAt = Date.now();
    this.timer = setTimeout(this.expireBound, delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private send(): void {
    this.pending = true;
    this.host.sendWatchdog();
  }

  private expired(): void {
    this.timer = undefined;
    switch (this.state) {
      case 'OKAY':
        if (this.lastReceived >= this.armedAt) {
          // Traffic since the timer was set: the deferred SetWatchdog() of received(), counted from that message.
          const since = Date.now() - this.lastReceived;
          this.setWatchdog(Math.max(1, (this.pending ? this.options.timeout : this.tw()) - since));
          return;
        }
        if (!this.pending) {
          // OKAY  Timer expires && !Pending  SendWatchdog(), SetWatchdog(), Pending = TRUE  -> OKAY
          this.send();
          this.setWatchdog(this.options.timeout);
        } else if (++this.missed < this.options.failures) {
          // Non-standard: tolerate `failures` unanswered DWRs before SUSPECT.
          this.send();
          this.setWatchdog(this.options.timeout);
        } else {
          // OKAY  Timer expires && Pending  Failover(), SetWatchdog()  -> SUSPECT
          // Non-standard: SUSPECT lasts `timeout`, not Tw, so a frozen peer is DOWN within Tw + 2 × timeout.
          this.set('SUSPECT', `no DWA within ${this.options.timeout} ms`);
          this.setWatchdog(this.options.timeout);
        }
        return;
      case 'SUSPECT':
        // SUSPECT  Timer expires  CloseConnection(), SetWatchdog()  -> DOWN
        this.set('DOWN', 'still no answer after Tw');
        this.host.closeConnection('watchdog: peer unresponsive (RFC 3539 DOWN)');
        return;
      case 'REOPEN':
        if (!this.pending) {
          // REOPEN  Timer expires && !Pending  SendWatchdog(), SetWatchdog(), Pending = TRUE  -> REOPEN
          this.send();
          this.setWatchdog(this.options.timeout);
        } else {
          // REOPEN  Timer expires && Pending && NumDWA < 0  CloseConnection()  -> DOWN
          // (NumDWA = -1 after the first miss: one more chance, then down.)
          if (this.numDwa < 0) {
            this.set('DOWN', 'no DWA while reopening');
            this.host.closeConnection('watchdog: peer unresponsive while reopening');
          } else {
            this.numDwa = -1;
            this.setWatchdog();
          }
        }
        return;
      default:
        return;
    }
  }

  private set(to: WatchdogState, reason: string): void {
    const from = this.state;
    if (from === to) return;
    this.state = to;
    this.host.watchdogChanged(from, to, reason);
  }
}
