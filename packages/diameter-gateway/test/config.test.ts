import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, GatewayDefaults, loadConfig, parseDraFlag } from '../src/config.js';
import { run } from './support/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'gw-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function error(argv: string[], env: NodeJS.ProcessEnv = {}): ConfigError {
  try {
    loadConfig(argv, env);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('gateway configuration', () => {
  it("has the seed's defaults, with its two DRAs when none is given", () => {
    const { config } = loadConfig([], {});
    expect(config.listen).toBe('0.0.0.0:3868');
    expect(config.originHost).toBe('diameter-gw.example.com');
    expect(config.sessionTimeout).toBe(30_000);
    expect(config.statsInterval).toBe(60_000);
    expect(config.maxConnections).toBe(1000);
    expect(config.connsPerDra).toBe(1);
    expect(config.dras).toEqual([
      { name: 'DRA-1', host: '127.0.0.1', port: 3869, priority: 1, weight: 100, tls: false },
      { name: 'DRA-2', host: '127.0.0.1', port: 3870, priority: 2, weight: 100, tls: false },
    ]);
    expect(GatewayDefaults.product).toBe('Diameter-Gateway');
  });

  it('takes the seed flags with one dash, and --dra for any number of DRAs', () => {
    const { config } = loadConfig(
      [
        '-listen',
        '127.0.0.1:4000',
        '-session-timeout',
        '2s',
        '--dra',
        'a=10.0.0.1:3868,priority=1,weight=3',
        '--dra',
        'b=[::1]:3869,priority=2',
      ],
      {},
    );
    expect(config.listen).toBe('127.0.0.1:4000');
    expect(config.sessionTimeout).toBe(2000);
    expect(config.dras.map((d) => [d.name, d.host, d.port, d.priority, d.weight])).toEqual([
      ['a', '10.0.0.1', 3868, 1, 3],
      ['b', '::1', 3869, 2, 100],
    ]);
  });

  it('reads a YAML file and the environment; flags win over both', () => {
    const file = join(dir, 'gateway.yaml');
    writeFileSync(
      file,
      'origin-host: file.example\nsession-timeout: 5s\ndras:\n  - { name: x, host: 10.1.1.1, port: 3868, priority: 1 }\n',
    );
    const { config } = loadConfig(['--config', file, '--session-timeout', '7s'], {
      DIAMETER_GW_ORIGIN_REALM: 'env.example',
      DIAMETER_GW_ORIGIN_HOST: 'env-host',
    });
    expect(config.originHost).toBe('env-host');
    expect(config.originRealm).toBe('env.example');
    expect(config.sessionTimeout).toBe(7000);
    expect(config.dras[0]).toMatchObject({ name: 'x', host: '10.1.1.1' });
    const fromEnv = loadConfig([], {
      DIAMETER_GW_DRAS: 'p=1.2.3.4:1,priority=1;q=1.2.3.5:2,priority=2',
    }).config;
    expect(fromEnv.dras.map((d) => d.name)).toEqual(['p', 'q']);
  });

  it('names the field of every bad value', () => {
    expect(error(['--session-timeout', 'soon']).message).toMatch(/sessionTimeout.*"soon" is not a duration/);
    for (const flag of [
      '--session-timeout',
      '--watchdog-interval',
      '--watchdog-timeout',
      '--reconnect-interval',
    ])
      expect(error([flag, '0s']).message).toMatch(/must be above 0/);
    expect(loadConfig(['--stats-interval', '0s'], {}).config.statsInterval).toBe(0); // 0 = no periodic log
    expect(error(['--dra', 'nohostport']).field).toBe('dra');
    expect(error(['--dra', 'a=h:1,prio=2']).message).toMatch(
      /only priority=N, weight=N, tls\[=true\|false\] and servername=NAME/,
    );
    expect(error(['--listen', 'nowhere']).field).toBe('listen');
    expect(error(['--listen', '127.0.0.1:99999']).message).toMatch(/listen: port must be 0-65535/);
    expect(error(['--metrics-listen', '127.0.0.1:70000']).field).toBe('metricsListen');
    expect(error(['--conns-per-dra', '0']).field).toBe('connsPerDra');
    expect(error(['--origin-host', 'has space']).field).toBe('originHost');
    expect(error(['--log', 'loud']).field).toBe('log');
    expect(error(['--no-such-flag']).field).toBe('flags');
    expect(error(['--config', join(dir, 'missing.yaml')]).field).toBe('config');
    expect(error(['--dra', 'a=h:1', '--dra', 'a=h:2']).message).toMatch(/two DRAs are named a/);
    expect(parseDraFlag('a=h:1').priority).toBe(1);
  });

  it('holds failback for two watchdog intervals, at most 5 s, unless told', () => {
    expect(loadConfig([], {}).config.failbackHoldDown).toBe(5000);
    expect(loadConfig(['--watchdog-interval', '1s'], {}).config.failbackHoldDown).toBe(2000);
    expect(
      loadConfig(['--watchdog-interval', '1s', '--failback-hold-down', '0s'], {}).config.failbackHoldDown,
    ).toBe(0);
  });

  it('warns (does not refuse) a watchdog interval below 6 s', () => {
    const { warnings } = loadConfig(['--watchdog-interval', '1s'], {});
    expect(warnings[0]).toMatch(/below RFC 3539's minimum of 6 s/);
  });

  it('the CLI exits 2 with the field named', async () => {
    const p = run('diameter-gateway', ['--dra', 'broken']);
    expect(await p.exited).toBe(2);
    expect(p.output()).toMatch(/invalid configuration: dra/);
  });
});
