// A raw `ws` client for tests: keeps every frame it receives and waits for the ones a test expects.
import { WebSocket } from 'ws';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frames are whatever the gateway sent
export type Frame = Record<string, any>;

export class TestClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as Frame;
      this.frames.push(f);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(f)) return true;
        w.resolve(f);
        return false;
      });
    });
    this.closed = new Promise((res) =>
      ws.once('close', (code, reason) => res({ code, reason: String(reason) })),
    );
    ws.on('error', () => undefined);
  }

  static connect(url: string, options: { headers?: Record<string, string> } = {}): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, options);
      ws.once('open', () => resolve(new TestClient(ws)));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  /** Connect and register; resolves on `registered`. */
  static async user(url: string, userId: string): Promise<TestClient> {
    const c = await TestClient.connect(url);
    await c.register(userId);
    return c;
  }

  async register(userId: string): Promise<Frame> {
    const wait = this.next((f) => f.type === 'registered' || f.type === 'error');
    this.send({ type: 'register', userId });
    const f = await wait;
    if (f.type !== 'registered') throw new Error(`register ${userId} failed: ${JSON.stringify(f)}`);
    return f;
  }

  send(obj: unknown): void {
    this.ws.send(typeof obj === 'string' ? obj : JSON.stringify(obj));
  }

  /** The next frame received from now on that matches `pred` (register the wait before sending). */
  next(pred: (f: Frame) => boolean = () => true, timeoutMs = 5000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no matching frame in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (f) => {
          clearTimeout(t);
          resolve(f);
        },
      });
    });
  }

  /** Send a frame and wait for the next frame of one of `types`. */
  async request(obj: unknown, types: string[] = ['error']): Promise<Frame> {
    const wait = this.next((f) => types.includes(f.type));
    this.send(obj);
    return wait;
  }

  messages(): Frame[] {
    return this.frames.filter((f) => f.type === 'message');
  }

  close(): void {
    this.ws.terminate();
  }
}
