import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { selfSignedCertificate } from './certificate.js';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test launcher for a real freeDiameter 1.2.1 daemon (Debian `freeDiameterd`), in the spirit of nats.js's test
 * NatsServer: it writes a private temporary directory (freeDiameter.conf, acl_wl.conf, rt_default.conf and a
 * self-signed certificate, which freeDiameter requires even when no connection uses TLS), picks free loopback
 * ports, runs the daemon in the foreground, waits until it accepts TCP connections, keeps everything it logs for
 * diagnosis, and stop() terminates it (SIGTERM, SIGKILL after 3 s) and removes the directory.
 *
 * The facts it relies on are in /work/shared/PEERS.md.
 */

export const FREEDIAMETERD = '/usr/bin/freeDiameterd';
export const FD_EXTENSIONS = '/usr/lib/freeDiameter';
export const DUMPCAP = '/usr/bin/dumpcap';
export const TSHARK = '/usr/bin/tshark';

export function freeDiameterAvailable(): boolean {
  return existsSync(FREEDIAMETERD) && existsSync(join(FD_EXTENSIONS, 'acl_wl.fdx'));
}

export function captureAvailable(): boolean {
  return existsSync(DUMPCAP) && existsSync(TSHARK);
}

export interface ConnectPeer {
  /** The peer's Diameter identity: its CEA's Origin-Host must be exactly this. */
  name: string;
  host: string;
  port: number;
  /** Dial it with TLS from the first byte (its certificate must name it); default plain TCP (`No_TLS`). */
  tls?: boolean;
}

export interface Route {
  /** rt_default criteria; `*` matches every message. */
  criteria?: string;
  /** The peer (Diameter identity) the score applies to. */
  peer: string;
  score?: number;
}

export interface FreeDiameterOptions {
  identity?: string;
  realm?: string;
  /** Diameter TCP port; a free one when absent. SecPort is always another free port. */
  port?: number;
  /** `NoRelay;`: no Relay application advertised. */
  noRelay?: boolean;
  /** Extensions to load by name, in order, e.g. ['dict_dcca', 'dict_dcca_3gpp']. */
  extensions?: string[];
  /** acl_wl patterns accepted on plain TCP (ALLOW_IPSEC lines); default `*.<realm>`. */
  aclAllow?: string[];
  connectPeers?: ConnectPeer[];
  /** rt_default routes; rt_default is loaded only when there are some. */
  routes?: Route[];
  /** Tc (reconnect) timer, seconds. */
  tcTimer?: number;
  /** Tw (watchdog) timer, seconds (freeDiameter refuses less than 6). */
  twTimer?: number;
  /** Milliseconds to wait for the daemon to listen. */
  startTimeout?: number;
  /**
   * Its TLS credentials and trusted CAs (PEM paths), instead of the self-signed pair it gets otherwise. Peers that
   * connect to `secPort` speak TLS from the first byte; freeDiameter checks their certificate against their
   * Diameter identity.
   */
  tls?: { cert: string; key: string; ca: string };
}

/**
 * freeDiameter 1.2.1 refuses to start when an extension is loaded before one it depends on ("extension
 * [dict_dcca] depends on [dict_nasreq] which was not loaded first"): these are the dependencies we load first.
 */
const EXTENSION_DEPENDENCIES: Record<string, string[]> = {
  dict_dcca: ['dict_nasreq'],
  dict_dcca_3gpp: ['dict_dcca'],
  dict_dcca_starent: ['dict_dcca'],
};

/** The extensions, each preceded by what it depends on, each once. */
export function withDependencies(extensions: string[]): string[] {
  const out: string[] = [];
  const add = (name: string) => {
    if (out.includes(name)) return;
    for (const dep of EXTENSION_DEPENDENCIES[name] ?? []) add(dep);
    out.push(name);
  };
  extensions.forEach(add);
  return out;
}

/** A free TCP port on 127.0.0.1 (bind port 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function tcpReachable(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(500, () => done(false));
  });
}

/** Daemons and captures still running: killed if the test process exits without stopping them. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of live) c.kill('SIGKILL');
    });
  }
}

/** Waits for a child process to exit, at most `ms`; true when it did. */
function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
async function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (await waitExit(child, graceMs)) return;
  child.kill('SIGKILL');
  await waitExit(child, 2000);
}

export class FreeDiameter {
  readonly identity: string;
  readonly realm: string;
  readonly port: number;
  readonly secPort: number;
  readonly dir: string;
  readonly confPath: string;
  private readonly options: FreeDiameterOptions;
  private child: ChildProcess | undefined;
  private logText = '';
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private logWaiters: { pattern: RegExp; resolve: () => void }[] = [];

  private constructor(options: FreeDiameterOptions, port: number, secPort: number, dir: string) {
    this.options = options;
    this.identity = options.identity ?? 'fd.peers.test';
    this.realm = options.realm ?? 'peers.test';
    this.port = port;
    this.secPort = secPort;
    this.dir = dir;
    this.confPath = join(dir, 'freeDiameter.conf');
  }

  /** Writes the configuration, starts the daemon and resolves once it accepts TCP connections. */
  static async start(options: FreeDiameterOptions = {}): Promise<FreeDiameter> {
    const port = options.port ?? (await freePort());
    let secPort = await freePort();
    while (secPort === port) secPort = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'fd-interop-'));
    const fd = new FreeDiameter(options, port, secPort, dir);
    try {
      fd.writeFiles();
      await fd.spawn(options.startTimeout ?? 8000);
    } catch (error) {
      await fd.stop();
      throw error;
    }
    return fd;
  }

  /** Everything the daemon printed so far (stdout and stderr). */
  get log(): string {
    return this.logText;
  }

  get running(): boolean {
    return this.child !== undefined && this.exited === undefined;
  }

  /** Resolves when the log matches `pattern` (already or later); rejects after `timeoutMs` with the log. */
  waitForLog(pattern: RegExp, timeoutMs = 5000): Promise<void> {
    if (pattern.test(this.logText)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = {
        pattern,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.logWaiters = this.logWaiters.filter((w) => w !== waiter);
        reject(new Error(`freeDiameter did not log ${pattern} within ${timeoutMs} ms\n${this.tail()}`));
      }, timeoutMs);
      this.logWaiters.push(waiter);
    });
  }

  /** The last lines of the log, for failure messages. */
  tail(lines = 40): string {
    return this.logText.split('\n').slice(-lines).join('\n');
  }

  /** SIGTERM (SIGKILL after 3 s), then removes the temporary directory. Safe to call twice. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child !== undefined) await terminate(child, 3000);
    rmSync(this.dir, { recursive: true, force: true });
    // For diagnosis: FD_INTEROP_LOG_DIR=/some/dir keeps each daemon's log as <identity>-<port>.log.
    const keep = process.env.FD_INTEROP_LOG_DIR;
    if (keep !== undefined && keep !== '' && child !== undefined) {
      writeFileSync(join(keep, `${this.identity}-${this.port}.log`), this.logText);
    }
  }

  private writeFiles(): void {
    const o = this.options;
    const file = (name: string, text: string) => writeFileSync(join(this.dir, name), text);
    selfSignedCertificate(this.dir, this.identity);

    const allow = o.aclAllow ?? [`*.${this.realm}`];
    file('acl_wl.conf', allow.map((p) => `ALLOW_IPSEC ${p}\n`).join(''));

    const routes = o.routes ?? [];
    file(
      'rt_default.conf',
      routes.map((r) => `${r.criteria ?? '*'} : ${JSON.stringify(r.peer)} += ${r.score ?? 100} ;\n`).join(''),
    );

    const q = (s: string) => JSON.stringify(s);
    const lines = [
      `Identity = ${q(this.identity)};`,
      `Realm = ${q(this.realm)};`,
      `Port = ${this.port};`,
      `SecPort = ${this.secPort};`,
      `ListenOn = "127.0.0.1";`,
      'No_SCTP;',
      'No_IPv6;',
      `TLS_Cred = ${q(o.tls?.cert ?? join(this.dir, 'cert.pem'))}, ${q(o.tls?.key ?? join(this.dir, 'key.pem'))};`,
      `TLS_CA = ${q(o.tls?.ca ?? join(this.dir, 'cert.pem'))};`,
    ];
    if (o.tcTimer !== undefined) lines.push(`TcTimer = ${o.tcTimer};`);
    if (o.twTimer !== undefined) lines.push(`TwTimer = ${o.twTimer};`);
    if (o.noRelay) lines.push('NoRelay;');
    lines.push(
      `LoadExtension = ${q(join(FD_EXTENSIONS, 'acl_wl.fdx'))} : ${q(join(this.dir, 'acl_wl.conf'))};`,
    );
    for (const ext of withDependencies(o.extensions ?? []))
      lines.push(`LoadExtension = ${q(join(FD_EXTENSIONS, `${ext}.fdx`))};`);
    if (routes.length > 0) {
      lines.push(
        `LoadExtension = ${q(join(FD_EXTENSIONS, 'rt_default.fdx'))} : ${q(join(this.dir, 'rt_default.conf'))};`,
      );
    }
    for (const p of o.connectPeers ?? []) {
      lines.push(
        `ConnectPeer = ${q(p.name)} { ConnectTo = ${q(p.host)}; Port = ${p.port};${p.tls ? '' : ' No_TLS;'} No_SCTP; };`,
      );
    }
    file('freeDiameter.conf', lines.join('\n') + '\n');
  }

  private async spawn(timeoutMs: number): Promise<void> {
    const child = spawn(FREEDIAMETERD, ['-c', this.confPath], {
      cwd: this.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    track(child);
    const onData = (chunk: Buffer) => {
      this.logText += chunk.toString('utf8');
      for (const w of this.logWaiters.filter((w) => w.pattern.test(this.logText))) {
        this.logWaiters = this.logWaiters.filter((x) => x !== w);
        w.resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', (e) => {
      this.logText += `\n[launcher] spawn error: ${e.message}\n`;
    });
    child.on('exit', (code, signal) => {
      this.exited = { code, signal };
      this.logText += `\n[launcher] freeDiameterd exited (code ${code}, signal ${signal})\n`;
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited !== undefined) {
        throw new Error(`freeDiameterd exited before listening:\n${this.tail()}`);
      }
      // freeDiameter logs an fd_cnx_receive "Transport endpoint is not connected" ERROR for this probe: harmless.
      if (/daemon initialized/.test(this.logText) && (await tcpReachable(this.port))) return;
      await sleep(50);
    }
    throw new Error(`freeDiameterd did not listen on ${this.port} within ${timeoutMs} ms:\n${this.tail()}`);
  }
}

/** A running dumpcap; stop() ends it and returns the capture file. */
export interface Capture {
  readonly file: string;
  stop(): Promise<string>;
  /** Removes the capture's directory (after stop). */
  remove(): void;
}

/** Starts `dumpcap -q -i lo -f 'tcp port N …' -w file.pcapng` and waits until it writes. */
export async function capture(ports: number | number[]): Promise<Capture> {
  const list = Array.isArray(ports) ? ports : [ports];
  const dir = mkdtempSync(join(tmpdir(), 'fd-capture-'));
  const file = join(dir, 'run.pcapng');
  const filter = list.map((p) => `tcp port ${p}`).join(' or ');
  const child = spawn(DUMPCAP, ['-q', '-i', 'lo', '-f', filter, '-w', file], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  track(child);
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const started = Date.now();
  // dumpcap writes the pcapng section header once the capture is running.
  while (Date.now() - started < 5000) {
    if (child.exitCode !== null) throw new Error(`dumpcap exited: ${stderr}`);
    if (existsSync(file) && statSync(file).size > 0) break;
    await sleep(50);
  }
  await sleep(300);
  let stopped: Promise<string> | undefined;
  return {
    file,
    stop() {
      stopped ??= (async () => {
        // dumpcap reads the kernel's buffer every 250 ms or so and writes the file every 100 ms; what it has not
        // read when SIGTERM arrives is lost. Wait until the file stops growing (at least 550 ms, at most 3 s).
        await sleep(300);
        const deadline = Date.now() + 3000;
        let size = existsSync(file) ? statSync(file).size : 0;
        while (Date.now() < deadline) {
          await sleep(250);
          const now = existsSync(file) ? statSync(file).size : 0;
          if (now === size) break;
          size = now;
        }
        await terminate(child, 3000);
        return file;
      })();
      return stopped;
    },
    remove() {
      const keep = process.env.FD_INTEROP_LOG_DIR;
      if (keep !== undefined && keep !== '' && existsSync(file)) {
        copyFileSync(file, join(keep, `capture-${list.join('-')}.pcapng`));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs tshark on a capture, decoding `ports` as Diameter; returns stdout (throws on failure). */
export function tshark(file: string, ports: number[], args: string[]): string {
  const decode = ports.flatMap((p) => ['-d', `tcp.port==${p},diameter`]);
  const result = spawnSync(TSHARK, ['-r', file, ...decode, ...args], { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) throw new Error(`tshark failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** The columns every row of tsharkFields starts with: r[0] … r[3]; the fields asked for follow from r[4]. */
const LEADING_FIELDS = ['tcp.srcport', 'tcp.dstport', 'diameter.flags.request', 'diameter.cmd.code'];

/**
 * The Diameter messages of a capture as rows of tshark fields (`-T fields -e …`), one row per frame that holds
 * Diameter: source port, destination port, R flag, command code, then `fields`. With `aggregate`, a frame holding
 * several messages lists their values joined by '|'.
 */
export function tsharkFields(
  file: string,
  ports: number[],
  fields: string[],
  options: { aggregate?: boolean } = {},
): string[][] {
  const aggregate = options.aggregate ? ['-E', 'occurrence=a', '-E', 'aggregator=|'] : [];
  const all = [...LEADING_FIELDS, ...fields];
  return tshark(file, ports, ['-T', 'fields', ...aggregate, ...all.flatMap((f) => ['-e', f])])
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'))
    .filter((r) => r[3] !== undefined && r[3] !== ''); // frames without a Diameter command (bare ACKs)
}

/** The rows of tsharkFields sent from or to `port`. */
export function onPort(rows: string[][], port: number): string[][] {
  const p = String(port);
  return rows.filter((r) => r[0] === p || r[1] === p);
}

/**
 * Cleanups registered next to what they clean, run in reverse after each test (all of them, even when one
 * throws; the first error is rethrown).
 */
export function cleanupRunner(): {
  defer(cleanup: () => Promise<unknown> | void): void;
  run(): Promise<void>;
} {
  const cleanups: (() => Promise<unknown> | void)[] = [];
  return {
    defer: (cleanup) => void cleanups.push(cleanup),
    async run() {
      const errors: unknown[] = [];
      for (const c of cleanups.splice(0).reverse()) {
        try {
          await c();
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length > 0) throw errors[0];
    },
  };
}

/** Runs `body`; a failure gets the last lines freeDiameter printed attached to its message. */
export async function withFreeDiameterLog<T>(
  fds: FreeDiameter[],
  body: () => Promise<T>,
  lines = 60,
): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof Error) {
      for (const fd of fds) error.message += `\n--- freeDiameter ${fd.identity} log ---\n${fd.tail(lines)}`;
    }
    throw error;
  }
}
