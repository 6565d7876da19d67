import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../src/codec/message.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import { HandshakeError } from '../src/errors.js';
import type { FailureEvent, StateChangeEvent, WatchdogChangeEvent } from '../src/peer/events.js';
import { messageHandler } from '../src/peer/message-handler.js';
import { PeerConnection } from '../src/peer/peer-connection.js';
import { parsePeerConfig, type PeerConfigInput } from '../src/peer/peer-options.js';
import { DiameterServer, type DiameterServerOptions } from '../src/server/diameter-server.js';
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
} from './support/freediameter.js';

/**
 * Interop with freeDiameter 1.2.1 (the Debian daemon), real processes on 127.0.0.1 (see /work/shared/PEERS.md):
 * freeDiameter as a base-protocol server for our client, as a relay between our client and our server, and as a
 * client of our server. One capture is judged by Wireshark's dissector.
 */

const GX = 16777238;
const RELAY = 0xffffffff;
const FD_REALM = 'peers.test';
const CLIENT_HOST = 'client.peers.test';
const SERVER_HOST = 'srv.app.test';
const SERVER_REALM = 'app.test';

const dict = defaultDictionary();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const harness = cleanupRunner();
const cleanups = { push: harness.defer };
afterEach(() => harness.run());

const withLog = <T>(fd: FreeDiameter, body: () => Promise<T>): Promise<T> => withFreeDiameterLog([fd], body);

async function startFd(options: FreeDiameterOptions): Promise<FreeDiameter> {
  const fd = await FreeDiameter.start({ realm: FD_REALM, ...options });
  cleanups.push(() => fd.stop());
  return fd;
}

const clientOptions: PeerConfigInput = {
  originHost: CLIENT_HOST,
  originRealm: FD_REALM,
  authApplicationIds: [GX],
  reconnect: false,
  connectTimeout: 2000,
  cerTimeout: 3000,
  requestTimeout: 3000,
  dprTimeout: 2000,
  // Ours is the watchdog that matters here; freeDiameter's Tw is at least 6 s.
  watchdogInterval: 5000,
  watchdogJitter: 0,
};

function client(port: number, options: Partial<PeerConfigInput> = {}): PeerConnection {
  const c = new PeerConnection({
    config: parsePeerConfig({ ...clientOptions, ...options }),
    host: '127.0.0.1',
    port,
  });
  cleanups.push(() => c.destroy());
  return c;
}

async function startServer(
  options: Partial<DiameterServerOptions> = {},
): Promise<{ server: DiameterServer; port: number; requests: Message[] }> {
  const requests: Message[] = [];
  const server = new DiameterServer({
    originHost: SERVER_HOST,
    originRealm: SERVER_REALM,
    authApplicationIds: [RELAY],
    cerTimeout: 3000,
    dprTimeout: 1000,
    watchdogInterval: 300,
    watchdogJitter: 0,
    requestHandler: messageHandler((request) => {
      requests.push(request);
      return {
        resultCode: 2001,
        avps: {
          'CC-Request-Type': request.get<number>('CC-Request-Type') ?? 1,
          'CC-Request-Number': request.get<number>('CC-Request-Number') ?? 0,
        },
      };
    }),
    ...options,
  });
  const { port } = await server.listen(0, '127.0.0.1');
  cleanups.push(() => server.close({ drainTimeout: 200 }));
  return { server, port, requests };
}

function gxCcr(sessionId: string, destinationRealm: string, n = 0): Message {
  return buildMessage(
    dict,
    'CCR',
    {
      'Session-Id': sessionId,
      'Auth-Application-Id': GX,
      'Origin-Host': CLIENT_HOST,
      'Origin-Realm': FD_REALM,
      'Destination-Realm': destinationRealm,
      'CC-Request-Type': 'INITIAL_REQUEST',
      'CC-Request-Number': n,
    },
    { applicationId: GX },
  );
}

/** Resolves with the first `event` the emitter sends, or rejects after `ms`. */
function next<T>(
  emitter: {
    once(event: string, fn: (value: T) => void): unknown;
    off(event: string, fn: (value: T) => void): unknown;
  },
  event: string,
  ms: number,
): Promise<T> {
  const promise = new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, onEvent);
      reject(new Error(`no '${event}' within ${ms} ms`));
    }, ms);
    const onEvent = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    emitter.once(event, onEvent);
  });
  // Awaited later (or not, when the test failed before): never an unhandled rejection.
  promise.catch(() => undefined);
  return promise;
}

/** A relay freeDiameter that dials our server and routes every request to it. */
async function relayToServer(serverPort: number, extra: Partial<FreeDiameterOptions> = {}) {
  return startFd({
    identity: 'relay.peers.test',
    extensions: ['dict_dcca_3gpp'],
    connectPeers: [{ name: SERVER_HOST, host: '127.0.0.1', port: serverPort }],
    routes: [{ peer: SERVER_HOST }],
    ...extra,
  });
}

describe.skipIf(!existsSync('/usr/bin/freeDiameterd'))('interop with freeDiameter 1.2.1', () => {
  describe('our client, freeDiameter as the server', () => {
    it('gets CEA 5010 when freeDiameter has NoRelay and no application in common', async () => {
      const fd = await startFd({ identity: 'norelay.peers.test', noRelay: true });
      await withLog(fd, async () => {
        const c = client(fd.port);
        const error = await c.connect().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(HandshakeError);
        expect((error as HandshakeError).resultCode).toBe(5010);
        expect(c.currentState).toBe('CLOSED');
      });
    });

    it('opens with a relay, keeps the watchdog OKAY with its DWAs, and closes with DPR/DPA', async () => {
      const fd = await startFd({ identity: 'fd1.peers.test' });
      await withLog(fd, async () => {
        const c = client(fd.port, { watchdogInterval: 300, watchdogJitter: 0, watchdogTimeout: 1000 });
        const states: string[] = [];
        const watchdog: WatchdogChangeEvent[] = [];
        const failures: FailureEvent[] = [];
        c.on('state', (e: StateChangeEvent) => states.push(e.to));
        c.on('watchdog', (e) => watchdog.push(e));
        c.on('failure', (e) => failures.push(e));
        await c.connect();
        expect(states).toEqual(['CONNECTING', 'CER_SENT', 'OPEN']);
        expect(c.capabilities!.originHost).toBe('fd1.peers.test');
        expect(c.capabilities!.originRealm).toBe(FD_REALM);
        expect(c.capabilities!.isRelay).toBe(true);
        expect(c.capabilities!.commonApplicationIds).toEqual([GX]);
        expect(c.capabilities!.productName).toBe('freeDiameter');
        await fd.waitForLog(/'STATE_OPEN'\s+'client\.peers\.test'/, 2000);

        const before = c.stats.messagesReceived;
        await sleep(1300);
        // About four DWRs went out at 300 ms; each DWA counts as a message received.
        expect(c.stats.messagesReceived - before).toBeGreaterThanOrEqual(3);
        expect(c.watchdogState).toBe('OKAY');
        expect(watchdog.filter((e) => e.to !== 'OKAY')).toEqual([]);
        expect(c.stats.lastError).toBeUndefined();

        const received = c.stats.messagesReceived;
        await c.close({ cause: 'DO_NOT_WANT_TO_TALK_TO_YOU' });
        expect(c.currentState).toBe('CLOSED');
        expect(states.slice(-2)).toEqual(['CLOSING', 'CLOSED']);
        expect(c.stats.messagesReceived).toBe(received + 1); // the DPA
        expect(failures).toEqual([]);
        await fd.waitForLog(
          /Peer 'client\.peers\.test' sent a DPR with cause: DO_NOT_WANT_TO_TALK_TO_YOU/,
          2000,
        );
        await fd.waitForLog(/'STATE_OPEN'\s+-> 'STATE_CLOSING'\s+'client\.peers\.test'/, 2000);
      });
    });
    it("answers freeDiameter's DPR (REBOOTING) when it shuts down, and does not reconnect", async () => {
      const fd = await startFd({ identity: 'fd5.peers.test' });
      const c = client(fd.port);
      const failures: FailureEvent[] = [];
      c.on('failure', (e) => failures.push(e));
      await withLog(fd, async () => {
        await c.connect();
        const closed = next(c, 'closed', 5000);
        await fd.stop();
        await closed;
        expect(c.currentState).toBe('CLOSED');
        expect(failures.map((f) => [f.kind, f.willReconnect])).toEqual([['disconnect-requested', false]]);
        expect(failures[0].cause.message).toMatch(/REBOOTING/);
        // freeDiameter took its graceful path (DPR sent, connection wound down), not an abrupt close.
        expect(fd.log).toMatch(/'STATE_OPEN'\s+-> 'STATE_CLOSING_GRACE'\s+'client\.peers\.test'/);
      });
    });
  });

  describe('freeDiameter as a relay between our client and our server', () => {
    it('relays a Gx CCR to our server and its 2001 CCA back, adding a Route-Record', async () => {
      const { server, port, requests } = await startServer();
      const serverSawRelay = next<PeerConnection>(server, 'peer', 5000);
      const fd = await relayToServer(port);
      await withLog(fd, async () => {
        const relay = await serverSawRelay;
        expect(relay.capabilities!.originHost).toBe('relay.peers.test');
        expect(relay.capabilities!.isRelay).toBe(true);

        const c = client(fd.port);
        await c.connect();
        const sessionId = `${CLIENT_HOST};1;relay`;
        const answer = await c.request(gxCcr(sessionId, SERVER_REALM));
        expect(answer.isRequest).toBe(false);
        expect(answer.isError).toBe(false);
        expect(answer.commandCode).toBe(272);
        expect(answer.applicationId).toBe(GX);
        expect(answer.get('Result-Code')).toBe(2001);
        expect(answer.get('Session-Id')).toBe(sessionId);
        expect(answer.get('Origin-Host')).toBe(SERVER_HOST);
        expect(answer.get('CC-Request-Number')).toBe(0);

        expect(requests).toHaveLength(1);
        const seen = requests[0];
        expect(seen.get('Session-Id')).toBe(sessionId);
        expect(seen.get('Origin-Host')).toBe(CLIENT_HOST);
        // RFC 6733 §6.1.9: the relay records the peer it received the request from.
        expect(seen.getAll('Route-Record')).toContain(CLIENT_HOST);

        // A few more, concurrently, each answered by its own Hop-by-Hop id through the relay.
        const more = await Promise.all(
          [1, 2, 3, 4, 5].map((n) => c.request(gxCcr(`${CLIENT_HOST};${n};more`, SERVER_REALM, n))),
        );
        more.forEach((a, i) => {
          expect(a.get('Result-Code')).toBe(2001);
          expect(a.get('Session-Id')).toBe(`${CLIENT_HOST};${i + 1};more`);
          expect(a.get('CC-Request-Number')).toBe(i + 1);
        });
        await c.close();
        expect(c.currentState).toBe('CLOSED');
      });
    });

    it('surfaces the E-bit 3002 UNABLE_TO_DELIVER answer of a relay with nowhere to route', async () => {
      const fd = await startFd({ identity: 'fd2.peers.test', extensions: ['dict_dcca_3gpp'] });
      await withLog(fd, async () => {
        const c = client(fd.port);
        await c.connect();
        const sessionId = `${CLIENT_HOST};2;nowhere`;
        const answer = await c.request(gxCcr(sessionId, 'nowhere.test'));
        expect(answer.isRequest).toBe(false);
        expect(answer.isError).toBe(true);
        expect(answer.get('Result-Code')).toBe(3002);
        expect(answer.get('Session-Id')).toBe(sessionId);
        expect(answer.get<string>('Error-Message')).toMatch(/No suitable candidate/);
        expect(c.currentState).toBe('OPEN');
        await c.close();
      });
    });
  });

  describe('freeDiameter as a client of our server', () => {
    it('dials our server, exchanges capabilities and stays OPEN with the watchdog OKAY', async () => {
      const { server, port } = await startServer({ allowedHosts: ['*.peers.test'] });
      const failures: FailureEvent[] = [];
      server.on('failure', (e) => failures.push(e));
      const opened = next<PeerConnection>(server, 'peer', 5000);
      const fd = await startFd({
        identity: 'fd3.peers.test',
        connectPeers: [{ name: SERVER_HOST, host: '127.0.0.1', port }],
      });
      await withLog(fd, async () => {
        const peer = await opened;
        await fd.waitForLog(/'STATE_WAITCEA'\s+-> 'STATE_OPEN'\s+'srv\.app\.test'/, 2000);
        expect(peer.capabilities!.originHost).toBe('fd3.peers.test');
        expect(peer.capabilities!.originRealm).toBe(FD_REALM);
        expect(peer.capabilities!.productName).toBe('freeDiameter');
        const received = peer.stats.messagesReceived;
        await sleep(2000);
        expect(peer.currentState).toBe('OPEN');
        expect(peer.watchdogState).toBe('OKAY');
        // Our DWRs every 300 ms were answered.
        expect(peer.stats.messagesReceived - received).toBeGreaterThanOrEqual(4);
        expect(failures).toEqual([]);
        expect(server.connections.size).toBe(1);
        expect(fd.log).not.toMatch(/fd3\.peers\.test.*(error|failed)/i);
      });
    });

    it('refuses freeDiameter with CEA 3010 when the allow-list excludes it', async () => {
      const { server, port } = await startServer({ allowedHosts: ['*.elsewhere.test'] });
      const refused = next<{ remote: string; reason: string; resultCode?: number }>(server, 'refused', 5000);
      const fd = await startFd({
        identity: 'fd4.peers.test',
        connectPeers: [{ name: SERVER_HOST, host: '127.0.0.1', port }],
      });
      await withLog(fd, async () => {
        const event = await refused;
        expect(event.resultCode).toBe(3010);
        expect(event.remote).toBe('fd4.peers.test');
        expect(server.connections.size).toBe(0);
        // freeDiameter saw the refusal for what it is.
        await fd.waitForLog(/Connection to 'srv\.app\.test' failed: 'CEA with unexpected error code'/, 3000);
        await fd.waitForLog(/'DIAMETER_UNKNOWN_PEER' \(3010/, 3000);
      });
    });
  });

  describe.skipIf(!captureAvailable())('on the wire, judged by tshark', () => {
    it('captures client → relay → server: no malformed packets, CER/CEA, CCR/CCA 2001, DPR/DPA', async () => {
      const { port: serverPort } = await startServer();
      // The capture runs before freeDiameter starts: it dials our server at once.
      const fdPort = await freePort();
      const ports = [fdPort, serverPort];
      const cap = await capture(ports);
      cleanups.push(async () => {
        await cap.stop();
        cap.remove();
      });
      const fd = await relayToServer(serverPort, { identity: 'relay2.peers.test', port: fdPort });
      await withLog(fd, async () => {
        const c = client(fd.port, { watchdogInterval: 300, watchdogJitter: 0 });
        await c.connect();
        const answer = await c.request(gxCcr(`${CLIENT_HOST};3;wire`, SERVER_REALM));
        expect(answer.get('Result-Code')).toBe(2001);
        await sleep(400); // a DWR/DWA or two
        await c.close();
        const file = await cap.stop();

        expect(tshark(file, ports, ['-Y', '_ws.malformed'])).toBe('');
        const diameter = tsharkFields(file, ports, ['diameter.Result-Code', 'diameter.Route-Record']);
        const onClientLeg = onPort(diameter, fd.port);
        const codes = (list: string[][]) => new Set(list.flatMap((r) => r[3].split(',')));
        for (const code of ['257', '272', '280', '282']) expect(codes(onClientLeg)).toContain(code);
        // The relay's leg to our server carried the CCR and our 2001 CCA too.
        const onServerLeg = onPort(diameter, serverPort);
        expect(codes(onServerLeg)).toContain('257');
        expect(codes(onServerLeg)).toContain('272');
        // The CCR as it left the relay for our server carried the relay's Route-Record naming our client.
        const relayedCcr = onServerLeg.find((r) => r[2] === '1' && r[3] === '272');
        expect(relayedCcr?.[5]).toBe(CLIENT_HOST);
        const resultCodes = new Set(diameter.flatMap((r) => (r[4] ?? '').split(',')).filter(Boolean));
        expect(resultCodes).toContain('2001');
        const warnings = tshark(file, ports, ['-q', '-z', 'expert,warn']);
        expect(warnings).not.toMatch(/Malformed|Error\s*\(/);
      });
    });
  });
});
