import {
  buildMessage,
  defaultDictionary,
  parsePeerConfig,
  PeerConnection,
  type FailureEvent,
} from '@diam/diameter';
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
