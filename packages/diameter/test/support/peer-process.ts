import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

export interface PeerProcess {
  readonly port: number;
  /** Worker pids (the process itself without workers). */
  readonly pids: readonly number[];
  readonly primary: number;
  readonly child: ChildProcess;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts support/peer-process.mjs (our server in another process) and waits for its port. */
export async function startPeerProcess(
  options: { workers?: number; port?: number; originHost?: string } = {},
): Promise<PeerProcess> {
  const args = [
    join(import.meta.dirname, 'peer-process.mjs'),
    '--workers',
    String(options.workers ?? 0),
    '--port',
    String(options.port ?? 0),
  ];
  if (options.originHost !== undefined) args.push('--origin-host', options.originHost);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`peer process exited with ${code}`)));
  });
  const { port, pids, primary } = JSON.parse(line) as { port: number; pids: number[]; primary: number };
  return {
    port,
    pids,
    primary,
    child,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      if (signal === 'SIGKILL')
        for (const pid of pids)
          if (pid !== primary)
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              /* gone */
            }
      child.kill(signal);
      await exited;
    },
  };
}
