/**
 * A freeDiameter 1.2.1 relay for the benchmark (the facts are in /work/shared/PEERS.md): a temporary directory
 * with freeDiameter.conf, acl_wl.conf, rt_default.conf and a self-signed certificate (required even without TLS);
 * a ConnectPeer to the next hop and rt_default routing every request there. The tests' launcher
 * (packages/diameter/test/support/freediameter.ts) is not part of any build, so the benchmark, which runs from
 * dist, has this compiled one with only what it needs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FREEDIAMETERD = '/usr/bin/freeDiameterd';
const EXT = '/usr/lib/freeDiameter';

export function freeDiameterAvailable(): boolean {
  return (
    existsSync(FREEDIAMETERD) &&
    existsSync(join(EXT, 'acl_wl.fdx')) &&
    existsSync(join(EXT, 'rt_default.fdx'))
  );
}

export interface RelayOptions {
  identity: string;
  realm: string;
  port: number;
  secPort: number;
  /** The next hop: its CEA's Origin-Host must be exactly `name`. */
  next: { name: string; host: string; port: number };
  /** Run under `taskset -c cpu` (pinned to one CPU). */
  cpu?: number;
}

export interface FdRelay {
  readonly child: ChildProcess;
  readonly port: number;
  /** The last lines it printed, for failure messages. */
  tail(): string;
  /** Removes the temporary directory (after the process is gone). */
  cleanup(): void;
}

/** Starts the daemon; `track` gets the child at once (to kill it whatever happens next). */
export async function startFreeDiameterRelay(
  o: RelayOptions,
  track: (child: ChildProcess, cleanup: () => void) => void,
): Promise<FdRelay> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fd-'));
  const q = (s: string) => JSON.stringify(s);
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const openssl = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      `/CN=${o.identity}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { encoding: 'utf8', timeout: 20_000 },
  );
  if (openssl.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`openssl failed: ${openssl.stderr}`);
  }
  writeFileSync(join(dir, 'acl_wl.conf'), `ALLOW_IPSEC *.${o.realm}\n`);
  writeFileSync(join(dir, 'rt_default.conf'), `* : ${q(o.next.name)} += 100 ;\n`);
  const conf = [
    `Identity = ${q(o.identity)};`,
    `Realm = ${q(o.realm)};`,
    `Port = ${o.port};`,
    `SecPort = ${o.secPort};`,
    'ListenOn = "127.0.0.1";',
    'No_SCTP;',
    'No_IPv6;',
    `TLS_Cred = ${q(cert)}, ${q(key)};`,
    `TLS_CA = ${q(cert)};`,
    `LoadExtension = ${q(join(EXT, 'acl_wl.fdx'))} : ${q(join(dir, 'acl_wl.conf'))};`,
    // dict_dcca needs dict_nasreq first; dict_dcca_3gpp knows the Gx AVPs.
    `LoadExtension = ${q(join(EXT, 'dict_nasreq.fdx'))};`,
    `LoadExtension = ${q(join(EXT, 'dict_dcca.fdx'))};`,
    `LoadExtension = ${q(join(EXT, 'dict_dcca_3gpp.fdx'))};`,
    `LoadExtension = ${q(join(EXT, 'rt_default.fdx'))} : ${q(join(dir, 'rt_default.conf'))};`,
    `ConnectPeer = ${q(o.next.name)} { ConnectTo = ${q(o.next.host)}; Port = ${o.next.port}; No_TLS; No_SCTP; };`,
  ].join('\n');
  writeFileSync(join(dir, 'freeDiameter.conf'), `${conf}\n`);

  const command = [FREEDIAMETERD, '-c', join(dir, 'freeDiameter.conf')];
  if (o.cpu !== undefined) command.unshift('taskset', '-c', String(o.cpu));
  const child = spawn(command[0]!, command.slice(1), {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 64_000) log = log.slice(-32_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  track(child, cleanup);
  const relay: FdRelay = {
    child,
    port: o.port,
    tail: () => log.split('\n').slice(-30).join('\n'),
    cleanup,
  };
  const deadline = Date.now() + 8000;
  while (!/daemon initialized/.test(log)) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`freeDiameterd exited at start:\n${relay.tail()}`);
    if (Date.now() > deadline) throw new Error(`freeDiameterd did not start within 8 s:\n${relay.tail()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return relay;
}
