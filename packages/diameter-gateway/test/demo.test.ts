import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parsePeerConfig, PeerConnection, RELAY_APPLICATION_ID } from '@diam/diameter';
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { freePort } from './support/processes.js';

/** Whether `port` can be listened on within `ms` (retrying: a process that is exiting still holds it). */
async function portFreeWithin(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free || Date.now() > deadline) return free;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `npm start`: the gateway with two simulated DRAs, answering a CER offering Relay with 2001; SIGINT to npm exits 0. */
describe('npm start (demo)', () => {
  it('serves a Logic App offering the Relay application and exits 0 on SIGINT', async () => {
    const [port, metrics, d1, d2] = [await freePort(), await freePort(), await freePort(), await freePort()];
    // Through npm itself, as users (and the acceptance checks) run it: npm must pass SIGINT on to the demo.
    const child = spawn('npm', ['start'], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      env: {
        ...process.env,
        GATEWAY_LISTEN: `127.0.0.1:${port}`,
        METRICS_LISTEN: `127.0.0.1:${metrics}`,
        DEMO_DRA_PORTS: `${d1},${d2}`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true, // its own process group: the simulated DRAs go with it whatever happens
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    try {
      const lines = createInterface({ input: child.stdout! });
      const before: string[] = [];
      await new Promise<void>((resolve) =>
        lines.on('line', (l) => (l.includes('listening on') ? resolve() : before.push(l))),
      );
      // The simulated DRAs listen before the gateway dials them: no refused connection, no failover at start.
      expect(before.filter((l) => l.includes('"level"'))).toEqual([]);
      const app = new PeerConnection({
        config: parsePeerConfig({
          originHost: 'la.demo.test',
          originRealm: 'demo.test',
          authApplicationIds: [RELAY_APPLICATION_ID],
          reconnect: false,
        }),
        host: '127.0.0.1',
        port,
      });
      await app.connect();
      expect(app.capabilities!.isRelay).toBe(true);
      const ready = await fetch(`http://127.0.0.1:${metrics}/ready`);
      expect(ready.status).toBe(200);
      await app.close();
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      // The simulators went with it: both DRA ports are free again.
      for (const p of [d1, d2]) expect(await portFreeWithin(p, 5000)).toBe(true);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  });
});
