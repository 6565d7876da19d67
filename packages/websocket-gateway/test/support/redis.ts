// Redis for tests: REDIS_URL if set, else 127.0.0.1:6379 if it answers PING, else a private redis-server on a
// free port. RedisProcess also serves tests that kill and restart Redis (never the shared one).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer } from 'node:net';
import { Redis } from 'ioredis';

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

export function ping(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host, port });
    const done = (ok: boolean): void => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('error', () => done(false));
    sock.once('connect', () => sock.write('PING\r\n'));
    sock.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

/** A redis-server child on a fixed port, without persistence; can be killed and restarted on the same port. */
export class RedisProcess {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    private readonly aofDir: string | null,
  ) {}

  /** `aofDir`: keep data across kill/restart (append-only file, fsync always) in that folder. */
  static async start(options: { aofDir?: string } = {}): Promise<RedisProcess> {
    const p = new RedisProcess(await freePort(), options.aofDir ?? null);
    await p.restart();
    return p;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        ...(this.aofDir
          ? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', this.aofDir]
          : ['--appendonly', 'no']),
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 5000;
    while (!(await ping('127.0.0.1', this.port))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not start on ${this.port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGKILL: no goodbye to clients, data gone (no persistence). */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

let shared: Promise<{ url: string; owned: RedisProcess | null }> | null = null;

/** The Redis URL tests use (started on first use when nothing answers). */
export async function testRedis(): Promise<string> {
  shared ??= (async () => {
    if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, owned: null };
    if (await ping('127.0.0.1', 6379)) return { url: 'redis://127.0.0.1:6379', owned: null };
    const owned = await RedisProcess.start();
    process.once('exit', () => void owned.kill());
    return { url: owned.url, owned };
  })();
  return (await shared).url;
}

/** Unique per test run so parallel files and reruns never collide. */
export function uniqueName(base: string): string {
  return `${base}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

/** Delete every key under a prefix (tests clean what they create). */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}
