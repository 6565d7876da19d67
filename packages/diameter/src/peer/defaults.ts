/**
 * Every default of the connection layer, in one place (the seeds' values: diameter-client.md,
 * diameter-address-client.md). Times in milliseconds.
 */
export const PeerDefaults = {
  port: 3868,
  vendorId: 10415,
  productName: 'diam-node',
  firmwareRevision: 1,
  connectTimeout: 10_000,
  cerTimeout: 5_000,
  /** Tw of RFC 3539: the watchdog interval. */
  watchdogInterval: 30_000,
  /** How long a DWR may go unanswered before the watchdog counts it as a failure. */
  watchdogTimeout: 10_000,
  /** RFC 3539 §3.4.1: Tw is jittered by up to ±2 s. */
  watchdogJitter: 2_000,
  requestTimeout: 10_000,
  dprTimeout: 2_000,
  reconnectInterval: 5_000,
  reconnectBackoff: 1.5,
  maxReconnectDelay: 300_000,
  maxMessageLength: 1024 * 1024,
  /** Bytes queued on a socket before writes are refused with ERR_BACKPRESSURE. */
  maxWriteBuffer: 16 * 1024 * 1024,
} as const;

export const PoolDefaults = {
  connections: 5,
  healthLogInterval: 30_000,
} as const;

export const AddressClientDefaults = {
  idleTimeout: 600_000,
  maxLifetime: 3_600_000,
  reconnect: true,
} as const;
