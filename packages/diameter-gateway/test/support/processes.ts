import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { join } from 'node:path';

/** The package's executables, run as the acceptance checks run them (node + bin shim + dist). */
const BIN = join(import.meta.dirname, '..', '..', 'bin');

export interface Proc {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  signal(sig: NodeJS.Signals): void;
}

/** `nodeArgs`: options for node itself (V8 flags), before the script. */
export function run(
  tool: 'diameter-gateway' | 'diameter-dra-sim' | 'diameter-load',
  args: string[],
  nodeArgs: string[] = [],
): Proc {
  const child = spawn(process.execPath, [...nodeArgs, join(BIN, `${tool}.js`), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    signal: (sig) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    },
  };
}

/** `<flag> 127.0.0.1:port --origin-host <name>.peers.test --origin-realm peers.test`: how every tool here is run. */
function endpoint(flag: '--listen' | '--target', port: number, name: string): string[] {
  return [flag, `127.0.0.1:${port}`, '--origin-host', `${name}.peers.test`, '--origin-realm', 'peers.test'];
}

/** `diameter-dra-sim` on 127.0.0.1:port as `<name>.peers.test`, realm peers.test, plus `extra` flags. */
export function runSim(port: number, name = 'sim', extra: string[] = []): Proc {
  return run('diameter-dra-sim', [...endpoint('--listen', port, name), ...extra]);
}

/** `diameter-gateway` on 127.0.0.1:port as gw.peers.test, realm peers.test, a `--dra` per entry, plus `extra`. */
export function runGateway(port: number, dras: string[], extra: string[] = []): Proc {
  return run('diameter-gateway', [
    ...endpoint('--listen', port, 'gw'),
    ...dras.flatMap((d) => ['--dra', d]),
    ...extra,
  ]);
}

/** `diameter-load` toward 127.0.0.1:port as `<name>.peers.test`, realm peers.test, plus `extra` flags. */
export function runLoadTool(port: number, name: string, extra: string[]): Proc {
  return run('diameter-load', [...endpoint('--target', port, name), ...extra]);
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Waits until something accepts TCP connections on the port. */
export async function listening(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function getJson(port: number, path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Waits until a gateway's `/ready` (on its metrics port) says 200: a DRA is OKAY. */
export async function ready(metricsPort: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${metricsPort}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`gateway not ready within ${timeoutMs} ms (last ${status})`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
