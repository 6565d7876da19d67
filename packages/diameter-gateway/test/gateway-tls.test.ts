import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../diameter/test/support/certificate.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { loadTlsMaterial } from '../src/tls-material.js';
import { ccr, Harness } from './support/gateway-harness.js';
import {
  freePort,
  listening,
  ready,
  run,
  runGateway,
  runLoadTool,
  runSim,
  type Proc,
} from './support/processes.js';

/**
 * TLS on both sides of the gateway (RFC 6733 §13, TLS from the first byte): a Logic App over TLS, a DRA — the real
 * `diameter-dra-sim` process — over TLS, certificates verified each way; and the configuration mistakes that must
 * stop the start with the field named.
 */
const dir = mkdtempSync(join(tmpdir(), 'gw-tls-'));
mkdirSync(join(dir, 'other'));
// One certificate for 127.0.0.1 serves as the gateway's, the simulator's and the Logic App's, and as the CA.
const pki = selfSignedCertificate(dir, 'peers.test', ['DNS:localhost', 'IP:127.0.0.1']);
// A DRA's certificate that names it, not its address.
mkdirSync(join(dir, 'named'));
const named = selfSignedCertificate(join(dir, 'named'), 'dra.peers.test', ['DNS:dra.peers.test']);
// A certificate nobody trusts.
const stranger = selfSignedCertificate(join(dir, 'other'), 'stranger.test', ['IP:127.0.0.1']);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const h = new Harness();
const procs: Proc[] = [];
afterEach(async () => {
  await h.cleanup();
  for (const p of procs.splice(0)) {
    p.signal('SIGKILL');
    await p.exited;
  }
});

async function tlsSim(certificate = pki): Promise<number> {
  const port = await freePort();
  const sim = runSim(port, 'sim', [
    '--tls-cert',
    certificate.cert,
    '--tls-key',
    certificate.key,
    '--log',
    'warn',
  ]);
  procs.push(sim);
  await listening(port);
  return port;
}

describe('gateway over TLS', () => {
  it('relays a Logic App on TLS to a DRA on TLS; a plain TCP client gets nothing and the gateway goes on', async () => {
    const simPort = await tlsSim();
    const { gateway, port } = await h.gateway(
      [`dra1=127.0.0.1:${simPort},priority=1,tls`],
      ['--listen-tls', '--tls-cert', pki.cert, '--tls-key', pki.key, '--tls-ca', pki.cert],
    );
    const app = await h.logicApp(port, 'app1.apps.test', { tls: { ca: readFileSync(pki.cert) } });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => app.request(ccr(`app1;${i}`))));
    expect(answers.map((a) => a.get('Result-Code'))).toEqual(Array(50).fill(2001));
    expect(answers[7]!.get('Session-Id')).toBe('app1;7');
    expect(answers[7]!.get('Origin-Host')).toBe('sim.peers.test');

    // Plain Diameter bytes on the TLS port: the handshake fails, the socket is closed, nothing is answered.
    const plain = net.connect(port, '127.0.0.1');
    const closed = new Promise<Buffer>((resolve) => {
      const got: Buffer[] = [];
      plain.on('data', (d: Buffer) => got.push(d));
      plain.on('close', () => resolve(Buffer.concat(got)));
      plain.on('error', () => undefined);
    });
    plain.write(diameterHeader());
    const reply = await closed;
    // Whatever came back (a TLS alert at most) is not a Diameter message.
    expect(reply.length === 0 || reply[0] !== 1).toBe(true);

    const after = await app.request(ccr('app1;after'));
    expect(after.get('Result-Code')).toBe(2001);
    expect(gateway.snapshot()).toMatchObject({
      logic_app_connections: { tls: true, connected: 1, refused: 1 }, // the plain client: a failed handshake
      dras: [{ name: 'dra1', tls: true, up: true }],
    });
  });

  it('with --tls-verify-clients, admits a Logic App whose certificate the CA signed and refuses one without', async () => {
    const simPort = await tlsSim();
    const { port } = await h.gateway(
      [`dra1=127.0.0.1:${simPort},priority=1,tls`],
      [
        '--listen-tls',
        '--tls-verify-clients',
        '--tls-cert',
        pki.cert,
        '--tls-key',
        pki.key,
        '--tls-ca',
        pki.cert,
      ],
    );
    const trusted = await h.logicApp(port, 'app1.apps.test', {
      tls: { ca: readFileSync(pki.cert), cert: readFileSync(pki.cert), key: readFileSync(pki.key) },
    });
    expect((await trusted.request(ccr('mtls;1'))).get('Result-Code')).toBe(2001);

    await expect(
      h.logicApp(port, 'app2.apps.test', { tls: { ca: readFileSync(pki.cert) }, connectTimeout: 2000 }),
    ).rejects.toThrow();
    await expect(
      h.logicApp(port, 'app3.apps.test', {
        tls: {
          ca: readFileSync(pki.cert),
          cert: readFileSync(stranger.cert),
          key: readFileSync(stranger.key),
        },
        connectTimeout: 2000,
      }),
    ).rejects.toThrow();
    expect((await trusted.request(ccr('mtls;2'))).get('Result-Code')).toBe(2001);
  });

  it('does not dial a DRA whose certificate it cannot verify: the request gets 3002, not silence', async () => {
    const simPort = await tlsSim();
    // Trusting only the stranger's certificate, the simulator's does not verify.
    const { gateway, port } = await h.gateway(
      [`dra1=127.0.0.1:${simPort},priority=1,tls`],
      ['--tls-ca', stranger.cert],
      false,
    );
    const failure = await new Promise<Error>((resolve) =>
      gateway.dras.once('failure', (e) => resolve(e.cause)),
    );
    expect(failure.message).toMatch(/certificate/i);
    const app = await h.logicApp(port, 'app1.apps.test');
    const answer = await app.request(ccr('untrusted;1'));
    expect(answer.get('Result-Code')).toBe(3002);
    expect(gateway.isReady()).toBe(false);
  });
});

function diameterHeader(): Buffer {
  // A Diameter header's first bytes: version 1, a length; a TLS server reads it as a broken ClientHello.
  return Buffer.from([1, 0, 0, 20, 0x80, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1]);
}

describe('a DRA reached by address whose certificate carries its name', () => {
  it('is refused as it is, and trusted with servername=NAME', async () => {
    const simPort = await tlsSim(named);
    const byAddress = await h.gateway(
      [`dra1=127.0.0.1:${simPort},priority=1,tls`],
      ['--tls-ca', named.cert],
      false,
    );
    const failure = await new Promise<Error>((resolve) =>
      byAddress.gateway.dras.once('failure', (e) => resolve(e.cause)),
    );
    expect(failure.message).toMatch(/does not match certificate's altnames/);

    const { port } = await h.gateway(
      [`dra1=127.0.0.1:${simPort},priority=1,tls,servername=dra.peers.test`],
      ['--tls-ca', named.cert],
    );
    const app = await h.logicApp(port, 'app1.apps.test');
    expect((await app.request(ccr('named;1'))).get('Result-Code')).toBe(2001);
  });
});

describe('the executables over TLS, as an operator runs them', () => {
  it('diameter-load --tls-ca → diameter-gateway --listen-tls → diameter-dra-sim --tls-cert: every request 2001', async () => {
    const simPort = await tlsSim();
    const gwPort = await freePort();
    const metricsPort = await freePort();
    const gw = runGateway(
      gwPort,
      [`dra1=127.0.0.1:${simPort},priority=1,tls`],
      [
        '--tls-ca',
        pki.cert,
        '--listen-tls',
        '--tls-cert',
        pki.cert,
        '--tls-key',
        pki.key,
        '--metrics-listen',
        `127.0.0.1:${metricsPort}`,
        '--log',
        'warn',
      ],
    );
    procs.push(gw);
    await ready(metricsPort);
    const load = runLoadTool(gwPort, 'load', [
      '--requests',
      '2000',
      '--window',
      '32',
      '--tls-ca',
      pki.cert,
      '--json',
      '--quiet',
    ]);
    procs.push(load);
    const code = await load.exited;
    const result = JSON.parse(load.output().trim().split('\n').pop()!) as Record<string, unknown>;
    expect({ code, codes: result.result_codes, unanswered: result.unanswered }).toEqual({
      code: 0,
      codes: { '2001': 2000 },
      unanswered: 0,
    });

    // Without the CA, the load tool does not trust the gateway: it says so and exits non-zero.
    const untrusting = runLoadTool(gwPort, 'load2', [
      '--requests',
      '10',
      '--tls',
      '--timeout',
      '1s',
      '--quiet',
    ]);
    procs.push(untrusting);
    expect(await untrusting.exited).not.toBe(0);
    expect(untrusting.output()).toMatch(/certificate/i);
  });
});

describe('certificate rotation (reloadTls, SIGHUP)', () => {
  const rotated = (name: string) => {
    const d = join(dir, name);
    mkdirSync(d, { recursive: true });
    return { cert: join(d, 'cert.pem'), key: join(d, 'key.pem'), ca: join(d, 'ca.pem') };
  };
  const install = (to: string, from: string) => writeFileSync(to, readFileSync(from));

  it('new Logic App handshakes get the new certificate, open connections carry on, a bad file changes nothing', async () => {
    const files = rotated('inbound');
    install(files.cert, pki.cert);
    install(files.key, pki.key);
    const simPort = await tlsSim();
    const { gateway, port } = await h.gateway(
      [`dra1=127.0.0.1:${simPort},priority=1,tls`],
      ['--listen-tls', '--tls-cert', files.cert, '--tls-key', files.key, '--tls-ca', pki.cert],
    );
    const before = await h.logicApp(port, 'app1.apps.test', { tls: { ca: readFileSync(pki.cert) } });

    install(files.cert, stranger.cert);
    install(files.key, stranger.key);
    expect(gateway.reloadTls()).toBe(true);
    const after = await h.logicApp(port, 'app2.apps.test', { tls: { ca: readFileSync(stranger.cert) } });
    expect((await after.request(ccr('rotated;1'))).get('Result-Code')).toBe(2001);
    await expect(
      h.logicApp(port, 'app3.apps.test', { tls: { ca: readFileSync(pki.cert) }, connectTimeout: 2000 }),
    ).rejects.toThrow(/certificate/);
    expect((await before.request(ccr('rotated;2'))).get('Result-Code')).toBe(2001);

    writeFileSync(files.key, 'not a key');
    expect(() => gateway.reloadTls()).toThrow(ConfigError);
    const still = await h.logicApp(port, 'app4.apps.test', { tls: { ca: readFileSync(stranger.cert) } });
    expect((await still.request(ccr('rotated;3'))).get('Result-Code')).toBe(2001);
  });

  it('a DRA whose certificate was not trusted is dialled with the new CAs after a reload', async () => {
    const files = rotated('outbound');
    install(files.ca, stranger.cert);
    const simPort = await tlsSim();
    const { gateway } = await h.gateway(
      [`dra1=127.0.0.1:${simPort},priority=1,tls`],
      ['--tls-ca', files.ca, '--reconnect-interval', '200ms', '--max-reconnect-delay', '300ms'],
      false,
    );
    await new Promise((resolve) => gateway.dras.once('failure', resolve));
    expect(gateway.isReady()).toBe(false);
    install(files.ca, pki.cert);
    gateway.reloadTls();
    const deadline = Date.now() + 5000;
    while (!gateway.isReady() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(gateway.isReady()).toBe(true);
  });

  it('SIGHUP reloads and the gateway goes on; without TLS it says there is nothing to reload', async () => {
    const files = rotated('sighup');
    install(files.cert, pki.cert);
    install(files.key, pki.key);
    const simPort = await tlsSim();
    const withTls = runGateway(
      await freePort(),
      [`dra1=127.0.0.1:${simPort},priority=1,tls`],
      [
        '--tls-ca',
        pki.cert,
        '--listen-tls',
        '--tls-cert',
        files.cert,
        '--tls-key',
        files.key,
        '--metrics-listen',
        'off',
      ],
    );
    const plain = runGateway(await freePort(), ['dra1=127.0.0.1:1,priority=1'], ['--metrics-listen', 'off']);
    procs.push(withTls, plain);
    const said = async (p: Proc, text: string) => {
      const deadline = Date.now() + 5000;
      while (!p.output().includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return p.output().includes(text);
    };
    expect(await said(withTls, 'gateway started')).toBe(true);
    expect(await said(plain, 'gateway started')).toBe(true);
    withTls.signal('SIGHUP');
    plain.signal('SIGHUP');
    expect(await said(withTls, 'SIGHUP: TLS files reloaded')).toBe(true);
    expect(await said(plain, 'SIGHUP: no TLS configured')).toBe(true);
    expect(withTls.child.exitCode).toBeNull();
    expect(plain.child.exitCode).toBeNull();
  });
});

describe('TLS configuration is checked at start-up, naming the field', () => {
  const base = ['--dra', 'dra1=127.0.0.1:3869'];
  const error = (args: string[]): ConfigError => {
    try {
      const { config } = loadConfig([...base, ...args], {});
      loadTlsMaterial(config);
    } catch (e) {
      if (e instanceof ConfigError) return e;
      throw e;
    }
    throw new Error(`accepted: ${args.join(' ')}`);
  };

  it('refuses missing, mismatched and wrong files, and settings that need each other', () => {
    expect(error(['--listen-tls']).field).toBe('tlsCert');
    expect(error(['--tls-cert', pki.cert]).field).toBe('tlsKey');
    expect(error(['--tls-verify-clients', '--tls-cert', pki.cert, '--tls-key', pki.key]).field).toBe(
      'tlsVerifyClients',
    );
    expect(
      error(['--listen-tls', '--tls-verify-clients', '--tls-cert', pki.cert, '--tls-key', pki.key]).field,
    ).toBe('tlsCa');
    const missing = error(['--tls-cert', join(dir, 'nope.pem'), '--tls-key', pki.key]);
    expect(missing.field).toBe('tlsCert');
    expect(missing.message).toContain('nope.pem');
    const mismatch = error(['--tls-cert', pki.cert, '--tls-key', stranger.key]);
    expect(mismatch.field).toBe('tlsKey');
    expect(mismatch.message).toMatch(/mismatch/);
    expect(error(['--tls-ca', pki.key]).field).toBe('tlsCa'); // a key is not a CA bundle
    const garbage = join(dir, 'garbage.pem');
    writeFileSync(garbage, '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n');
    expect(error(['--tls-cert', garbage, '--tls-key', pki.key]).field).toBe('tlsCert');
    expect(() => loadConfig(['--dra', 'dra1=127.0.0.1:3869,tls=maybe'], {})).toThrow(/tls\[=true\|false\]/);
    expect(loadConfig(['--dra', 'dra1=127.0.0.1:3869,tls=false'], {}).config.dras[0]!.tls).toBe(false);
    expect(error(['--dra', 'dra9=127.0.0.1:3869,servername=x.test']).field).toBe('dra dra9');
    expect(
      loadConfig([], {
        DIAMETER_GW_LISTEN_TLS: 'true',
        DIAMETER_GW_TLS_CERT: pki.cert,
        DIAMETER_GW_TLS_KEY: pki.key,
      }).config.listenTls,
    ).toBe(true);
  });

  it('the gateway executable exits 2 with the field in its message', async () => {
    const gw = run('diameter-gateway', [
      '--listen',
      '127.0.0.1:0',
      '--metrics-listen',
      'off',
      ...base,
      '--tls-cert',
      pki.cert,
      '--tls-key',
      stranger.key,
    ]);
    procs.push(gw);
    expect(await gw.exited).toBe(2);
    expect(gw.output()).toMatch(/invalid configuration: tlsKey: .*mismatch/);
  });
});
