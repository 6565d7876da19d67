import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeMessage } from '../src/codec/decoder.js';
import { encodeMessage } from '../src/codec/encoder.js';
import { Framer } from '../src/codec/framer.js';
import type { Message } from '../src/codec/message.js';
import { defaultDictionary } from '../src/dictionary/default-dictionary.js';
import { buildMessage } from '../src/dictionary/message-builder.js';
import { HandshakeError } from '../src/errors.js';
import { messageHandler } from '../src/peer/message-handler.js';
import { PeerConnection } from '../src/peer/peer-connection.js';
import { parsePeerConfig } from '../src/peer/peer-options.js';
import { DiameterServer, type DiameterServerOptions } from '../src/server/diameter-server.js';

const dict = defaultDictionary();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(
  options: Partial<DiameterServerOptions> = {},
): Promise<{ server: DiameterServer; port: number }> {
  const server = new DiameterServer({
    originHost: 'server.test',
    originRealm: 'test',
    authApplicationIds: [4],
    cerTimeout: 300,
    requestHandler: messageHandler(() => ({ resultCode: 2001 })),
    ...options,
  });
  const { port } = await server.listen(0, '127.0.0.1');
  cleanups.push(() => server.close({ drainTimeout: 20 }));
  return { server, port };
}

/** A raw socket that has done the CER exchange, reading whole messages. */
async function rawPeer(
  port: number,
): Promise<{ socket: net.Socket; next: () => Promise<Message>; closed: Promise<void> }> {
  const socket = net.connect(port, '127.0.0.1');
  cleanups.push(() => void socket.destroy());
  const queue: Buffer[] = [];
  const waiting: ((m: Buffer) => void)[] = [];
  const framer = new Framer((m) => (waiting.length > 0 ? waiting.shift()!(m) : queue.push(Buffer.from(m))));
  socket.on('data', (c) => framer.push(c));
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  socket.on('error', () => undefined);
  const next = () =>
    new Promise<Message>((resolve) => {
      const take = (m: Buffer) => resolve(decodeMessage(m, dict));
      if (queue.length > 0) take(queue.shift()!);
      else waiting.push(take);
    });
  await new Promise<void>((r) => socket.once('connect', () => r()));
  socket.write(
    encodeMessage(
      buildMessage(
        dict,
        'CER',
        {
          'Origin-Host': 'raw.test',
          'Origin-Realm': 'test',
          'Host-IP-Address': '127.0.0.1',
          'Vendor-Id': 0,
          'Product-Name': 'raw',
          'Auth-Application-Id': 4,
        },
        { hopByHopId: 1, endToEndId: 1 },
      ),
    ),
  );
  const cea = await next();
  expect(cea.get('Result-Code')).toBe(2001);
  return { socket, next, closed };
}

const ccr = (extra: Record<string, unknown> = {}) =>
  buildMessage(
    dict,
    'CCR',
    {
      'Session-Id': 'raw.test;1',
      'Origin-Host': 'raw.test',
      'Origin-Realm': 'test',
      'Destination-Realm': 'test',
      'Auth-Application-Id': 4,
      'Service-Context-Id': 'x@test',
      'CC-Request-Type': 'EVENT_REQUEST',
      'CC-Request-Number': 1,
      ...extra,
    } as never,
    { hopByHopId: 77, endToEndId: 88 },
  );

describe('DiameterServer', () => {
  it('answers malformed requests with their RFC 6733 error, keeping the ids, and keeps serving', async () => {
    const { port } = await start();
    const peer = await rawPeer(port);
    const bad = encodeMessage(ccr());
    bad.writeUIntBE(0xffff, bad.length - 12 + 5, 3); // the last AVP (CC-Request-Number) overruns the message
    peer.socket.write(bad);
    const answer = await peer.next();
    expect(answer.get('Result-Code')).toBe(5014);
    expect(answer.hopByHopId).toBe(77);
    expect(answer.endToEndId).toBe(88);
    expect(answer.get('Session-Id')).toBe('raw.test;1');
    // RFC 6733 §7.1.5: the offending AVP's header with a zero-filled payload of its minimum length.
    const failed = answer.get<{ code: number; value: unknown }[]>('Failed-AVP')!;
    expect(failed[0].code).toBe(415);
    expect(failed[0].value).toBe(0);

    const unknownCommand = encodeMessage(ccr());
    unknownCommand.writeUIntBE(999, 5, 3);
    peer.socket.write(unknownCommand);
    const a2 = await peer.next();
    expect(a2.get('Result-Code')).toBe(3001);
    expect(a2.isError).toBe(true);

    const missing = ccr();
    missing.avps = missing.avps.filter((a) => a.code !== 416);
    peer.socket.write(encodeMessage(missing));
    expect((await peer.next()).get('Result-Code')).toBe(5005);

    peer.socket.write(encodeMessage(ccr()));
    expect((await peer.next()).get('Result-Code')).toBe(2001);
  });

  it('closes a connection whose framing is lost', async () => {
    const { server, port } = await start();
    const peer = await rawPeer(port);
    peer.socket.write(Buffer.from([1, 0, 0, 22, 0, 0, 0, 0])); // length not a multiple of 4
    await peer.closed;
    await new Promise((r) => setTimeout(r, 20));
    expect(server.connections.size).toBe(0);
  });

  it('closes a peer that never sends its CER (read timeout)', async () => {
    const { server, port } = await start();
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    const started = Date.now();
    await new Promise<void>((r) => socket.once('close', () => r()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(server.connections.size).toBe(0);
  });

  it('survives 10k bad connections without leaking connections, handles or memory', async () => {
    const { server, port } = await start({ cerTimeout: 200 });
    const garbage = [
      Buffer.from('GET / HTTP/1.1\r\n\r\n'),
      Buffer.from([1, 0xff, 0xff, 0xfc]),
      Buffer.from([1, 0, 0, 20, 0x80, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]), // a CER with no AVPs
      Buffer.alloc(0), // connect and hang up
    ];
    const handlesBefore = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles()
      .length;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const total = 10_000;
    let done = 0;
    const one = (i: number) =>
      new Promise<void>((resolve) => {
        const s = net.connect(port, '127.0.0.1', () => {
          const g = garbage[i % garbage.length];
          if (g.length > 0) s.write(g);
          else s.end();
        });
        s.on('data', () => undefined);
        s.on('error', () => undefined);
        s.on('close', () => {
          done++;
          resolve();
        });
        setTimeout(() => s.destroy(), 1000).unref();
      });
    for (let i = 0; i < total; i += 100) await Promise.all(Array.from({ length: 100 }, (_, k) => one(i + k)));
    expect(done).toBe(total);
    await new Promise((r) => setTimeout(r, 300));
    expect(server.connections.size).toBe(0);
    const handlesAfter = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles()
      .length;
    expect(handlesAfter).toBeLessThanOrEqual(handlesBefore + 2);
    global.gc?.();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    // And it still serves a good peer.
    const peer = await rawPeer(port);
    peer.socket.write(encodeMessage(ccr()));
    expect((await peer.next()).get('Result-Code')).toBe(2001);
  }, 60_000);

  describe('election (RFC 6733 §5.6.4) when a peer we are dialing dials us', () => {
    async function race(localHost: string): Promise<{ incoming: unknown; initiatorState: string }> {
      // Our initiator towards 'b.test' hangs in CER_SENT: the peer it dials never answers.
      const silent = net.createServer((s) => {
        s.resume();
        s.on('error', () => undefined);
      });
      await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
      cleanups.push(() => new Promise<void>((r) => silent.close(() => r())));
      const initiator = new PeerConnection({
        config: parsePeerConfig({
          originHost: localHost,
          originRealm: 'test',
          authApplicationIds: [4],
          cerTimeout: 5000,
        }),
        host: '127.0.0.1',
        port: (silent.address() as net.AddressInfo).port,
        peerHost: 'b.test',
      });
      cleanups.push(() => initiator.destroy());
      void initiator.connect().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      expect(initiator.currentState).toBe('CER_SENT');
      const { port } = await start({ originHost: localHost, initiators: () => [initiator] });
      const incoming = new PeerConnection({
        config: parsePeerConfig({
          originHost: 'b.test',
          originRealm: 'test',
          authApplicationIds: [4],
          reconnect: false,
        }),
        host: '127.0.0.1',
        port,
      });
      cleanups.push(() => incoming.destroy());
      const result = await incoming.connect().then(
        () => 'open',
        (e: unknown) => e,
      );
      return { incoming: result, initiatorState: initiator.currentState };
    }

    it('the higher Origin-Host keeps its initiator connection: we win, theirs gets 4003', async () => {
      const { incoming, initiatorState } = await race('z.test');
      expect(incoming).toBeInstanceOf(HandshakeError);
      expect((incoming as HandshakeError).resultCode).toBe(4003);
      expect(initiatorState).toBe('CER_SENT');
    });

    it('we lose: our initiator is dropped and theirs is accepted', async () => {
      const { incoming, initiatorState } = await race('a.test');
      expect(incoming).toBe('open');
      expect(initiatorState).toBe('CLOSED');
    });
  });
});
