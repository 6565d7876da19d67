import { spawn, type ChildProcess } from 'node:child_process';
import * as net from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  buildMessage,
  decodeMessage,
  defaultDictionary,
  encodeMessage,
  parsePeerConfig,
  PeerConnection,
  RELAY_APPLICATION_ID,
  TimeoutError,
  validateMessage,
  type PeerConfigInput,
} from '@diam/diameter';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach, inProcessSim, requireBuilt, ROOT } from './support/tool-tests.js';
import type { DraSimOptions } from '../src/tools/dra-sim.js';
import { freePort } from '../../diameter/test/support/freediameter.js';
import { RawAnswerer } from '../src/tools/raw-answer.js';

const dict = defaultDictionary();
const SIM_BIN = fileURLToPath(new URL('../bin/diameter-dra-sim.js', import.meta.url));
const cleanups = cleanupsAfterEach();
requireBuilt('dist/src/tools/dra-sim-cli.js');
const sim = (options: Partial<DraSimOptions> = {}) => inProcessSim(cleanups, options);

async function client(
  port: number,
  options: Partial<PeerConfigInput> = {},
  init = {},
): Promise<PeerConnection> {
  const c = new PeerConnection({
    config: parsePeerConfig({
      originHost: 'la1.peers.test',
      originRealm: 'peers.test',
      authApplicationIds: [16777238],
      reconnect: false,
      requestTimeout: 2000,
      ...options,
    }),
    host: '127.0.0.1',
    port,
    ...init,
  });
  cleanups.push(() => c.destroy());
  await c.connect();
  return c;
}

function gxCcr(n: number) {
  return buildMessage(
    dict,
    'CCR',
    {
      'Session-Id': `la1.peers.test;1;${n}`,
      'Auth-Application-Id': 16777238,
      'Origin-Host': 'la1.peers.test',
      'Origin-Realm': 'peers.test',
      'Destination-Realm': 'peers.test',
      'CC-Request-Type': 'INITIAL_REQUEST',
      'CC-Request-Number': 0,
    },
    { applicationId: 16777238, hopByHopId: 0, endToEndId: 0x1234_0000 + n },
  );
}

/** Spawns the built CLI; resolves once it printed its start line. */
function spawnSim(args: string[]): Promise<{ child: ChildProcess; line: string; stderr: () => string }> {
  const child = spawn(process.execPath, [SIM_BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve({ child, line: out.slice(0, nl), stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`sim exited ${code} before starting: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('DRA simulator (in process)', () => {
  it('answers a Gx CCR with 2001, the Session-Id, the ids of the request and its own identity', async () => {
    const s = await sim();
    const c = await client(s.port);
    expect(c.capabilities!.originHost).toBe('sim.peers.test');
    expect(c.capabilities!.isRelay).toBe(true);
    const request = gxCcr(1);
    const answer = await c.request(request);
    expect(answer.isRequest).toBe(false);
    expect(answer.isError).toBe(false);
    expect(answer.commandCode).toBe(272);
    expect(answer.applicationId).toBe(16777238);
    expect(answer.endToEndId).toBe(0x1234_0001);
    expect(answer.avps[0].code).toBe(263);
    expect(answer.get('Session-Id')).toBe('la1.peers.test;1;1');
    expect(answer.get('Result-Code')).toBe(2001);
    expect(answer.get('Origin-Host')).toBe('sim.peers.test');
    expect(answer.get('Origin-Realm')).toBe('peers.test');
    expect(answer.get('Auth-Application-Id')).toBe(16777238);
    expect(answer.get('CC-Request-Type')).toBe(1);
    expect(answer.get('CC-Request-Number')).toBe(0);
    expect(validateMessage(answer, dict)).toBeUndefined();
    expect(s.stats.requests).toBe(1);
    expect(s.stats.answered).toBe(1);
  });

  it('accepts a CER that offers only the Relay application, and many requests in flight', async () => {
    const s = await sim();
    const c = await client(s.port, { authApplicationIds: [RELAY_APPLICATION_ID] });
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => c.request(gxCcr(i))));
    answers.forEach((a, i) => expect(a.get('Session-Id')).toBe(`la1.peers.test;1;${i}`));
    expect(s.stats.answered).toBe(200);
  });

  it('--result-code and --failure-rate: the configured codes, E bit on 3xxx', async () => {
    const s1 = await sim({ resultCode: 5012 });
    const a1 = await (await client(s1.port)).request(gxCcr(1));
    expect(a1.get('Result-Code')).toBe(5012);
    expect(a1.isError).toBe(false);

    const s2 = await sim({ failureRate: 1 });
    const a2 = await (await client(s2.port)).request(gxCcr(2));
    expect(a2.get('Result-Code')).toBe(3002);
    expect(a2.isError).toBe(true);
    expect(a2.get('Session-Id')).toBe('la1.peers.test;1;2');
    expect(s2.stats.failed).toBe(1);

    let i = 0;
    const s3 = await sim({ failureRate: 0.5, failureCode: 4010, random: () => [0.9, 0.1][i++ % 2] });
    const c3 = await client(s3.port);
    const codes = [];
    for (let n = 0; n < 4; n++) codes.push((await c3.request(gxCcr(n))).get('Result-Code'));
    expect(codes).toEqual([2001, 4010, 2001, 4010]);
  });

  it('--drop-rate 1 never answers; --delay holds answers back on one timer queue', async () => {
    const s1 = await sim({ dropRate: 1 });
    const c1 = await client(s1.port);
    await expect(c1.request(gxCcr(1), { timeout: 200 })).rejects.toBeInstanceOf(TimeoutError);
    expect(s1.stats.dropped).toBe(1);

    const s2 = await sim({ delayMs: 60 });
    const c2 = await client(s2.port);
    const t0 = performance.now();
    const answers = await Promise.all([c2.request(gxCcr(1)), c2.request(gxCcr(2)), c2.request(gxCcr(3))]);
    const took = performance.now() - t0;
    expect(answers.map((a) => a.get('Result-Code'))).toEqual([2001, 2001, 2001]);
    expect(took).toBeGreaterThanOrEqual(55);
    expect(took).toBeLessThan(1000);
  });

  it('--originate gx-rar sends RARs with Destination-Host = the peer, and counts the answers', async () => {
    const received: string[] = [];
    const answerer = new RawAnswerer('la1.peers.test', 'peers.test');
    const s = await sim({ originate: { kind: 'gx-rar', rate: 50 } });
    await client(
      s.port,
      {},
      {
        requestHandler: {
          handleRequest(request: Buffer, connection: PeerConnection) {
            const rar = decodeMessage(request, dict);
            received.push(`${rar.commandCode} ${rar.applicationId} ${rar.get('Destination-Host')}`);
            connection.send(answerer.answer(request, 2001));
          },
        },
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(received.length).toBeGreaterThan(3);
    expect(received[0]).toBe('258 16777238 la1.peers.test');
    expect(s.stats.originatedAnswered).toBeGreaterThan(3);
    expect(s.stats.originatedResultCodes['2001']).toBe(s.stats.originatedAnswered);
  });

  it('builds answers from raw bytes that decode and validate (Gy with MSCC, S6a ULR)', () => {
    const answerer = new RawAnswerer('sim.peers.test', 'peers.test');
    const ulr = buildMessage(
      dict,
      'ULR',
      {
        'Session-Id': 'mme;1;2',
        'Auth-Session-State': 'NO_STATE_MAINTAINED',
        'Origin-Host': 'mme.peers.test',
        'Origin-Realm': 'peers.test',
        'Destination-Realm': 'peers.test',
        'User-Name': '262011234567890',
        'RAT-Type': 'EUTRAN',
        'ULR-Flags': 34,
        'Visited-PLMN-Id': Buffer.from([0x62, 0xf2, 0x10]),
        'Proxy-Info': { 'Proxy-Host': 'p.peers.test', 'Proxy-State': Buffer.from('x') },
      },
      { hopByHopId: 7, endToEndId: 8 },
    );
    const ula = decodeMessage(answerer.answer(encodeMessage(ulr), 2001), dict);
    expect(ula.commandCode).toBe(316);
    expect([ula.hopByHopId, ula.endToEndId]).toEqual([7, 8]);
    expect(ula.get('Auth-Session-State')).toBe(1);
    expect(ula.getAll('Proxy-Info')).toHaveLength(1);
    expect(validateMessage(ula, dict)).toBeUndefined();
    const e = decodeMessage(answerer.answer(encodeMessage(ulr), 3002), dict);
    expect(e.isError).toBe(true);
    expect(e.get('Error-Message')).toBe('simulated delivery failure');
  });
});

describe('diameter-dra-sim CLI', () => {
  it('runs the PEERS.md command line, answers 2001, and exits 0 on SIGTERM after DPR', async () => {
    const port = await freePort();
    const { child, line } = await spawnSim([
      '--listen',
      `127.0.0.1:${port}`,
      '--origin-host',
      'sim.peers.test',
      '--origin-realm',
      'peers.test',
    ]);
    expect(line).toBe(`diameter-dra-sim listening on 127.0.0.1:${port} as sim.peers.test`);
    const c = await client(port, { authApplicationIds: [RELAY_APPLICATION_ID] });
    const answer = await c.request(gxCcr(42));
    expect(answer.get('Result-Code')).toBe(2001);
    expect(answer.get('Session-Id')).toBe('la1.peers.test;1;42');
    const closed = new Promise<string>((resolve) => c.once('closed', (e) => resolve(e.cause)));
    const failures: string[] = [];
    c.on('failure', (e) => failures.push(e.kind));
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    await closed;
    expect(failures).toEqual(['disconnect-requested']);
  });

  it('exits 0 on SIGINT too, and applies --failure-rate / --result-code / --delay', async () => {
    const { child, line } = await spawnSim([
      '--listen',
      '127.0.0.1:0',
      '--origin-host',
      'sim.peers.test',
      '--origin-realm',
      'peers.test',
      '--failure-rate',
      '1',
      '--failure-code',
      '3004',
      '--delay',
      '20ms',
      '--log',
      'warn',
    ]);
    const port = Number(/:(\d+) as/.exec(line)![1]);
    const answer = await (await client(port)).request(gxCcr(1));
    expect(answer.get('Result-Code')).toBe(3004);
    expect(answer.isError).toBe(true);
    child.kill('SIGINT');
    expect(await exited(child)).toBe(0);
  });

  it('a bad flag exits 2 with a message naming it', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; err: string }>((resolve) => {
        const child = spawn(process.execPath, [SIM_BIN, ...args], { cwd: ROOT });
        let err = '';
        child.stderr.on('data', (d: Buffer) => (err += d.toString()));
        child.on('exit', (code) => resolve({ code, err }));
      });
    const base = [
      '--listen',
      '127.0.0.1:0',
      '--origin-host',
      'sim.peers.test',
      '--origin-realm',
      'peers.test',
    ];
    const [unknown, delay, rate, missing] = await Promise.all([
      run([...base, '--frobnicate', '1']),
      run([...base, '--delay', 'soon']),
      run([...base, '--drop-rate', '2']),
      run(['--listen', '127.0.0.1:0']),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--frobnicate');
    expect(delay.code).toBe(2);
    expect(delay.err).toContain('--delay');
    expect(rate.code).toBe(2);
    expect(rate.err).toContain('--drop-rate');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--origin-host');
  });

  it('a port in use exits 1 with one line saying so, not a stack trace', async () => {
    const holder = net.createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const child = spawn(
        process.execPath,
        [
          SIM_BIN,
          '--listen',
          `127.0.0.1:${port}`,
          '--origin-host',
          'sim.peers.test',
          '--origin-realm',
          'p.test',
        ],
        { cwd: ROOT },
      );
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(err.trim()).toBe(
        `diameter-dra-sim: listen EADDRINUSE: address already in use 127.0.0.1:${port} (EADDRINUSE)`,
      );
    } finally {
      holder.close();
    }
  });
});
