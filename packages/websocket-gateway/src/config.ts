// Gateway configuration: defaults in one object, then a YAML/JSON file, environment and flags, validated once.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/** Every default in one place; timers follow the seed (30 s heartbeat, 90 s TTL, 30 s refresh, 60 s sweep). */
export const DEFAULTS = Object.freeze({
  /** Required when `redisUrl` is set: two instances sharing an id would steal each other's messages. */
  id: 'gateway-01',
  host: '0.0.0.0',
  port: 8080,
  path: '/ws',
  /** null: embedded mode (in-memory presence, local routing, one instance). */
  redisUrl: null as string | null,
  redisKeyPrefix: '',
  redisCommandTimeoutMs: 2_000,
  heartbeatIntervalMs: 30_000,
  idleTimeoutMs: 90_000,
  presenceTtlMs: 90_000,
  presenceRefreshMs: 30_000,
  presenceBatchSize: 500,
  sweepIntervalMs: 60_000,
  instanceHeartbeatMs: 5_000,
  /** How long a sender reuses a looked-up recipient -> instance route (0: one Lua lookup per message). */
  routeCacheMs: 1_000,
  maxPayloadBytes: 65_536,
  maxContentBytes: 16_384,
  maxUserIdLength: 64,
  maxBufferedBytes: 1_048_576,
  rateLimitPerSec: 200,
  rateLimitBurst: 400,
  maxConnections: 100_000,
  /** null: no auth (demo). Set: a HS256 JWT signed with this secret is required on connect and fixes the userId. */
  authSecret: null as string | null,
  shutdownGraceMs: 5_000,
  logLevel: 'info' as 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent',
});

const ms = z.coerce.number().int().positive();
const count = z.coerce.number().int().positive();

const schema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
    host: z.string().min(1),
    port: z.coerce.number().int().min(0).max(65_535),
    path: z.string().startsWith('/'),
    redisUrl: z.string().min(1).nullable(),
    redisKeyPrefix: z.string().max(128),
    redisCommandTimeoutMs: ms,
    heartbeatIntervalMs: ms,
    idleTimeoutMs: ms,
    presenceTtlMs: ms,
    presenceRefreshMs: ms,
    presenceBatchSize: count,
    sweepIntervalMs: ms,
    instanceHeartbeatMs: ms,
    routeCacheMs: z.coerce.number().int().min(0).max(60_000),
    maxPayloadBytes: count.min(1024),
    maxContentBytes: count,
    maxUserIdLength: count.max(1024),
    maxBufferedBytes: count,
    rateLimitPerSec: count,
    rateLimitBurst: count,
    maxConnections: count,
    authSecret: z.string().min(16, 'at least 16 characters').nullable(),
    shutdownGraceMs: ms,
    logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']),
  })
  .strict();

export type GatewayConfig = Readonly<z.infer<typeof schema>>;
export type ConfigKey = keyof typeof DEFAULTS;
const KEYS = Object.keys(DEFAULTS) as ConfigKey[];

/** `heartbeatIntervalMs` -> `heartbeat-interval-ms` (flag) and `WSG_HEARTBEAT_INTERVAL_MS` (environment). */
export function flagName(key: ConfigKey): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
export function envName(key: ConfigKey): string {
  return `WSG_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** The seed's flags keep their short names (`--redis`, not `--redis-url`). */
const FLAG_ALIASES: Readonly<Record<string, ConfigKey>> = { redis: 'redisUrl', secret: 'authSecret' };

/** The seed takes `localhost:6379`; ioredis wants a URL. */
function normalizeRedisUrl(value: string): string {
  return /^rediss?:\/\//.test(value) ? value : `redis://${value}`;
}

function checkKnown(source: string, raw: Record<string, unknown>): void {
  for (const k of Object.keys(raw)) {
    if (!KEYS.includes(k as ConfigKey)) throw new ConfigError(k, `unknown setting (from ${source})`);
  }
}

/** Parse `--flag value`, `--flag=value` and the seed's single-dash `-id value`; `--config` names a file. */
export function parseFlags(argv: readonly string[]): { values: Record<string, string>; configFile?: string } {
  const values: Record<string, string> = {};
  let configFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--?([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!m) throw new ConfigError(arg, 'unexpected argument');
    const name = m[1];
    let value = m[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new ConfigError(`--${name}`, 'missing value');
    }
    if (name === 'config') {
      configFile = value;
      continue;
    }
    const key =
      FLAG_ALIASES[name] ?? KEYS.find((k) => flagName(k) === name || k.toLowerCase() === name.toLowerCase());
    if (!key) throw new ConfigError(`--${name}`, 'unknown flag');
    values[key] = value;
  }
  return { values, configFile };
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('config', `cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed: unknown = parseYaml(text);
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw new ConfigError('config', `${path} is not a mapping`);
  return parsed as Record<string, unknown>;
}

export interface ConfigSources {
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  /** Programmatic overrides (tests, embedding); applied last. */
  overrides?: Partial<Record<ConfigKey, unknown>>;
}

/** Merge defaults < file < environment < flags < overrides, validate, and freeze. Throws ConfigError. */
export function loadConfig(sources: ConfigSources = {}): GatewayConfig {
  const env = sources.env ?? {};
  const flags = parseFlags(sources.argv ?? []);
  const configFile = flags.configFile ?? env.WSG_CONFIG;
  const fromFile = configFile ? readConfigFile(configFile) : {};
  checkKnown(`file ${configFile}`, fromFile);
  const fromEnv: Record<string, string> = {};
  for (const k of KEYS) {
    const v = env[envName(k)];
    if (v !== undefined && v !== '') fromEnv[k] = v;
  }
  const overrides = sources.overrides ?? {};
  checkKnown('overrides', overrides);
  const merged: Record<string, unknown> = {
    ...DEFAULTS,
    ...fromFile,
    ...fromEnv,
    ...flags.values,
    ...overrides,
  };
  const idGiven = ['id'].some((k) => k in fromFile || k in fromEnv || k in flags.values || k in overrides);
  if (typeof merged.redisUrl === 'string') merged.redisUrl = normalizeRedisUrl(merged.redisUrl);
  if (merged.authSecret === '') merged.authSecret = null;

  const result = schema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.') || '(root)';
    const bad = issue.path.length ? merged[issue.path[0] as string] : undefined;
    throw new ConfigError(field, `${issue.message} (got ${JSON.stringify(bad)})`);
  }
  const c = result.data;
  if (c.redisUrl !== null && !idGiven)
    throw new ConfigError('id', 'required when redis is set (unique per instance)');
  if (c.idleTimeoutMs <= c.heartbeatIntervalMs)
    throw new ConfigError('idleTimeoutMs', `must exceed heartbeatIntervalMs (${c.heartbeatIntervalMs})`);
  if (c.presenceTtlMs <= c.presenceRefreshMs)
    throw new ConfigError('presenceTtlMs', `must exceed presenceRefreshMs (${c.presenceRefreshMs})`);
  if (c.maxContentBytes >= c.maxPayloadBytes)
    throw new ConfigError('maxContentBytes', `must be below maxPayloadBytes (${c.maxPayloadBytes})`);
  if (c.rateLimitBurst < 1) throw new ConfigError('rateLimitBurst', 'must be at least 1');
  return Object.freeze(c);
}
