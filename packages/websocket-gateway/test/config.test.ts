// Config is validated once; errors name the field. The CLI exits 2 on them and runs embedded without --redis.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from '../src/config.js';
import { GatewayProcess, GATEWAY_CLI } from './support/gateway-process.js';
import { freePort } from './support/redis.js';
import { TestClient } from './support/test-client.js';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

describe('loadConfig', () => {
  it('defaults follow the seed timers and run embedded', () => {
    const c = loadConfig();
    expect(c).toMatchObject({
      port: 8080,
      redisUrl: null,
      heartbeatIntervalMs: 30_000,
      presenceTtlMs: 90_000,
    });
    expect(c.presenceRefreshMs).toBe(30_000);
    expect(c.sweepIntervalMs).toBe(60_000);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('merges file < env < flags, accepts the seed single-dash flags and host:port for redis', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsgw-'));
    cleanup.push(() => rmSync(dir, { recursive: true }));
    const file = join(dir, 'gw.yaml');
    writeFileSync(file, 'port: 9000\nrateLimitPerSec: 5\nmaxConnections: 10\n');
    const c = loadConfig({
      argv: ['--config', file, '-id', 'gw-7', '--redis', 'localhost:6379', '--max-connections=20'],
      env: { WSG_RATE_LIMIT_PER_SEC: '7', WSG_PORT: '9100' },
    });
    expect(c).toMatchObject({ id: 'gw-7', port: 9100, rateLimitPerSec: 7, maxConnections: 20 });
    expect(c.redisUrl).toBe('redis://localhost:6379');
  });

  it.each([
    [{ argv: ['--port', '70000'] }, 'port'],
    [{ argv: ['--port', 'abc'] }, 'port'],
    [{ argv: ['--bogus', '1'] }, '--bogus'],
    [{ env: { WSG_HEARTBEAT_INTERVAL_MS: '-5' } }, 'heartbeatIntervalMs'],
    [{ argv: ['--redis', 'localhost:6379'] }, 'id'],
    [{ argv: ['--heartbeat-interval-ms', '1000', '--idle-timeout-ms', '500'] }, 'idleTimeoutMs'],
    [{ argv: ['--auth-secret', 'short'] }, 'authSecret'],
  ])('rejects %j naming %s', (sources, field) => {
    expect(() => loadConfig(sources)).toThrow(expect.objectContaining({ code: 'ERR_CONFIG', field }));
  });

  it('every default is listed in DEFAULTS (one place)', () => {
    expect(Object.keys(loadConfig()).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });
});

describe('ws-gateway CLI (embedded mode)', () => {
  it('exits 2 on a bad flag and names it', () => {
    const r = spawnSync(process.execPath, [GATEWAY_CLI, '--port', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid config: port/);
  });

  it('serves the protocol with nothing else running; SIGTERM closes clients with a reason', async () => {
    const gw = await GatewayProcess.start('cli-embedded');
    cleanup.push(() => gw.stop('SIGKILL'));
    expect((await gw.stats()).gatewayId).toBe('cli-embedded');
    const a = await TestClient.user(gw.url, 'alice');
    const b = await TestClient.user(gw.url, 'bob');
    const got = b.next((f) => f.type === 'message');
    a.send({ type: 'message', to: 'bob', content: 'Hello from Alice!' });
    expect(await got).toEqual({ type: 'message', from: 'alice', content: 'Hello from Alice!' });
    const told = a.next((f) => f.code === 'SHUTTING_DOWN');
    gw.child.kill('SIGTERM');
    await told;
    expect(await a.closed).toEqual({ code: 1001, reason: 'gateway shutting down' });
    expect(await gw.exited).toEqual({ code: 0, signal: null });
  });

  it('exits 0 on SIGTERM when nobody reads its log any more (a broken stdout pipe)', async () => {
    // The log piped to a reader that stops after two lines, SIGTERM from `timeout`: with pino's asynchronous
    // destination the exit flush retried the failed write forever (sonic-boom 4) and the process never ended.
    const port = await freePort();
    const script =
      `timeout --preserve-status -k 10 2 ${JSON.stringify(process.execPath)} ${JSON.stringify(GATEWAY_CLI)} ` +
      `--id pipe-test --port ${port} --host 127.0.0.1 --log-level debug 2>&1 | head -2 > /dev/null; ` +
      `echo "status \${PIPESTATUS[0]}"`;
    const started = Date.now();
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stdout.trim()).toBe('status 0');
    expect(Date.now() - started).toBeLessThan(8000);
  }, 20_000);
});
