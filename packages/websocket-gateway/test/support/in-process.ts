// Start a GatewayServer inside the test process on port 0, with its pino logs captured for assertions.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { loadConfig, type ConfigKey } from '../../src/config.js';
import { GatewayServer } from '../../src/server.js';

export interface InProcessGateway {
  server: GatewayServer;
  url: string;
  http: string;
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

export async function startGateway(
  overrides: Partial<Record<ConfigKey, unknown>> = {},
): Promise<InProcessGateway> {
  const config = loadConfig({ overrides: { port: 0, host: '127.0.0.1', logLevel: 'info', ...overrides } });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line));
      cb();
    },
  });
  const logger = pino({ level: config.logLevel, base: { gatewayId: config.id } }, sink);
  const server = new GatewayServer(config, { logger });
  const { port } = await server.start();
  return {
    server,
    url: `ws://127.0.0.1:${port}/ws`,
    http: `http://127.0.0.1:${port}`,
    logs,
    stop: () => server.stop(),
  };
}

export async function waitFor(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`${what} not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
