import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseDuration } from './duration.js';

/**
 * The gateway's configuration: defaults (the seed's flag table) in one object, then a YAML or JSON file
 * (`--config`), then environment variables (DIAMETER_GW_*), then flags — merged and validated once at start-up.
 * A bad value stops the start with a message naming the field.
 */
export const GatewayDefaults = {
  listen: '0.0.0.0:3868',
  originHost: 'diameter-gw.example.com',
  originRealm: 'example.com',
  product: 'Diameter-Gateway',
  vendorId: 10415,
  dra1Host: '127.0.0.1',
  dra1Port: 3869,
  dra2Host: '127.0.0.1',
  dra2Port: 3870,
  maxConnections: 1000,
  connsPerDra: 1,
  sessionTimeout: 30_000,
  log: 'info',
  logRequests: false,
  logResponses: false,
  statsInterval: 60_000,
  watchdogInterval: 30_000,
  watchdogTimeout: 10_000,
  maxWatchdogFailures: 3,
  reconnectInterval: 5_000,
  maxReconnectDelay: 300_000,
  /** Requests in flight through the gateway, in all and per Logic App, before 3004 TOO_BUSY. */
  maxInFlight: 20_000,
  maxInFlightPerApp: 5_000,
  /** Bytes queued toward one Logic App before it counts as not reading (closed). */
  maxWriteBuffer: 8 * 1024 * 1024,
  metricsListen: '127.0.0.1:9090',
  shutdownTimeout: 10_000,
  /** Logic Apps connect with TLS from the first byte (RFC 6733 §13); needs tlsCert and tlsKey. */
  listenTls: false,
  /** Require and verify a client certificate from every Logic App (mutual TLS); needs tlsCa. */
  tlsVerifyClients: false,
} as const;

const duration = () =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const ms = parseDuration(v);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: `"${v}" is not a duration (e.g. 500ms, 2s, 1m)` });
      return z.NEVER;
    }
    return ms;
  });

/** A duration the peer layer divides or waits by: zero would be a busy loop or an instant failure. */
const positiveDuration = () => duration().refine((ms) => ms > 0, 'must be above 0 (e.g. 500ms, 30s)');

const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[^:\s]+):\d{1,5}$/, 'must be host:port')
  .refine((v) => Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535, 'port must be 0-65535');

const draSchema = z.object({
  name: z.string().min(1),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  priority: z.number().int().min(1).default(1),
  weight: z.number().int().min(1).max(1000).default(100),
  /** Dial this DRA with TLS, verifying its certificate (against tlsCa, else the system's CAs). */
  tls: z.boolean().default(false),
  /** The name its certificate must carry (and SNI), when it is not the host dialled (a DRA reached by IP). */
  servername: z.string().min(1).optional(),
});
export type DraConfig = z.infer<typeof draSchema>;

const identity = z.string().regex(/^[^\s]+$/, 'must be a DiameterIdentity (no spaces)');

const schema = z.object({
  listen: hostPort,
  originHost: identity,
  originRealm: identity,
  product: z.string().min(1),
  vendorId: z.number().int().min(0),
  dras: z.array(draSchema).min(1, 'at least one DRA is needed'),
  maxConnections: z.number().int().min(1),
  connsPerDra: z.number().int().min(1).max(64),
  sessionTimeout: positiveDuration(),
  log: z.enum(['debug', 'info', 'warn', 'error', 'silent']),
  logRequests: z.boolean(),
  logResponses: z.boolean(),
  statsInterval: duration(),
  watchdogInterval: positiveDuration(),
  watchdogTimeout: positiveDuration(),
  maxWatchdogFailures: z.number().int().min(1),
  reconnectInterval: positiveDuration(),
  maxReconnectDelay: positiveDuration(),
  /**
   * A better-priority DRA must stay OKAY this long before traffic fails back to it. Default: two watchdog
   * intervals (two more DWAs after the three of REOPEN), at most 5 s.
   */
  failbackHoldDown: duration().optional(),
  maxInFlight: z.number().int().min(1),
  maxInFlightPerApp: z.number().int().min(1),
  maxWriteBuffer: z.number().int().min(65536),
  metricsListen: z.union([hostPort, z.literal('off')]),
  shutdownTimeout: duration(),
  listenTls: z.boolean(),
  tlsVerifyClients: z.boolean(),
  /** PEM files: our certificate and key (server side, and client side toward TLS DRAs), the CAs we trust. */
  tlsCert: z.string().min(1).optional(),
  tlsKey: z.string().min(1).optional(),
  tlsCa: z.string().min(1).optional(),
});
export type GatewayConfig = Omit<z.infer<typeof schema>, 'failbackHoldDown'> & { failbackHoldDown: number };

/** The failback hold-down when none is given: two watchdog intervals, at most 5 s. */
export const defaultFailbackHoldDown = (watchdogInterval: number) => Math.min(5_000, 2 * watchdogInterval);

export class ConfigError extends Error {
  readonly code = 'ERR_INVALID_CONFIG';
  readonly field: string;
  constructor(field: string, message: string) {
    super(`invalid configuration: ${field}: ${message}`);
    this.field = field;
  }
}

const BOOLEAN_TEXT: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

/** `name=host:port,priority=N,weight=W,tls,servername=NAME` (the flag form of one DRA). */
export function parseDraFlag(text: string): DraConfig {
  const [head, ...rest] = text.split(',');
  const m = /^([^=]+)=(.+):(\d+)$/.exec(head ?? '');
  if (m === null)
    throw new ConfigError('dra', `"${text}" must look like name=host:port,priority=1,weight=100,tls`);
  const dra: Record<string, unknown> = { name: m[1], host: m[2].replace(/^\[|\]$/g, ''), port: Number(m[3]) };
  for (const part of rest) {
    const [k, v] = part.split('=');
    if (k === 'tls' && (v === undefined || v in BOOLEAN_TEXT)) dra.tls = v === undefined || BOOLEAN_TEXT[v];
    else if (k === 'servername' && v !== undefined && v !== '') dra.servername = v;
    else if ((k === 'priority' || k === 'weight') && v !== undefined && /^\d+$/.test(v)) dra[k] = Number(v);
    else
      throw new ConfigError(
        'dra',
        `"${part}" in "${text}": only priority=N, weight=N, tls[=true|false] and servername=NAME may follow host:port`,
      );
  }
  const parsed = draSchema.safeParse(dra);
  if (!parsed.success)
    throw new ConfigError(
      `dra ${m[1]}`,
      parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '),
    );
  return parsed.data;
}

const FLAGS = {
  listen: { type: 'string' },
  'origin-host': { type: 'string' },
  'origin-realm': { type: 'string' },
  product: { type: 'string' },
  'vendor-id': { type: 'string' },
  'dra1-host': { type: 'string' },
  'dra1-port': { type: 'string' },
  'dra2-host': { type: 'string' },
  'dra2-port': { type: 'string' },
  dra: { type: 'string', multiple: true },
  'max-connections': { type: 'string' },
  'conns-per-dra': { type: 'string' },
  'session-timeout': { type: 'string' },
  log: { type: 'string' },
  'log-requests': { type: 'boolean' },
  'log-responses': { type: 'boolean' },
  'stats-interval': { type: 'string' },
  'watchdog-interval': { type: 'string' },
  'watchdog-timeout': { type: 'string' },
  'max-watchdog-failures': { type: 'string' },
  'reconnect-interval': { type: 'string' },
  'max-reconnect-delay': { type: 'string' },
  'failback-hold-down': { type: 'string' },
  'max-in-flight': { type: 'string' },
  'max-in-flight-per-app': { type: 'string' },
  'max-write-buffer': { type: 'string' },
  'metrics-listen': { type: 'string' },
  'shutdown-timeout': { type: 'string' },
  'listen-tls': { type: 'boolean' },
  'tls-verify-clients': { type: 'boolean' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'tls-ca': { type: 'string' },
  config: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const NUMERIC = new Set([
  'vendorId',
  'dra1Port',
  'dra2Port',
  'maxConnections',
  'connsPerDra',
  'maxWatchdogFailures',
  'maxInFlight',
  'maxInFlightPerApp',
  'maxWriteBuffer',
]);

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export interface LoadedConfig {
  config: GatewayConfig;
  warnings: string[];
  help: boolean;
}

/** Flags (as the seed's table, double or single dash), file, environment: merged and validated. */
export function loadConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  // The seed's Go flags use one dash (-listen); accept both.
  const args = argv.map((a) => (/^-[a-z][a-z0-9-]+/.test(a) ? `-${a}` : a));
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args, options: FLAGS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new ConfigError('flags', (error as Error).message);
  }
  const merged: Record<string, unknown> = { ...GatewayDefaults };
  if (typeof values.config === 'string') Object.assign(merged, readConfigFile(values.config));
  for (const [key, raw] of Object.entries(env)) {
    if (!key.startsWith('DIAMETER_GW_') || raw === undefined) continue;
    const name = camel(key.slice('DIAMETER_GW_'.length).toLowerCase().replace(/_/g, '-'));
    if (name === 'dras' || name === 'dra') merged.draFlags = raw.split(';');
    else merged[name] = coerce(name, raw);
  }
  for (const [flag, raw] of Object.entries(values)) {
    if (flag === 'config' || flag === 'help' || raw === undefined) continue;
    if (flag === 'dra') merged.draFlags = raw;
    else merged[camel(flag)] = typeof raw === 'string' ? coerce(camel(flag), raw) : raw;
  }
  // DRAs: --dra (repeatable) or the file's `dras:` list replace the seed's --dra1-*/--dra2-* pair.
  let dras = merged.dras as unknown[] | undefined;
  if (Array.isArray(merged.draFlags)) dras = (merged.draFlags as string[]).map(parseDraFlag);
  dras ??= [
    { name: 'DRA-1', host: merged.dra1Host, port: merged.dra1Port, priority: 1, weight: 100 },
    { name: 'DRA-2', host: merged.dra2Host, port: merged.dra2Port, priority: 2, weight: 100 },
  ];
  const parsed = schema.safeParse({ ...merged, dras });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'config';
    // Custom issues (durations) quote the value themselves.
    const got =
      issue.code !== 'custom' && issue.path.length > 0
        ? ` (got ${JSON.stringify(valueAt(merged, dras, issue.path))})`
        : '';
    throw new ConfigError(field, `${issue.message}${got}`);
  }
  const config: GatewayConfig = {
    ...parsed.data,
    failbackHoldDown: parsed.data.failbackHoldDown ?? defaultFailbackHoldDown(parsed.data.watchdogInterval),
  };
  const warnings: string[] = [];
  if (config.watchdogInterval < 6000) {
    warnings.push(
      `watchdogInterval ${config.watchdogInterval} ms is below RFC 3539's minimum of 6 s (fine for tests, not for production)`,
    );
  }
  if (config.watchdogTimeout > config.watchdogInterval) config.watchdogTimeout = config.watchdogInterval;
  checkTlsFields(config);
  const names = new Set<string>();
  for (const d of config.dras) {
    if (names.has(d.name)) throw new ConfigError('dra', `two DRAs are named ${d.name}`);
    if (d.servername !== undefined && !d.tls)
      throw new ConfigError(`dra ${d.name}`, 'servername is the name on a TLS certificate: it needs tls');
    names.add(d.name);
  }
  return { config, warnings, help: values.help === true };
}

const BOOLEAN = new Set(['logRequests', 'logResponses', 'listenTls', 'tlsVerifyClients']);

function coerce(name: string, raw: string): unknown {
  if (NUMERIC.has(name)) return /^\d+$/.test(raw) ? Number(raw) : raw;
  if (BOOLEAN.has(name)) return raw === 'true' || raw === '1';
  return raw;
}

/** The TLS settings that only make sense together (the files themselves are read by tls-material.ts). */
function checkTlsFields(config: GatewayConfig): void {
  if ((config.tlsCert === undefined) !== (config.tlsKey === undefined))
    throw new ConfigError(
      config.tlsCert === undefined ? 'tlsCert' : 'tlsKey',
      'tls-cert and tls-key go together (a certificate and its private key)',
    );
  if (config.listenTls && config.tlsCert === undefined)
    throw new ConfigError(
      'tlsCert',
      'listen-tls needs tls-cert and tls-key (the certificate Logic Apps verify)',
    );
  if (config.tlsVerifyClients && !config.listenTls)
    throw new ConfigError('tlsVerifyClients', 'verifying client certificates needs listen-tls');
  if (config.tlsVerifyClients && config.tlsCa === undefined)
    throw new ConfigError(
      'tlsCa',
      'tls-verify-clients needs tls-ca (the CAs that sign Logic App certificates)',
    );
}

function valueAt(merged: Record<string, unknown>, dras: unknown, path: PropertyKey[]): unknown {
  let v: unknown = { ...merged, dras };
  for (const p of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[p];
  return v;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError('config', `cannot read ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ConfigError('config', `${path} is not valid YAML: ${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null)
    throw new ConfigError('config', `${path} must hold a mapping`);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[camel(k)] = v;
  return out;
}

export const USAGE = `usage: diameter-gateway [flags]

  --listen HOST:PORT            inbound address for Logic Apps (default ${GatewayDefaults.listen})
  --origin-host NAME            our Origin-Host (default ${GatewayDefaults.originHost})
  --origin-realm NAME           our Origin-Realm (default ${GatewayDefaults.originRealm})
  --product NAME                Product-Name in CER/CEA (default ${GatewayDefaults.product})
  --dra NAME=HOST:PORT[,priority=N][,weight=W][,tls][,servername=NAME]
                                a DRA (repeatable; replaces --dra1-*/--dra2-*); tls: dial it with TLS,
                                its certificate naming HOST, or NAME if given
  --dra1-host/--dra1-port, --dra2-host/--dra2-port
                                the seed's two DRAs (default 127.0.0.1:3869 priority 1, 127.0.0.1:3870 priority 2)
  --conns-per-dra N             connections per DRA (default ${GatewayDefaults.connsPerDra})
  --max-connections N           inbound connections (default ${GatewayDefaults.maxConnections})
  --session-timeout DUR         answer deadline of a relayed request (default 30s)
  --watchdog-interval DUR       Tw toward DRAs and Logic Apps (default 30s)
  --watchdog-timeout DUR        DWA deadline (default 10s)
  --failback-hold-down DUR      time a better DRA must stay OKAY before failback (default 2 Tw, at most 5s)
  --max-in-flight N, --max-in-flight-per-app N
                                beyond these, requests get 3004 TOO_BUSY
  --stats-interval DUR          statistics log period (default 60s)
  --metrics-listen HOST:PORT|off
                                HTTP /metrics /health /ready /stats (default ${GatewayDefaults.metricsListen})
  --log debug|info|warn|error   log level (default info); --log-requests, --log-responses
  --shutdown-timeout DUR        graceful shutdown deadline (default 10s)
  --listen-tls                  Logic Apps connect with TLS (RFC 6733 §13, TLS from the first byte)
  --tls-cert FILE, --tls-key FILE
                                our certificate and key, PEM (server side; client side toward tls DRAs)
  --tls-ca FILE                 CAs trusted for DRA and Logic App certificates, PEM (default: the system's)
  --tls-verify-clients          require a client certificate signed by --tls-ca from every Logic App
  --config FILE                 YAML or JSON file with the same keys (e.g. origin-host, dras: [...])
Environment: DIAMETER_GW_<FLAG> (e.g. DIAMETER_GW_ORIGIN_HOST), DIAMETER_GW_DRAS="a=h:p,priority=1;b=h:p"
`;
