import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  decodeMessage,
  defaultDictionary,
  DiameterServer,
  headerView,
  RELAY_APPLICATION_ID,
  validateMessage,
} from '@diam/diameter';
import { describe, expect, it } from 'vitest';
import { cleanupsAfterEach, inProcessSim, requireBuilt, ROOT } from './support/tool-tests.js';
import type { DraSimOptions } from '../src/tools/dra-sim.js';
import { parseDuration, parseFraction, parseHostPort, UsageError } from '../src/tools/cli-util.js';
import { LatencyHistogram } from '../src/latency-histogram.js';
import { answerResultCode, loadFailed, runLoad, type LoadResult } from '../src/tools/load.js';
import { freePort } from '../../diameter/test/support/freediameter.js';
import { RawAnswerer } from '../src/tools/raw-answer.js';
import { buildTemplate, writeCounter, type AppPreset } from '../src/tools/request-templates.js';

const dict = defaultDictionary();
const LOAD_BIN = fileURLToPath(new URL('../bin/diameter-load.js', import.meta.url));
const SIM_BIN = fileURLToPath(new URL('../bin/diameter-dra-sim.js', import.meta.url));
const cleanups = cleanupsAfterEach();
requireBuilt('dist/src/tools/load-cli.js');
const sim = (options: Partial<DraSimOptions> = {}) => inProcessSim(cleanups, options);

function runLoadCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [LOAD_BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function lastJson(stdout: string): LoadResult {
  const lines = stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1]) as LoadResult;
}

function spawnSim(args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, [SIM_BIN, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`sim exited ${code}`)));
  });
}

const identity = ['--origin-host', 'load.peers.test', '--origin-realm', 'peers.test'];

describe('diameter-load CLI', () => {
  it('--requests 2000 --window 16 --json against the simulator CLI: all answered 2001, exit 0', async () => {
    const port = await freePort();
    await spawnSim([
      '--listen',
      `127.0.0.1:${port}`,
      '--origin-host',
      'sim.peers.test',
      '--origin-realm',
      'peers.test',
    ]);
    const { code, stdout } = await runLoadCli([
      '--target',
      `127.0.0.1:${port}`,
      ...identity,
      '--app',
      'gx',
      '--requests',
      '2000',
      '--window',
      '16',
      '--json',
    ]);
    const r = lastJson(stdout);
    expect(r.sent).toBe(2000);
    expect(r.answered).toBe(2000);
    expect(r.result_codes).toEqual({ '2001': 2000 });
    expect(r.unanswered).toBe(0);
    expect(r.timeouts).toBe(0);
    expect(r.req_per_s).toBeGreaterThan(0);
    expect(r.p50_ms).toBeGreaterThan(0);
    expect(r.p99_ms).toBeGreaterThanOrEqual(r.p50_ms);
    expect(r.p999_ms).toBeGreaterThanOrEqual(r.p99_ms);
    expect(code).toBe(0);
  });

  it('--duration 1500ms --window 8 --json: runs for that long, prints progress, then stops by itself', async () => {
    const s = await sim();
    const t0 = Date.now();
    const { code, stdout, stderr } = await runLoadCli([
      '--target',
      `127.0.0.1:${s.port}`,
      ...identity,
      '--app',
      'gx',
      '--duration',
      '1500ms',
      '--window',
      '8',
      '--json',
    ]);
    const took = Date.now() - t0;
    const r = lastJson(stdout);
    expect(code).toBe(0);
    expect(r.answered).toBe(r.sent);
    expect(r.answered).toBeGreaterThan(100);
    expect(r.result_codes['2001']).toBe(r.answered);
    expect(r.elapsed_s).toBeGreaterThan(1.4);
    expect(r.elapsed_s).toBeLessThan(2);
    expect(took).toBeLessThan(8000);
    expect(stderr).toMatch(/sent \d+ answered \d+ in-flight \d+ \d+ req\/s p99/);
    expect(s.stats.answered).toBe(r.answered);
  });

  it('exits non-zero with unanswered > 0 against a simulator with --drop-rate 0.5 and --timeout 500ms', async () => {
    const s = await sim({ dropRate: 0.5 });
    const { code, stdout } = await runLoadCli([
      '--target',
      `127.0.0.1:${s.port}`,
      ...identity,
      '--requests',
      '40',
      '--window',
      '16',
      '--timeout',
      '500ms',
      '--json',
      '--quiet',
    ]);
    const r = lastJson(stdout);
    expect(code).not.toBe(0);
    expect(r.unanswered).toBeGreaterThan(0);
    expect(r.timeouts).toBe(r.unanswered);
    expect(r.answered + r.unanswered).toBe(40);
  });

  it('exits non-zero when the target refuses the connection; 2 on a bad flag', async () => {
    const port = await freePort();
    const refused = await runLoadCli([
      '--target',
      `127.0.0.1:${port}`,
      ...identity,
      '--json',
      '--log',
      'silent',
    ]);
    expect(refused.code).toBe(1);
    expect(lastJson(refused.stdout).connection_failures).toBe(1);
    const bad = await runLoadCli(['--target', `127.0.0.1:${port}`, ...identity, '--window', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--window');
    const app = await runLoadCli(['--target', `127.0.0.1:${port}`, ...identity, '--app', 'sh']);
    expect(app.code).toBe(2);
    expect(app.stderr).toContain('--app');
  });
});

describe('runLoad (in process)', () => {
  it('sends unique Session-Ids and valid requests for every preset, over several connections', async () => {
    for (const app of ['gx', 'gy', 's6a'] as AppPreset[]) {
      const sessions = new Set<string>();
      let problems = 0;
      const answerer = new RawAnswerer('sim.peers.test', 'peers.test');
      const server = new DiameterServer({
        originHost: 'sim.peers.test',
        originRealm: 'peers.test',
        authApplicationIds: [RELAY_APPLICATION_ID],
        requestHandler: {
          handleRequest(request, connection) {
            if (sessions.size === 0 && validateMessage(decodeMessage(request, dict), dict) !== undefined)
              problems++;
            sessions.add(headerView.findAvpString(request, 263)!);
            connection.send(answerer.answer(request, 2001));
          },
        },
      });
      const { port } = await server.listen(0, '127.0.0.1');
      const r = await runLoad({
        host: '127.0.0.1',
        port,
        originHost: 'load.peers.test',
        originRealm: 'peers.test',
        app,
        connections: 3,
        requests: 3000,
        window: 32,
      });
      await server.close({ drainTimeout: 50 });
      expect(problems).toBe(0);
      expect(r.connections_opened).toBe(3);
      expect(r.answered).toBe(3000);
      expect(sessions.size).toBe(3000);
      expect(loadFailed(r)).toBe(false);
    }
  });

  it('--rate paces the requests with one token bucket', async () => {
    const s = await sim();
    const r = await runLoad({
      host: '127.0.0.1',
      port: s.port,
      originHost: 'load.peers.test',
      originRealm: 'peers.test',
      rate: 2000,
      durationMs: 500,
    });
    expect(r.answered).toBe(r.sent);
    expect(r.sent).toBeGreaterThan(800);
    expect(r.sent).toBeLessThan(1200);
  });

  it('counts 3xxx answers by Result-Code, not as unanswered', async () => {
    const s = await sim({ failureRate: 1 });
    const r = await runLoad({
      host: '127.0.0.1',
      port: s.port,
      originHost: 'load.peers.test',
      originRealm: 'peers.test',
      requests: 100,
      window: 10,
    });
    expect(r.result_codes).toEqual({ '3002': 100 });
    expect(r.unanswered).toBe(0);
    expect(loadFailed(r)).toBe(false);
  });

  it('counts requests lost with the connection when the simulator goes away', async () => {
    const s = await sim({ delayMs: 2000 });
    const run = runLoad({
      host: '127.0.0.1',
      port: s.port,
      originHost: 'load.peers.test',
      originRealm: 'peers.test',
      requests: 50,
      window: 10,
      timeoutMs: 3000,
    });
    await new Promise((r) => setTimeout(r, 200));
    for (const c of s.server.connections) c.destroy('test kills it');
    const r = await run;
    expect(r.connection_lost).toBe(10);
    expect(r.unanswered).toBe(10);
    expect(r.connection_failures).toBe(1);
    expect(loadFailed(r)).toBe(true);
  });
});

describe('building blocks', () => {
  it('parses durations, fractions and host:port the way the command lines use them', () => {
    expect(parseDuration('--delay', '500ms')).toBe(500);
    expect(parseDuration('--delay', '2s')).toBe(2000);
    expect(parseDuration('--delay', '1.5s')).toBe(1500);
    expect(parseDuration('--delay', '1m')).toBe(60_000);
    expect(parseDuration('--delay', '250')).toBe(250);
    expect(parseDuration('--duration', '10', 's')).toBe(10_000);
    expect(() => parseDuration('--delay', '5 parsecs')).toThrow(UsageError);
    expect(() => parseDuration('--delay', '-1s')).toThrow(/--delay/);
    expect(parseFraction('--drop-rate', '0.25')).toBe(0.25);
    expect(parseFraction('--drop-rate', '10%')).toBeCloseTo(0.1);
    expect(() => parseFraction('--drop-rate', '1.5')).toThrow(/--drop-rate/);
    expect(parseHostPort('--listen', '127.0.0.1:3868')).toEqual({ host: '127.0.0.1', port: 3868 });
    expect(parseHostPort('--listen', '[::1]:3868')).toEqual({ host: '::1', port: 3868 });
    expect(parseHostPort('--listen', '3868')).toEqual({ host: '127.0.0.1', port: 3868 });
    expect(() => parseHostPort('--target', 'localhost')).toThrow(/--target/);
  });

  it('the histogram gives quantiles within 1 %', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 100_000; i++) h.recordMs(i / 1000); // 1 µs .. 100 ms, uniform
    expect(h.count).toBe(100_000);
    expect(Math.abs(h.quantileMs(0.5) - 50) / 50).toBeLessThan(0.01);
    expect(Math.abs(h.quantileMs(0.99) - 99) / 99).toBeLessThan(0.01);
    expect(Math.abs(h.quantileMs(0.999) - 99.9) / 99.9).toBeLessThan(0.01);
    expect(h.quantileMs(0.0001)).toBeLessThan(0.02);
    expect(h.maxMs).toBe(100);
    h.reset();
    expect(h.quantileMs(0.99)).toBe(0);
  });

  it('templates patch the Session-Id counter in place', () => {
    const t = buildTemplate('gx', {
      originHost: 'load.peers.test',
      originRealm: 'peers.test',
      destinationRealm: 'peers.test',
      runId: 7,
    });
    const buf = Buffer.from(t.bytes);
    writeCounter(buf, t.counterOffset, 123456789);
    const m = decodeMessage(buf, dict);
    expect(m.get('Session-Id')).toBe('load.peers.test;7;000123456789;gx');
    expect(m.applicationId).toBe(16777238);
    expect(validateMessage(m, dict)).toBeUndefined();
  });

  it('reads Experimental-Result-Code when there is no Result-Code', () => {
    const answerer = new RawAnswerer('h', 'r');
    const a = answerer.answer(
      buildTemplate('s6a', { originHost: 'a', originRealm: 'b', destinationRealm: 'b' }).bytes,
      2001,
    );
    expect(answerResultCode(a)).toBe(2001);
    // Result-Code AVP (268) turned into an unknown code: no result at all.
    const o = headerView.findAvp(a, 268);
    a.writeUInt32BE(9999, o);
    expect(answerResultCode(a)).toBe(0);
  });
});
