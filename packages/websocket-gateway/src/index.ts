// Public API of @diam/websocket-gateway: the server, its config, the client library, protocol and errors.
export { GatewayServer, type GatewayServerOptions } from './server.js';
export { Gateway, CLOSE_CODES } from './gateway.js';
export {
  loadConfig,
  DEFAULTS,
  envName,
  flagName,
  type GatewayConfig,
  type ConfigKey,
  type ConfigSources,
} from './config.js';
export {
  parseClientFrame,
  messageFrame,
  errorFrame,
  registeredFrame,
  REGISTERED_TEXT,
  USER_NOT_FOUND_TEXT,
  type ClientFrame,
  type ServerFrame,
  type ProtocolErrorCode,
  type MessageId,
} from './protocol.js';
export { signToken, verifyToken } from './auth.js';
export type { Presence, PresenceEntry, PresenceRecord, ClaimResult } from './presence/presence.js';
export { MemoryPresence } from './presence/memory-presence.js';
export { RedisPresence } from './presence/redis-presence.js';
export type { RemoteRouter, RouteOutcome, InboundHandler } from './routing/router.js';
export { GatewayClient, type GatewayClientOptions, type ErrorFrame } from './client/gateway-client.js';
export type { ClientStatus } from './client/client-status.js';
export { exponentialBackoff, type Backoff } from './client/backoff.js';
export {
  GatewayError,
  ConfigError,
  AuthError,
  RedisUnavailableError,
  ClientClosedError,
  NotConnectedError,
  TimeoutError,
  type GatewayErrorCode,
} from './errors.js';
