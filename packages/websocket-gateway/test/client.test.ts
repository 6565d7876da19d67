// The client library and the `ws-client` CLI: heartbeats, failover to the next gateway with backoff and
// re-registration, the seed's REPL (`send bob Hello`, `help`, `quit`).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayClient } from '../src/client/gateway-client.js';
import type { ClientStatus } from '../src/client/client-status.js';
import { CLIENT_CLI, GatewayProcess } from './support/gateway-process.js';
import { waitFor } from './support/in-process.js';
import { deletePrefix, testRedis, uniqueName } from './support/redis.js';
import { TestClient } from './support/test-client.js';

let url: string;
let prefix: string;
const cleanup: (() => unknown)[] = [];
beforeAll(async () => {
  url = await testRedis();
  prefix = `${uniqueName('client')}:`;
});
afterAll(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
  await deletePrefix(url, prefix);
});
async function gateway(id: string): Promise<GatewayProcess> {
  const gw = await GatewayProcess.start(uniqueName(id), ['--redis', url, '--redis-key-prefix', prefix]);
  cleanup.push(() => gw.stop('SIGKILL'));
  await gw.waitReady();
  return gw;
}

class CliProcess {
  out = '';
  constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (d: Buffer) => (this.out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (this.out += d.toString()));
  }
  async waitFor(re: RegExp, timeoutMs = 8000): Promise<void> {
    await waitFor(() => re.test(this.out), timeoutMs, `client output ${re}`);
  }
  type(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }
}

describe('GatewayClient failover', () => {
  it('moves to the next gateway after SIGKILL, re-registers, and receives messages there', async () => {
    const g1 = await gateway('c1');
    const g2 = await gateway('c2');
    const statuses: ClientStatus[] = [];
    const alice = new GatewayClient({ userId: 'fo-alice', urls: [g1.url, g2.url], heartbeatIntervalMs: 200 });
    cleanup.push(() => alice.close());
    alice.on('status', (s) => statuses.push(s));
    const inbox: string[] = [];
    alice.on('message', (from, content) => inbox.push(`${from}:${content}`));
    await alice.start();
    expect(alice.currentUrl).toBe(g1.url);
    const bob = await TestClient.user(g2.url, 'fo-bob');
    cleanup.push(() => bob.close());

    await g1.stop('SIGKILL');
    await waitFor(() => alice.isRegistered && alice.currentUrl === g2.url, 8000, 'failover to g2');
    const kinds = statuses.map((s) => s.type);
    expect(kinds).toEqual(
      expect.arrayContaining(['connecting', 'registered', 'disconnected', 'reconnecting', 'registered']),
    );
    const reconnect = statuses.find((s) => s.type === 'reconnecting') as { delayMs: number; url: string };
    expect(reconnect.url).toBe(g2.url);
    expect(reconnect.delayMs).toBeGreaterThan(0);
    bob.send({ type: 'message', to: 'fo-alice', content: 'you moved' });
    await waitFor(() => inbox.includes('fo-bob:you moved'), 3000, 'message after failover');
    expect(alice.send('fo-bob', 'yes')).toBe(true);
    expect((await bob.next((f) => f.type === 'message')).content).toBe('yes');
  });
});

describe('ws-client CLI', () => {
  it('runs the seed REPL and fails over to the next gateway', async () => {
    const g1 = await gateway('cli1');
    const g2 = await gateway('cli2');
    const child = spawn(
      process.execPath,
      [CLIENT_CLI, '-user', 'cli-alice', '--gateway', `${g1.url},${g2.url}`, '--heartbeat-ms', '500'],
      { stdio: 'pipe' },
    );
    cleanup.push(() => child.kill('SIGKILL'));
    const cli = new CliProcess(child);
    await cli.waitFor(new RegExp(`registered as cli-alice on ${g1.id}`));
    const bob = await TestClient.user(g2.url, 'cli-bob');
    cleanup.push(() => bob.close());

    const got = bob.next((f) => f.type === 'message');
    cli.type('send cli-bob Hello from Alice!');
    expect(await got).toEqual({ type: 'message', from: 'cli-alice', content: 'Hello from Alice!' });
    bob.send({ type: 'message', to: 'cli-alice', content: "Hi Alice, I'm on a different gateway!" });
    await cli.waitFor(/\[cli-bob\] Hi Alice, I'm on a different gateway!/);
    cli.type('send nobody hi');
    await cli.waitFor(/! User not found \(to nobody\)/);
    cli.type('help');
    await cli.waitFor(/send <user> <message>/);

    await g1.stop('SIGKILL');
    await cli.waitFor(new RegExp(`registered as cli-alice on ${g2.id}`));
    bob.send({ type: 'message', to: 'cli-alice', content: 'after failover' });
    await cli.waitFor(/\[cli-bob\] after failover/);
    cli.type('quit');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    expect(cli.out).toMatch(/\* reconnecting to .* in \d+ ms/);
  });
});
