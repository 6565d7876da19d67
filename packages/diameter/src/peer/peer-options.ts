import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { InvalidConfigError } from '../errors.js';
import type { BackoffPolicy } from './backoff.js';
import { exponentialBackoff } from './backoff.js';
import type { LocalCapabilities, VendorSpecificApplication } from './capabilities.js';
import { PeerDefaults } from './defaults.js';
import type { WatchdogOptions } from './watchdog.js';

/** What a user passes: identity required, everything else defaulted (see defaults.ts). Times in ms. */
export interface LocalIdentityOptions {
  originHost: string;
  originRealm: string;
  hostIPAddresses?: string[];
  vendorId?: number;
  productName?: string;
  firmwareRevision?: number;
  originStateId?: number;
  supportedVendorIds?: number[];
  authApplicationIds?: number[];
  acctApplicationIds?: number[];
  vendorSpecificApplicationIds?: VendorSpecificApplication[];
}

export interface TimerOptions {
  connectTimeout?: number;
  cerTimeout?: number;
  requestTimeout?: number;
  dprTimeout?: number;
  watchdogInterval?: number;
  watchdogTimeout?: number;
  watchdogJitter?: number;
  /** Unanswered DWRs tolerated before SUSPECT (the seeds' MaxDWRFailures; RFC 3539: 1). */
  maxWatchdogFailures?: number;
}

export interface ReconnectOptions {
  /** false: never reconnect; a function: your own policy; otherwise exponential with full jitter. */
  reconnect?: boolean | BackoffPolicy;
  reconnectInterval?: number;
  reconnectBackoff?: number;
  maxReconnectDelay?: number;
}

export interface TransportOptions {
  maxMessageLength?: number;
  maxWriteBuffer?: number;
  /** TLS from the first byte (RFC 6733 §13): options for node:tls, or true for the defaults. */
  tls?: TlsOptions | boolean;
}

/** The parsed, complete, frozen form every connection works from. */
export interface PeerConfig {
  readonly local: LocalCapabilities;
  readonly connectTimeout: number;
  readonly cerTimeout: number;
  readonly requestTimeout: number;
  readonly dprTimeout: number;
  readonly watchdog: WatchdogOptions;
  readonly reconnect: BackoffPolicy | null;
  readonly maxMessageLength: number;
  readonly maxWriteBuffer: number;
  readonly tls: TlsOptions | undefined;
}

export type PeerConfigInput = LocalIdentityOptions & TimerOptions & ReconnectOptions & TransportOptions;

export function positive(
  field: string,
  value: number | undefined,
  fallback: number,
  allowZero = false,
): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
    throw new InvalidConfigError(
      field,
      `must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${String(value)}`,
    );
  }
  return v;
}

function identity(field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || /\s/.test(value)) {
    throw new InvalidConfigError(
      field,
      `must be a non-empty DiameterIdentity without spaces, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function ids(field: string, value: number[] | undefined): number[] {
  const list = value ?? [];
  if (!Array.isArray(list)) throw new InvalidConfigError(field, 'must be an array of integers');
  list.forEach((v, i) => {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff)
      throw new InvalidConfigError(`${field}[${i}]`, `must be a 32-bit unsigned integer, got ${v}`);
  });
  return list;
}

/** Validates once and fills in defaults; a bad value throws InvalidConfigError naming its field. */
export function parsePeerConfig(input: PeerConfigInput, prefix = ''): PeerConfig {
  const f = (name: string) => `${prefix}${name}`;
  const interval = positive(f('watchdogInterval'), input.watchdogInterval, PeerDefaults.watchdogInterval);
  const timeout = positive(
    f('watchdogTimeout'),
    input.watchdogTimeout,
    Math.min(PeerDefaults.watchdogTimeout, interval),
  );
  let reconnect: BackoffPolicy | null = null;
  if (typeof input.reconnect === 'function') reconnect = input.reconnect;
  else if (input.reconnect !== false) {
    reconnect = exponentialBackoff({
      initial: positive(f('reconnectInterval'), input.reconnectInterval, PeerDefaults.reconnectInterval),
      factor: positive(f('reconnectBackoff'), input.reconnectBackoff, PeerDefaults.reconnectBackoff),
      max: positive(f('maxReconnectDelay'), input.maxReconnectDelay, PeerDefaults.maxReconnectDelay),
    });
  }
  const auth = ids(f('authApplicationIds'), input.authApplicationIds);
  const acct = ids(f('acctApplicationIds'), input.acctApplicationIds);
  const vendorSpecific = input.vendorSpecificApplicationIds ?? [];
  if (auth.length + acct.length + vendorSpecific.length === 0) {
    throw new InvalidConfigError(
      f('authApplicationIds'),
      'must name at least one application (or 4294967295 for Relay)',
    );
  }
  return Object.freeze({
    local: Object.freeze({
      originHost: identity(f('originHost'), input.originHost),
      originRealm: identity(f('originRealm'), input.originRealm),
      hostIPAddresses: input.hostIPAddresses ?? [],
      vendorId: input.vendorId ?? PeerDefaults.vendorId,
      productName: input.productName ?? PeerDefaults.productName,
      firmwareRevision: input.firmwareRevision ?? PeerDefaults.firmwareRevision,
      originStateId: input.originStateId ?? Math.floor(Date.now() / 1000) >>> 0,
      supportedVendorIds: ids(f('supportedVendorIds'), input.supportedVendorIds ?? [10415]),
      authApplicationIds: auth,
      acctApplicationIds: acct,
      vendorSpecificApplicationIds: vendorSpecific,
    }),
    connectTimeout: positive(f('connectTimeout'), input.connectTimeout, PeerDefaults.connectTimeout),
    cerTimeout: positive(f('cerTimeout'), input.cerTimeout, PeerDefaults.cerTimeout),
    requestTimeout: positive(f('requestTimeout'), input.requestTimeout, PeerDefaults.requestTimeout),
    dprTimeout: positive(f('dprTimeout'), input.dprTimeout, PeerDefaults.dprTimeout),
    watchdog: Object.freeze({
      interval,
      timeout,
      jitter: positive(
        f('watchdogJitter'),
        input.watchdogJitter,
        Math.min(PeerDefaults.watchdogJitter, interval / 4),
        true,
      ),
      failures: positive(f('maxWatchdogFailures'), input.maxWatchdogFailures, 1),
    }),
    reconnect,
    maxMessageLength: positive(f('maxMessageLength'), input.maxMessageLength, PeerDefaults.maxMessageLength),
    maxWriteBuffer: positive(f('maxWriteBuffer'), input.maxWriteBuffer, PeerDefaults.maxWriteBuffer),
    tls: input.tls === true ? {} : input.tls === false ? undefined : input.tls,
  });
}
