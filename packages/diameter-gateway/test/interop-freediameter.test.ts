import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildMessage,
  defaultDictionary,
  parsePeerConfig,
  PeerConnection,
  RELAY_APPLICATION_ID,
  silentLogger,
  type Message,
} from '@diam/diameter';
import { afterEach, describe, expect, it } from 'vitest';
import {
  capture,
  captureAvailable,
  cleanupRunner,
  FreeDiameter,
  withFreeDiameterLog,
  freePort,
  tshark,
  onPort,
  tsharkFields,
  type FreeDiameterOptions,
} from '../../diameter/test/support/freediameter.js';
import { certificateAuthority } from '../../diameter/test/support/certificate.js';
import { loadConfig } from '../src/config.js';
import { Gateway } from '../src/gateway.js';
import { startDraSim, type DraSim } from '../src/tools/dra-sim.js';
import { runLoad } from '../src/tools/load.js';

/**
 * The gateway between real freeDiameter 1.2.1 daemons (see /work/shared/PEERS.md), on 127.0.0.1:
 *  a. freeDiameter as the DRA behind the gateway: a relay whose ConnectPeer is our DRA simulator;
 *  b. freeDiameter as the Logic App in front of it: a relay whose ConnectPeer is the gateway;
 *  c. one of them captured with dumpcap and judged by tshark.
 * freeDiameter without NoRelay advertises only the Relay application: the gateway must take that CEA.
 */

const GX = 16777238;
const REALM = 'peers.test';
const SIM_HOST = 'sim.peers.test';
const GW_HOST = 'gw.peers.test';
const CLIENT_HOST = 'client.peers.test';

const dict = defaultDictionary();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const harness = cleanupRunner();
const cleanups = { push: harness.defer };
afterEach(() => harness.run());

const withLog = <T>(fds: FreeDiameter[], body: () => Promise<T>): Promise<T> =>
  withFreeDiameterLog(fds, body, 40);

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

async function sim(): Promise<DraSim> {
  const s = await startDraSim({ originHost: SIM_HOST, originRealm: REALM });
  cleanups.push(() => s.close({ drainTimeout: 200 }));
  return s;
}

async function startFd(options: FreeDiameterOptions): Promise<FreeDiameter> {
  const fd = await FreeDiameter.start({ realm: REALM, extensions: ['dict_dcca_3gpp'], ...options });
  cleanups.push(() => fd.stop());
  return fd;
}

/** A relay freeDiameter that dials `peer` and routes every request to it (rt_default `*`). */
function relayTo(identity: string, peer: string, port: number, fdPort?: number): Promise<FreeDiameter> {
  return startFd({
    identity,
    ...(fdPort !== undefined && { port: fdPort }),
    connectPeers: [{ name: peer, host: '127.0.0.1', port }],
    routes: [{ peer }],
  });
}

async function gateway(
  draPort: number,
  listenPort = 0,
  draOptions = '',
  extra: string[] = [],
): Promise<{ gw: Gateway; port: number }> {
  const { config } = loadConfig(
    [
      '--listen',
      `127.0.0.1:${listenPort}`,
      '--origin-host',
      GW_HOST,
      '--origin-realm',
      REALM,
      '--dra',
      `dra1=127.0.0.1:${draPort},priority=1${draOptions}`,
      '--metrics-listen',
      'off',
      '--log',
      'silent',
      '--session-timeout',
      '3s',
      '--shutdown-timeout',
      '1s',
      ...extra,
    ],
    {},
  );
  const gw = new Gateway(config, silentLogger);
  const { diameter } = await gw.start();
  cleanups.push(() => gw.stop(1000));
  return { gw, port: diameter.port };
}

async function client(port: number): Promise<PeerConnection> {
  const c = new PeerConnection({
    config: parsePeerConfig({
      originHost: CLIENT_HOST,
      originRealm: REALM,
      authApplicationIds: [GX],
      reconnect: false,
      connectTimeout: 2000,
      cerTimeout: 3000,
      requestTimeout: 3000,
      dprTimeout: 1000,
      watchdogInterval: 5000,
    }),
    host: '127.0.0.1',
    port,
  });
  cleanups.push(() => c.destroy());
  await c.connect();
  return c;
}

function gxCcr(sessionId: string, n = 0): Message {
  return buildMessage(
    dict,
    'CCR',
    {
      'Session-Id': sessionId,
      'Auth-Application-Id': GX,
      'Origin-Host': CLIENT_HOST,
      'Origin-Realm': REALM,
      'Destination-Realm': REALM,
      'CC-Request-Type': 'INITIAL_REQUEST',
      'CC-Request-Number': n,
    },
    { applicationId: GX },
  );
}

async function expectAnswered(
  c: PeerConnection,
  tag: string,
  count: number,
  sequential = false,
): Promise<void> {
  const ask = (n: number) => c.request(gxCcr(`${CLIENT_HOST};${tag};${n}`, n));
  const answers: Message[] = [];
  if (sequential) for (let n = 0; n < count; n++) answers.push(await ask(n));
  else answers.push(...(await Promise.all(Array.from({ length: count }, (_, n) => ask(n)))));
  answers.forEach((a, n) => {
    expect(a.isRequest).toBe(false);
    expect(a.isError).toBe(false);
    expect(a.commandCode).toBe(272);
    expect(a.applicationId).toBe(GX);
    expect(a.get('Result-Code')).toBe(2001);
    expect(a.get('Session-Id')).toBe(`${CLIENT_HOST};${tag};${n}`);
    expect(a.get('Origin-Host')).toBe(SIM_HOST);
    expect(a.get('CC-Request-Number')).toBe(n);
  });
}

/** The gateway's (single) connection to its DRA. */
function draConnection(gw: Gateway): PeerConnection | undefined {
  return gw.dras.dras[0]?.pool.allConnections[0];
}

describe.skipIf(!existsSync('/usr/bin/freeDiameterd'))('gateway interop with freeDiameter 1.2.1', () => {
  it('a. freeDiameter as the DRA: Logic App → gateway → freeDiameter relay → simulator, all 2001', async () => {
    const s = await sim();
    const fd = await relayTo('dra.peers.test', SIM_HOST, s.port);
    await withLog([fd], async () => {
      // freeDiameter dials the simulator (CEA Origin-Host = the ConnectPeer name, Relay application only).
      await until('freeDiameter to open its ConnectPeer to the simulator', () => s.stats.peersOpened > 0);
      const { gw, port } = await gateway(fd.port);
      await until('the gateway to open its DRA connection to freeDiameter', () => gw.isReady());

      // freeDiameter's CEA offers only the Relay application, and the gateway took it.
      const dra = draConnection(gw)!;
      expect(dra.currentState).toBe('OPEN');
      expect(dra.capabilities!.originHost).toBe('dra.peers.test');
      expect(dra.capabilities!.isRelay).toBe(true);
      expect(dra.capabilities!.authApplicationIds).toEqual([RELAY_APPLICATION_ID]);

      // Session-Id, CC-Request-Number and the answering host survive both relays.
      const c = await client(port);
      await expectAnswered(c, 'a', 20);

      // Our load generator as the Logic App: pipelined Gx CCRs, all answered 2001.
      const result = await runLoad({
        host: '127.0.0.1',
        port,
        originHost: 'load.peers.test',
        originRealm: REALM,
        app: 'gx',
        requests: 2000,
        window: 32,
        timeoutMs: 3000,
      });
      expect(result.unanswered).toBe(0);
      expect(result.connection_failures).toBe(0);
      expect(result.answered).toBe(2000);
      expect(result.result_codes).toEqual({ '2001': 2000 });

      expect(s.stats.answered).toBe(2020);
      const snap = gw.snapshot() as { forwarding: Record<string, number>; gateway: Record<string, number> };
      expect(snap.forwarding.to_dra).toBe(2020);
      expect(snap.forwarding.from_dra).toBe(2020);
      expect(snap.gateway.total_errors).toBe(0);
      await c.close();
    });
  });

  it('b. freeDiameter as the Logic App: client → freeDiameter relay → gateway → simulator, all 2001', async () => {
    const s = await sim();
    const { gw, port } = await gateway(s.port);
    await until('the gateway to open its DRA connection to the simulator', () => gw.isReady());
    const fd = await relayTo('la.peers.test', GW_HOST, port);
    await withLog([fd], async () => {
      // freeDiameter dials the gateway (the gateway's CEA offers the Relay application, Origin-Host = ConnectPeer).
      await until('freeDiameter to connect to the gateway as a Logic App', () =>
        gw.logicApps.list().some((a) => a.originHost === 'la.peers.test' && a.connection.isUsable),
      );
      const app = gw.logicApps.list().find((a) => a.originHost === 'la.peers.test')!;
      expect(app.connection.capabilities!.isRelay).toBe(true);

      const c = await client(fd.port);
      await expectAnswered(c, 'b', 20);
      expect(app.requests).toBe(20);
      expect(app.answers).toBe(20);
      expect(s.stats.answered).toBe(20);
      await c.close();
    });
  });

  it('d. TLS both ways, certificates checked by both: Logic App → freeDiameter → gateway → freeDiameter → simulator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-fd-tls-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const authority = certificateAuthority(dir);
    const gwCert = authority.issue(GW_HOST);
    const s = await sim();
    // The DRA: freeDiameter takes the gateway on its TLS port and relays to the simulator in clear.
    const dra = await startFd({
      identity: 'tls-dra.peers.test',
      connectPeers: [{ name: SIM_HOST, host: '127.0.0.1', port: s.port }],
      routes: [{ peer: SIM_HOST }],
      tls: { ...authority.issue('tls-dra.peers.test'), ca: authority.ca },
    });
    await withLog([dra], async () => {
      await until('freeDiameter to open its ConnectPeer to the simulator', () => s.stats.peersOpened > 0);
      const { gw, port } = await gateway(dra.secPort, 0, ',tls,servername=tls-dra.peers.test', [
        '--listen-tls',
        '--tls-verify-clients',
        '--tls-cert',
        gwCert.cert,
        '--tls-key',
        gwCert.key,
        '--tls-ca',
        authority.ca,
      ]);
      await until('the gateway to open its TLS connection to freeDiameter', () => gw.isReady());
      // The Logic App: another freeDiameter dials the gateway with TLS, presenting a certificate the CA signed.
      const la = await startFd({
        identity: 'tls-la.peers.test',
        connectPeers: [{ name: GW_HOST, host: '127.0.0.1', port, tls: true }],
        routes: [{ peer: GW_HOST }],
        tls: { ...authority.issue('tls-la.peers.test'), ca: authority.ca },
      });
      await withLog([la], async () => {
        await until('freeDiameter to connect to the gateway over TLS', () =>
          gw.logicApps.list().some((a) => a.originHost === 'tls-la.peers.test' && a.connection.isUsable),
        );
        const c = await client(la.port);
        await expectAnswered(c, 'd', 20);
        // Each freeDiameter says the gateway's connection is TLS-protected.
        expect(dra.log).toMatch(/Connected to 'gw\.peers\.test' \(TCP,TLS/);
        expect(la.log).toMatch(/Connected to 'gw\.peers\.test' \(TCP,TLS/);
        expect(gw.snapshot()).toMatchObject({
          logic_app_connections: { tls: true, refused: 0 },
          dras: [{ tls: true, up: true, requests: 20, answers: 20 }],
        });
        await c.close();
      });
    });
  });

  it.skipIf(!captureAvailable())(
    'c. on the wire (tshark): Logic App → gateway → freeDiameter → simulator, no malformed packets, Route-Records',
    async () => {
      const s = await sim();
      const fdPort = await freePort();
      let gwPort = await freePort();
      while (gwPort === fdPort) gwPort = await freePort();
      const ports = [gwPort, fdPort, s.port];
      const cap = await capture(ports);
      cleanups.push(async () => {
        await cap.stop();
        cap.remove();
      });
      const fd = await relayTo('dra2.peers.test', SIM_HOST, s.port, fdPort);
      await withLog([fd], async () => {
        await until('freeDiameter to open its ConnectPeer to the simulator', () => s.stats.peersOpened > 0);
        const { gw } = await gateway(fd.port, gwPort);
        await until('the gateway to open its DRA connection to freeDiameter', () => gw.isReady());
        const c = await client(gwPort);
        // One at a time: one CCR per TCP segment, so that tshark's per-frame fields are per message.
        await expectAnswered(c, 'wire', 3, true);
        await c.close();
        const file = await cap.stop();

        expect(tshark(file, ports, ['-Y', '_ws.malformed'])).toBe('');
        // One row per frame; a frame holding several messages lists their fields joined by '|'.
        const diameter = tsharkFields(
          file,
          ports,
          ['diameter.Result-Code', 'diameter.Route-Record', 'diameter.Session-Id'],
          { aggregate: true },
        );
        const leg = (p: number) => onPort(diameter, p);
        const ccrs = (list: string[][], toPort: number) =>
          list.filter(
            (r) => r[1] === String(toPort) && r[2].split('|')[0] === '1' && r[3].split('|')[0] === '272',
          );

        // Logic App → gateway: the CCRs as our client sent them, no Route-Record yet.
        const inbound = ccrs(leg(gwPort), gwPort);
        expect(inbound.length).toBeGreaterThanOrEqual(1);
        for (const r of inbound) expect(r[5] ?? '').toBe('');

        // Gateway → freeDiameter: the gateway appended a Route-Record naming the Logic App (RFC 6733 §6.1.9).
        const toFd = ccrs(leg(fdPort), fdPort);
        expect(toFd.length).toBeGreaterThanOrEqual(1);
        for (const r of toFd) expect(r[5]).toBe(CLIENT_HOST);

        // freeDiameter → simulator: freeDiameter added its own, naming the gateway, after ours.
        const toSim = ccrs(leg(s.port), s.port);
        expect(toSim.length).toBeGreaterThanOrEqual(1);
        for (const r of toSim) expect(r[5]).toBe(`${CLIENT_HOST}|${GW_HOST}`);

        // The CCAs came back 2001 to the Logic App.
        const answersToClient = leg(gwPort).filter((r) => r[0] === String(gwPort) && r[3].includes('272'));
        expect(answersToClient.flatMap((r) => r[4].split('|'))).toEqual(['2001', '2001', '2001']);

        const warnings = tshark(file, ports, ['-q', '-z', 'expert,warn']);
        expect(warnings).not.toMatch(/Malformed|Error\s*\(/);
      });
    },
  );
});
