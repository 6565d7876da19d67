import * as net from 'node:net';
import {
  buildMessage,
  decodeMessage,
  defaultDictionary,
  encodeMessage,
  Framer,
  headerView as view,
  type Message,
} from '@diam/diameter';
import { afterEach, describe, expect, it } from 'vitest';
import { startDraSim } from '../src/tools/dra-sim.js';
import { ccr, Harness, recordingDra } from './support/gateway-harness.js';

const dict = defaultDictionary();
const h = new Harness();
afterEach(() => h.cleanup());

describe('gateway relay', () => {
  it('remaps Hop-by-Hop, keeps End-to-End, forwards the bytes unchanged but for Route-Record, restores the answer', async () => {
    const dra = recordingDra();
    const { port: draPort } = await h.dra('dra1.peers.test', dra.handler);
    const { port } = await h.gateway([`dra1=127.0.0.1:${draPort},priority=1`]);
    const app = await h.logicApp(port, 'app1.apps.test');
    const request = encodeMessage(ccr('app1;1'));
    view.setHopByHopId(request, 0x12345678);
    view.setEndToEndId(request, 0xabcdef01);
    const sent = Buffer.from(request);
    // Send it raw (requestBytes would replace the H2H): the answer comes back by our own H2H.
    const answerBytes = await app.requestBytes(request);
    const answer = decodeMessage(answerBytes, dict);
    expect(answer.get('Result-Code')).toBe(2001);
    expect(answer.get('Session-Id')).toBe('app1;1');
    expect(answer.endToEndId).toBe(0xabcdef01);
    expect(answer.hopByHopId).toBe(view.hopByHopId(request)); // the H2H our connection gave it, restored

    const atDra = dra.received[0];
    expect(view.endToEndId(atDra)).toBe(0xabcdef01);
    expect(view.hopByHopId(atDra)).not.toBe(view.hopByHopId(request));
    // Same bytes apart from H2H, the length, and the Route-Record appended at the end.
    const rr = atDra.length - sent.length;
    expect(rr).toBeGreaterThan(8);
    expect(view.messageLength(atDra)).toBe(atDra.length);
    expect(atDra.subarray(20, sent.length).equals(sent.subarray(20))).toBe(true);
    expect(atDra.subarray(4, 12).equals(sent.subarray(4, 12))).toBe(true);
    expect(decodeMessage(atDra, dict).getAll('Route-Record')).toEqual(['app1.apps.test']);
  });

  it('answers 10k concurrent requests from 10 Logic Apps, each to the connection it came from', async () => {
    const dra = recordingDra();
    const { port: draPort } = await h.dra('dra1.peers.test', dra.handler);
    const { gateway, port } = await h.gateway(
      [`dra1=127.0.0.1:${draPort},priority=1`],
      ['--conns-per-dra', '2'],
    );
    const apps = await Promise.all(
      Array.from({ length: 10 }, (_, i) => h.logicApp(port, `app${i}.apps.test`)),
    );
    const results = await Promise.all(
      apps.flatMap((app, i) =>
        Array.from({ length: 1000 }, (_, k) =>
          app.request(ccr(`app${i};${k}`), { timeout: 10_000 }).then((a) => [i, k, a] as const),
        ),
      ),
    );
    for (const [i, k, a] of results) {
      expect(a.get('Session-Id')).toBe(`app${i};${k}`);
      expect(a.get('Result-Code')).toBe(2001);
    }
    expect(gateway.stats.totalResponses).toBe(10_000);
    expect(gateway.stats.activeSessions).toBe(0);
  }, 60_000);

  it('answers 3002 at once when no DRA is available, with the E bit and our Origin-Host', async () => {
    const dra = recordingDra();
    const { server, port: draPort } = await h.dra('dra1.peers.test', dra.handler);
    const { gateway, port } = await h.gateway([`dra1=127.0.0.1:${draPort},priority=1`]);
    const app = await h.logicApp(port, 'app1.apps.test');
    await server.close({ drainTimeout: 10 });
    while (gateway.isReady()) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    const answer = await app.request(ccr('app1;nodra'));
    expect(Date.now() - started).toBeLessThan(200);
    expect(answer.get('Result-Code')).toBe(3002);
    expect(answer.isError).toBe(true);
    expect(answer.get('Origin-Host')).toBe('gw.peers.test');
    expect(answer.get('Error-Message')).toMatch(/no DRA available/);
  });

  it('answers 3002 when the DRA does not answer within the session timeout, and drops the late answer', async () => {
    const { port: draPort } = await h.dra('dra1.peers.test', {
      handleRequest(request, connection) {
        const copy = Buffer.from(request);
        setTimeout(() => {
          copy[4] &= 0x7f;
          try {
            connection.send(copy);
          } catch {
            /* closed */
          }
        }, 700);
      },
    });
    const { gateway, port } = await h.gateway(
      [`dra1=127.0.0.1:${draPort},priority=1`],
      ['--session-timeout', '300ms'],
    );
    const app = await h.logicApp(port, 'app1.apps.test');
    const answer = await app.request(ccr('app1;slow'));
    expect(answer.get('Result-Code')).toBe(3002);
    expect(answer.get('Error-Message')).toMatch(/within 300 ms/);
    await new Promise((r) => setTimeout(r, 600));
    expect(gateway.stats.timeoutErrors).toBe(1);
    expect(gateway.lateAnswers).toBe(1);
  });

  it('measures latency from the read of the request to the read of its answer: gateway, per DRA, per Logic App', async () => {
    // A DRA that answers 40 ms late: every latency the gateway reports lies between 40 ms and 40 ms plus slack.
    const dra = recordingDra();
    const { port: draPort } = await h.dra('dra1.peers.test', {
      handleRequest(request, connection) {
        const copy = Buffer.from(request);
        setTimeout(() => dra.handler.handleRequest(copy, connection), 40);
      },
    });
    const { gateway, port } = await h.gateway([`dra1=127.0.0.1:${draPort},priority=1`]);
    const app = await h.logicApp(port, 'app1.apps.test');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => app.request(ccr(`app1;lat${i}`))));
    expect(answers.every((a) => a.get('Result-Code') === 2001)).toBe(true);
    const snap = gateway.snapshot() as {
      gateway: { p50_latency_ms: number; p99_latency_ms: number };
      dras: { p50_latency_ms: number }[];
      logic_apps: { p50_latency_ms: number }[];
    };
    for (const ms of [
      snap.gateway.p50_latency_ms,
      snap.gateway.p99_latency_ms,
      snap.dras[0]!.p50_latency_ms,
      snap.logic_apps[0]!.p50_latency_ms,
    ]) {
      expect(ms).toBeGreaterThanOrEqual(39);
      expect(ms).toBeLessThan(1000);
    }
  });

  it('detects a loop (3005) and refuses beyond the in-flight limit (3004)', async () => {
    const dra = recordingDra();
    const { port: draPort } = await h.dra('dra1.peers.test', dra.handler);
    const { gateway, port } = await h.gateway(
      [`dra1=127.0.0.1:${draPort},priority=1`],
      ['--max-in-flight-per-app', '5'],
    );
    const app = await h.logicApp(port, 'app1.apps.test');
    const looped = await app.request(ccr('app1;loop', { 'Route-Record': ['x.test', 'gw.peers.test'] }));
    expect(looped.get('Result-Code')).toBe(3005);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => app.request(ccr(`app1;busy${i}`))),
    );
    const codes = answers.map((a) => a.get('Result-Code'));
    expect(codes).toContain(3004);
    expect(codes).toContain(2001);
    expect(gateway.stats.tooBusy).toBeGreaterThan(0);
  });

  it('routes DRA-initiated requests by Destination-Host, else by application, else answers 3002 to the DRA', async () => {
    const dra = recordingDra();
    const { server, port: draPort } = await h.dra('dra1.peers.test', dra.handler);
    const { port } = await h.gateway([`dra1=127.0.0.1:${draPort},priority=1`]);
    const seenBy: string[] = [];
    const onRequest = (name: string) => (request: Message) => {
      seenBy.push(`${name}:${request.get<string>('Session-Id')}`);
      return { resultCode: 2001 };
    };
    await h.logicApp(port, 'app1.apps.test', {
      onRequest: onRequest('app1'),
      authApplicationIds: [16777238],
    });
    await h.logicApp(port, 'app2.apps.test', {
      onRequest: onRequest('app2'),
      authApplicationIds: [16777251],
    });
    const toGateway = [...server.connections][0];
    const rar = (session: string, destinationHost: string | undefined, applicationId: number) =>
      buildMessage(
        dict,
        'RAR',
        {
          'Session-Id': session,
          'Origin-Host': 'pcrf.peers.test',
          'Origin-Realm': 'peers.test',
          'Destination-Realm': 'apps.test',
          ...(destinationHost !== undefined && { 'Destination-Host': destinationHost }),
          'Auth-Application-Id': applicationId,
          'Re-Auth-Request-Type': 'AUTHORIZE_ONLY',
        } as never,
        { applicationId },
      );
    const byHost = await toGateway.request(rar('rar;1', 'app2.apps.test', 16777238));
    expect(byHost.get('Result-Code')).toBe(2001);
    expect(byHost.get('Session-Id')).toBe('rar;1');
    const byApp = await toGateway.request(rar('rar;2', 'nobody.apps.test', 16777251));
    expect(byApp.get('Result-Code')).toBe(2001);
    const nobody = await toGateway.request(rar('rar;3', undefined, 16777236));
    expect(nobody.get('Result-Code')).toBe(3002);
    expect(nobody.isError).toBe(true);
    expect(seenBy).toEqual(['app2:rar;1', 'app2:rar;2']);
  });

  it('the DRA simulator originating RARs to a named Logic App (--originate-to): only that one gets them', async () => {
    const sim = await startDraSim({
      originHost: 'sim.peers.test',
      originRealm: 'peers.test',
      originate: {
        kind: 'gx-rar',
        rate: 200,
        destinationHost: 'app2.apps.test',
        destinationRealm: 'apps.test',
      },
    });
    h.defer(() => sim.close({ drainTimeout: 20 }));
    const { port } = await h.gateway([`dra1=127.0.0.1:${sim.port},priority=1`]);
    const seen = { app1: 0, app2: 0 };
    for (const name of ['app1', 'app2'] as const)
      await h.logicApp(port, `${name}.apps.test`, {
        onRequest: () => {
          seen[name]++;
          return { resultCode: 2001 };
        },
        authApplicationIds: [16777238],
      });
    const answeredBefore = sim.stats.originatedResultCodes['2001'] ?? 0;
    while ((sim.stats.originatedResultCodes['2001'] ?? 0) < answeredBefore + 20)
      await new Promise((r) => setTimeout(r, 20));
    expect(seen.app1).toBe(0);
    expect(seen.app2).toBeGreaterThanOrEqual(20);
  });

  describe('bad input from one Logic App does not disturb the others', () => {
    async function rawLogicApp(
      port: number,
    ): Promise<{ socket: net.Socket; answers: Message[]; closed: Promise<void> }> {
      const socket = net.connect(port, '127.0.0.1');
      h.defer(() => void socket.destroy());
      socket.on('error', () => undefined);
      const answers: Message[] = [];
      const framer = new Framer((m) => answers.push(decodeMessage(Buffer.from(m), dict)));
      socket.on('data', (c) => framer.push(c));
      const closed = new Promise<void>((r) => socket.once('close', () => r()));
      await new Promise<void>((r) => socket.once('connect', () => r()));
      socket.write(
        encodeMessage(
          buildMessage(dict, 'CER', {
            'Origin-Host': 'raw.apps.test',
            'Origin-Realm': 'apps.test',
            'Host-IP-Address': '127.0.0.1',
            'Vendor-Id': 0,
            'Product-Name': 'raw',
            'Auth-Application-Id': 16777238,
          }),
        ),
      );
      while (answers.length === 0) await new Promise((r) => setTimeout(r, 5));
      expect(answers.shift()!.get('Result-Code')).toBe(2001);
      return { socket, answers, closed };
    }

    it('malformed AVPs get 5014 from the gateway; an unknown command is relayed; lost framing or an oversized message closes only that connection', async () => {
      const dra = recordingDra();
      const { port: draPort } = await h.dra('dra1.peers.test', dra.handler);
      const { port } = await h.gateway([`dra1=127.0.0.1:${draPort},priority=1`]);
      const good = await h.logicApp(port, 'good.apps.test');
      const raw = await rawLogicApp(port);
      const bad = encodeMessage(ccr('raw;bad'));
      bad.writeUIntBE(0xfff0, bad.length - 12 + 5, 3);
      raw.socket.write(bad);
      const unknown = encodeMessage(ccr('raw;unknown'));
      unknown.writeUIntBE(12345, 5, 3);
      raw.socket.write(unknown);
      while (raw.answers.length < 2) await new Promise((r) => setTimeout(r, 5));
      expect(raw.answers.map((a) => a.get('Result-Code')).sort()).toEqual([2001, 5014]);
      // Oversized: a header announcing 2 MiB closes that connection (the maximum is 1 MiB).
      raw.socket.write(Buffer.from([1, 0x20, 0, 0, 0x80, 0, 1, 0x10]));
      await raw.closed;
      expect((await good.request(ccr('good;1'))).get('Result-Code')).toBe(2001);
      const raw2 = await rawLogicApp(port);
      raw2.socket.write(Buffer.from([1, 0, 0, 21, 0, 0, 0, 0])); // not a multiple of 4
      await raw2.closed;
      expect((await good.request(ccr('good;2'))).get('Result-Code')).toBe(2001);
    });

    it('a Logic App that never reads is closed once its queue passes the limit; memory stays bounded', async () => {
      const dra = recordingDra();
      const { port: draPort } = await h.dra('dra1.peers.test', dra.handler);
      const { gateway, port } = await h.gateway(
        [`dra1=127.0.0.1:${draPort},priority=1`],
        ['--max-write-buffer', '262144'],
      );
      const good = await h.logicApp(port, 'good.apps.test');
      const raw = await rawLogicApp(port);
      raw.socket.pause(); // never read again
      const big = ccr('raw;big', { 'Service-Context-Id': 'x'.repeat(4000) });
      const bytes = encodeMessage(big);
      const heapBefore = process.memoryUsage().heapUsed;
      // A paused socket never sees the gateway's close: watch the gateway instead.
      const deadline = Date.now() + 20_000;
      while (gateway.logicApps.size === 2 && Date.now() < deadline) {
        for (let i = 0; i < 100; i++) raw.socket.write(bytes);
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(gateway.logicApps.size).toBe(1);
      expect(gateway.logicApps.list()[0].originHost).toBe('good.apps.test');
      expect(gateway.stats.droppedAnswers).toBeGreaterThan(0);
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
      expect((await good.request(ccr('good;after'))).get('Result-Code')).toBe(2001);
    }, 60_000);
  });
});
