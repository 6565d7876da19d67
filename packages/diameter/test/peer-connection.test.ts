import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import { ConnectionClosedError, HandshakeError, TimeoutError } from '../src/errors.js';
import type { FailureEvent, StateChangeEvent, WatchdogChangeEvent } from '../src/peer/events.js';
import { messageHandler } from '../src/peer/message-handler.js';
import { PeerConnection } from '../src/peer/peer-connection.js';
import { parsePeerConfig, type PeerConfigInput } from '../src/peer/peer-options.js';
import { DiameterServer, type DiameterServerOptions } from '../src/server/diameter-server.js';
import { startPeerProcess } from './support/peer-process.js';

const dict = defaultDictionary();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const fast: PeerConfigInput = {
  originHost: 'client.test',
  originRealm: 'test',
  authApplicationIds: [4],
  watchdogInterval: 200,
  watchdogTimeout: 100,
  watchdogJitter: 0,
  reconnectInterval: 50,
  maxReconnectDelay: 200,
  requestTimeout: 1000,
};

async function startServer(
  options: Partial<DiameterServerOptions> = {},
): Promise<{ server: DiameterServer; port: number }> {
  const server = new DiameterServer({
    originHost: 'server.test',
    originRealm: 'test',
    authApplicationIds: [4],
    watchdogInterval: 200,
    watchdogTimeout: 100,
    watchdogJitter: 0,
    requestHandler: messageHandler((request) => ({
      resultCode: 2001,
      avps: { 'CC-Request-Number': request.get<number>('CC-Request-Number') ?? 0 },
    })),
    ...options,
  });
  const { port } = await server.listen(0, '127.0.0.1');
  cleanups.push(() => server.close({ drainTimeout: 50 }));
  return { server, port };
}

function client(port: number, options: Partial<PeerConfigInput> = {}): PeerConnection {
  const c = new PeerConnection({ config: parsePeerConfig({ ...fast, ...options }), host: '127.0.0.1', port });
  cleanups.push(() => c.destroy());
  return c;
}

function ccr(n: number) {
  return buildMessage(dict, 'CCR', {
    'Session-Id': `client.test;${n}`,
    'Origin-Host': 'client.test',
    'Origin-Realm': 'test',
    'Destination-Realm': 'test',
    'Auth-Application-Id': 4,
    'Service-Context-Id': 'x@test',
    'CC-Request-Type': 'EVENT_REQUEST',
    'CC-Request-Number': n,
  });
}

describe('PeerConnection with our server', () => {
  it('exchanges capabilities, then requests get their answers by Hop-by-Hop id', async () => {
    const { port } = await startServer();
    const c = client(port);
    const states: string[] = [];
    c.on('state', (e: StateChangeEvent) => states.push(e.to));
    await c.connect();
    expect(states).toEqual(['CONNECTING', 'CER_SENT', 'OPEN']);
    expect(c.capabilities!.originHost).toBe('server.test');
    expect(c.capabilities!.commonApplicationIds).toEqual([4]);
    expect(c.isUsable).toBe(true);
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => c.request(ccr(i))));
    answers.forEach((a, i) => {
      expect(a.get('Result-Code')).toBe(2001);
      expect(a.get('CC-Request-Number')).toBe(i);
      expect(a.get('Session-Id')).toBe(`client.test;${i}`);
    });
    expect(c.stats.requestsSent).toBe(200);
    expect(c.stats.pending).toBe(0);
  });

  it('sends the real local address as Host-IP-Address in its CER', async () => {
    const { server, port } = await startServer();
    const c = client(port);
    const seen = new Promise<string[]>((resolve) =>
      server.once('peer', (p) => resolve(p.capabilities!.hostIPAddresses as string[])),
    );
    await c.connect();
    expect(await seen).toEqual(['127.0.0.1']);
  });

  it('keeps the watchdog OKAY with DWR/DWA on an idle connection', async () => {
    const { port } = await startServer();
    const c = client(port);
    await c.connect();
    const before = c.stats.messagesReceived;
    await new Promise((r) => setTimeout(r, 700));
    expect(c.watchdogState).toBe('OKAY');
    expect(c.stats.messagesReceived).toBeGreaterThan(before); // DWAs (and the server's DWRs)
  });

  it('rejects a CEA with a Result-Code other than 2001 with a typed error carrying it', async () => {
    const { port } = await startServer({ allowedHosts: ['*.elsewhere'] });
    const c = client(port, { reconnect: false });
    const error = await c.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandshakeError);
    expect((error as HandshakeError).resultCode).toBe(3010);
    expect(c.currentState).toBe('CLOSED');
  });

  it('answers 5010 when there is no common application', async () => {
    const { port } = await startServer({ authApplicationIds: [16777251] });
    const c = client(port, { reconnect: false });
    const error = (await c.connect().catch((e: unknown) => e)) as HandshakeError;
    expect(error.resultCode).toBe(5010);
  });

  it('on a dead peer: failure event at once, pending requests rejected as retryable, then reconnects', async () => {
    // A scripted peer: answers the CER, then dies with requests in flight.
    const sockets: net.Socket[] = [];
    const peer = net.createServer((s) => {
      sockets.push(s);
      s.on('data', (chunk) => {
        const m = decodeMessage(chunk.subarray(0, chunk.readUIntBE(1, 3)), dict);
        if (m.commandCode === 257) {
          const cea = buildMessage(
            dict,
            'CEA',
            {
              'Result-Code': 2001,
              'Origin-Host': 'peer.test',
              'Origin-Realm': 'test',
              'Host-IP-Address': '127.0.0.1',
              'Vendor-Id': 0,
              'Product-Name': 'script',
              'Auth-Application-Id': 4,
            },
            { request: false, hopByHopId: m.hopByHopId, endToEndId: m.endToEndId },
          );
          s.write(encodeMessage(cea));
        }
      });
    });
    await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise<void>((r) => peer.close(() => r())));
    const c = client((peer.address() as net.AddressInfo).port);
    await c.connect();
    const failures: FailureEvent[] = [];
    c.on('failure', (e) => failures.push(e));
    const inFlight = Array.from({ length: 5 }, (_, i) =>
      c.request(ccr(i), { timeout: 5000 }).catch((e: unknown) => e),
    );
    await new Promise((r) => setTimeout(r, 20));
    const killedAt = Date.now();
    sockets[0].destroy();
    const results = await Promise.all(inFlight);
    expect(Date.now() - killedAt).toBeLessThan(500);
    for (const r of results) {
      expect(r).toBeInstanceOf(ConnectionClosedError);
      expect((r as ConnectionClosedError).retryable).toBe(true);
    }
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      kind: 'remote-close',
      state: 'OPEN',
      inFlight: 5,
      willReconnect: true,
    });
    // It dials again by itself and opens; after a failure the watchdog must see 3 DWAs before OKAY: the
    // scripted peer never answers DWR, so it stays REOPEN (not usable).
    await new Promise<void>((resolve) => c.once('open', () => resolve()));
    expect(c.stats.reconnects).toBe(1);
    expect(c.watchdogState).toBe('REOPEN');
    expect(c.isUsable).toBe(false);
  });

  it('after a reconnect, REOPEN needs three DWAs before OKAY (RFC 3539)', async () => {
    const { server, port } = await startServer();
    const c = client(port);
    await c.connect();
    const changes: string[] = [];
    c.on('watchdog', (e: WatchdogChangeEvent) => changes.push(`${e.from}->${e.to}`));
    for (const p of server.connections) p.destroy('test kill');
    await new Promise<void>((resolve) => c.on('watchdog', (e) => e.to === 'OKAY' && resolve()));
    expect(changes).toEqual(['OKAY->DOWN', 'DOWN->REOPEN', 'REOPEN->OKAY']);
  });

  it('times a request out with ERR_TIMEOUT naming the limit, from the one shared timer', async () => {
    const { port } = await startServer({ requestHandler: { handleRequest: () => undefined } });
    const c = client(port);
    await c.connect();
    const started = Date.now();
    const error = (await c.request(ccr(1), { timeout: 150 }).catch((e: unknown) => e)) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.code).toBe('ERR_TIMEOUT');
    expect(error.timeoutMs).toBe(150);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(c.stats.timeouts).toBe(1);
  });

  it('aborts a request with an AbortSignal', async () => {
    const { port } = await startServer({ requestHandler: { handleRequest: () => undefined } });
    const c = client(port);
    await c.connect();
    const error = await c.request(ccr(1), { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('ERR_ABORTED');
    expect(c.pendingCount).toBe(0);
  });

  it('answers server-initiated requests with 3001 when no handler is registered, never silence', async () => {
    const { server, port } = await startServer();
    const c = client(port);
    await c.connect();
    const [responder] = server.connections;
    const rar = buildMessage(dict, 'RAR', {
      'Session-Id': 's;1',
      'Origin-Host': 'server.test',
      'Origin-Realm': 'test',
      'Destination-Realm': 'test',
      'Destination-Host': 'client.test',
      'Auth-Application-Id': 4,
      'Re-Auth-Request-Type': 'AUTHORIZE_ONLY',
    });
    const answer = await responder.request(rar);
    expect(answer.get('Result-Code')).toBe(3001);
    expect(answer.isError).toBe(true);
    c.requestHandler = messageHandler(() => ({ resultCode: 2001 }));
    expect((await responder.request(rar)).get('Result-Code')).toBe(2001);
  });

  it('closes gracefully with DPR/DPA, letting a request in flight finish', async () => {
    let release: (() => void) | undefined;
    const { server, port } = await startServer({
      requestHandler: messageHandler(
        () => new Promise((resolve) => (release = () => resolve({ resultCode: 2001 }))),
      ),
    });
    const c = client(port);
    await c.connect();
    const answer = c.request(ccr(1));
    await new Promise((r) => setTimeout(r, 30));
    const closing = c.close({ drainTimeout: 2000 });
    expect(c.currentState).toBe('CLOSING');
    release!();
    expect((await answer).get('Result-Code')).toBe(2001);
    await closing;
    expect(c.currentState).toBe('CLOSED');
    await new Promise((r) => setTimeout(r, 50));
    expect(server.connections.size).toBe(0);
  });

  it('does not reconnect after the peer says DO_NOT_WANT_TO_TALK_TO_YOU, but does after REBOOTING', async () => {
    const { server, port } = await startServer();
    const c = client(port);
    await c.connect();
    const failure = new Promise<FailureEvent>((r) => c.once('failure', r));
    await [...server.connections][0].close({ cause: 'REBOOTING' });
    expect((await failure).kind).toBe('disconnect-requested');
    await new Promise<void>((r) => c.once('open', () => r()));
    const closed = new Promise<void>((r) => c.once('closed', () => r()));
    await [...server.connections][0].close({ cause: 'DO_NOT_WANT_TO_TALK_TO_YOU' });
    await closed;
    expect(c.currentState).toBe('CLOSED');
  });

  it('keeps every byte of every request while the peer does not read, and answers all once it does', async () => {
    // Many requests per tick are joined into one write: in a reused buffer while the socket has nothing queued,
    // in a fresh one otherwise. A frozen peer makes the queue grow, so both paths run; a reused buffer
    // overwritten while still queued would corrupt requests and show here as wrong answers or a framing error.
    const p = await startPeerProcess();
    cleanups.push(() => p.kill('SIGKILL'));
    const c = client(p.port, { requestTimeout: 30_000, watchdogInterval: 30_000 });
    await c.connect();
    process.kill(p.pids[0], 'SIGSTOP');
    cleanups.push(() => {
      try {
        process.kill(p.pids[0], 'SIGCONT');
      } catch {
        /* gone */
      }
    });
    const answers: Promise<number | undefined>[] = [];
    let queuedFlushes = 0;
    for (let n = 0; queuedFlushes < 20 && n < 200_000;) {
      for (let i = 0; i < 100; i++, n++)
        answers.push(c.request(ccr(n)).then((a) => a.get<number>('CC-Request-Number')));
      await new Promise((r) => setImmediate(r));
      if (c.bufferedBytes > 0) queuedFlushes++;
    }
    expect(queuedFlushes).toBe(20);
    process.kill(p.pids[0], 'SIGCONT');
    const numbers = await Promise.all(answers);
    expect(numbers.every((v, n) => v === n)).toBe(true);
  }, 60_000);

  it('refuses connections over the limit', async () => {
    const { server, port } = await startServer({ maxConnections: 1 });
    await client(port).connect();
    const refused = new Promise((r) => server.once('refused', r));
    const second = client(port, { reconnect: false });
    await expect(second.connect()).rejects.toBeInstanceOf(Error);
    await refused;
    expect(server.refusedCount).toBe(1);
  });
});
