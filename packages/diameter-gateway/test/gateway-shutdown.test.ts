import {
  buildMessage,
  defaultDictionary,
  parsePeerConfig,
  PeerConnection,
  type FailureEvent,
} from '@diam/diameter';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, listening, runGateway, runSim, type Proc } from './support/processes.js';

/** SIGTERM: stop accepting, finish what is in flight, DPR/DPA both ways, exit 0; a second signal exits at once. */
const dict = defaultDictionary();
const procs: Proc[] = [];
const conns: PeerConnection[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.destroy();
  for (const p of procs.splice(0)) {
    p.signal('SIGKILL');
    await p.exited;
  }
});

async function setup(delay: string): Promise<{ gateway: Proc; port: number; app: PeerConnection }> {
  const [gwPort, simPort] = [await freePort(), await freePort()];
  procs.push(runSim(simPort, 'sim', ['--delay', delay]));
  await listening(simPort);
  const gateway = runGateway(
    gwPort,
    [`dra1=127.0.0.1:${simPort},priority=1`],
    ['--metrics-listen', 'off', '--log', 'warn', '--shutdown-timeout', '3s'],
  );
  procs.push(gateway);
  await listening(gwPort);
  const app = new PeerConnection({
    config: parsePeerConfig({
      originHost: 'app.peers.test',
      originRealm: 'peers.test',
      authApplicationIds: [16777238],
      reconnect: false,
    }),
    host: '127.0.0.1',
    port: gwPort,
  });
  conns.push(app);
  await app.connect();
  await new Promise((r) => setTimeout(r, 300)); // the gateway's DRA connection opens
  return { gateway, port: gwPort, app };
}

const ccr = (n: number) =>
  buildMessage(
    dict,
    'CCR',
    {
      'Session-Id': `app;${n}`,
      'Origin-Host': 'app.peers.test',
      'Origin-Realm': 'peers.test',
      'Destination-Realm': 'peers.test',
      'Auth-Application-Id': 16777238,
      'CC-Request-Type': 'INITIAL_REQUEST',
      'CC-Request-Number': n,
    },
    { applicationId: 16777238 },
  );

describe('gateway graceful shutdown', () => {
  it('answers the requests in flight, sends DPR to the Logic App, refuses new connections and exits 0', async () => {
    const { gateway, port, app } = await setup('800ms');
    const failure = new Promise<FailureEvent>((r) => app.once('failure', r));
    const inFlight = Promise.all([1, 2, 3].map((n) => app.request(ccr(n), { timeout: 5000 })));
    await new Promise((r) => setTimeout(r, 100));
    gateway.signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    // No new Logic Apps once stopping.
    const late = new PeerConnection({
      config: parsePeerConfig({
        originHost: 'late.peers.test',
        originRealm: 'peers.test',
        authApplicationIds: [4],
        reconnect: false,
        connectTimeout: 500,
      }),
      host: '127.0.0.1',
      port,
    });
    conns.push(late);
    await expect(late.connect()).rejects.toBeInstanceOf(Error);
    const answers = await inFlight;
    expect(answers.map((a) => a.get('Result-Code'))).toEqual([2001, 2001, 2001]);
    expect((await failure).kind).toBe('disconnect-requested');
    expect(await gateway.exited).toBe(0);
  });

  it('exits 0 on SIGTERM when nobody reads its log any more (a broken stdout pipe)', async () => {
    // As an operator's shell does it: the log piped to a reader that stops after three lines, a DRA that is not
    // there so lines keep coming, SIGTERM from `timeout` after 2 s. pino's asynchronous destination used to retry
    // the failed flush at exit forever (sonic-boom 4): the process never ended.
    const [gwPort, nobody] = [await freePort(), await freePort()];
    const gw = join(import.meta.dirname, '..', 'bin', 'diameter-gateway.js');
    const script =
      `timeout --preserve-status -k 10 2 ${JSON.stringify(process.execPath)} ${JSON.stringify(gw)} ` +
      `--listen 127.0.0.1:${gwPort} --dra dra1=127.0.0.1:${nobody},priority=1 --reconnect-interval 100ms ` +
      `--max-reconnect-delay 200ms --metrics-listen off 2>&1 | head -3 > /dev/null; echo "status \${PIPESTATUS[0]}"`;
    const started = Date.now();
    const out = await new Promise<string>((resolve) => {
      const sh = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let text = '';
      sh.stdout.on('data', (d: Buffer) => (text += d.toString()));
      sh.on('close', () => resolve(text));
    });
    expect(out.trim()).toBe('status 0');
    expect(Date.now() - started).toBeLessThan(8000);
  }, 20_000);

  it('a second signal exits at once', async () => {
    const { gateway, app } = await setup('5s');
    void app.request(ccr(1), { timeout: 10_000 }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    gateway.signal('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    const at = Date.now();
    gateway.signal('SIGTERM');
    expect(await gateway.exited).toBe(1);
    expect(Date.now() - at).toBeLessThan(1000);
  });
});
