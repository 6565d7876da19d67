// Child processes for the benchmark: servers and idle-connection loaders, with a raised file-descriptor limit
// (tens of thousands of sockets) and RSS read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export class Child {
  out = '';
  private constructor(readonly proc: ChildProcess) {
    proc.stdout!.on('data', (d: Buffer) => (this.out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (this.out += d.toString()));
  }

  /** `node script args...` under a raised fd limit (as far as the hard limit, or higher when root). */
  static node(script: string, args: string[], nodeArgs: string[] = []): Child {
    const cmd = `ulimit -n 200000 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
    const proc = spawn('bash', ['-c', cmd, process.execPath, ...nodeArgs, script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Child(proc);
  }

  async waitOutput(re: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = re.exec(this.out);
      if (m) return m;
      if (this.proc.exitCode !== null) throw new Error(`child exited: ${this.out.slice(-500)}`);
      if (Date.now() > deadline) throw new Error(`timeout waiting for ${re}: ${this.out.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Full GC in the child, then its memoryUsage (needs the gc-on-signal preload). */
  async memoryAfterGc(): Promise<NodeJS.MemoryUsage> {
    const from = this.out.length;
    this.proc.kill('SIGUSR2');
    const deadline = Date.now() + 5000;
    for (;;) {
      const m = /\{"memory":(\{[^}]*\})\}/.exec(this.out.slice(from));
      if (m) return JSON.parse(m[1]) as NodeJS.MemoryUsage;
      if (Date.now() > deadline) throw new Error('no memory report from child');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  rssBytes(): number {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill('SIGKILL');
    await exited;
  }
}
