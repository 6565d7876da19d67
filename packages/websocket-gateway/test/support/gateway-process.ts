// Spawn the built `ws-gateway` CLI (dist/) as a real process on port 0 and read its pino log lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const GATEWAY_CLI = resolve(here, '../../dist/src/cli/gateway.js');
export const CLIENT_CLI = resolve(here, '../../dist/src/cli/client.js');

export type LogLine = Record<string, unknown> & { msg?: string };

export class GatewayProcess {
  readonly logs: LogLine[] = [];
  stderr = '';
  port = 0;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(
    readonly id: string,
    readonly child: ChildProcess,
  ) {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.logs.push({ msg: line });
        }
      }
    });
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
  }

  /** Start with `--id id --port 0 --host 127.0.0.1` plus `args`; resolves once it logs `listening`. */
  static async start(
    id: string,
    args: string[] = [],
    env: Record<string, string> = {},
  ): Promise<GatewayProcess> {
    const child = spawn(
      process.execPath,
      [GATEWAY_CLI, '--id', id, '--port', '0', '--host', '127.0.0.1', ...args],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '', ...env },
      },
    );
    const gw = new GatewayProcess(id, child);
    try {
      await gw.waitLog((l) => l.msg === 'listening', 10_000);
    } catch (err) {
      child.kill('SIGKILL'); // never leave a half-started gateway behind
      throw err;
    }
    gw.port = Number(gw.logs.find((l) => l.msg === 'listening')!.port);
    return gw;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/ws`;
  }
  get http(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async waitLog(pred: (l: LogLine) => boolean, timeoutMs = 5000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.logs.find(pred);
      if (hit) return hit;
      if (this.child.exitCode !== null) throw new Error(`${this.id} exited: ${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`${this.id}: log line not seen in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- /stats JSON, read field by field in tests
  async stats(): Promise<Record<string, any>> {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (await fetch(`${this.http}/stats`)).json() as Promise<Record<string, any>>;
  }

  async ready(): Promise<boolean> {
    return (await fetch(`${this.http}/ready`)).status === 200;
  }

  async waitReady(want = true, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.ready().catch(() => false)) !== want) {
      if (Date.now() > deadline) throw new Error(`${this.id}: ready != ${want} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async stop(
    signal: NodeJS.Signals = 'SIGTERM',
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
