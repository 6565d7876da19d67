/**
 * Diameter (RFC 6733) for Node.js: codec, dictionaries, validation and the JSON form of messages.
 */
import type { Message } from './codec/message.js';
import { decodeMessage } from './codec/decoder.js';
import { defaultDictionary } from './dictionary/default-dictionary.js';
import type { Dictionary } from './dictionary/dictionary.js';

export { VERSION } from './version.js';
export * from './errors.js';

export { Avp, type AvpValue } from './codec/avp.js';
export { AVP_TYPES, type AvpType, type AvpTypeInfo, type CodecDictionary } from './codec/avp-type.js';
export { AddressFamily, type AddressValue, type OtherAddress } from './codec/address.js';
export { AvpFlag, CommandFlag, HEADER_LENGTH } from './codec/flags.js';
export { Message } from './codec/message.js';
export { decodeMessage, decodeAvps } from './codec/decoder.js';
export { encodeMessage, encodeAvps } from './codec/encoder.js';
export { Framer, DEFAULT_MAX_MESSAGE_LENGTH } from './codec/framer.js';
export { ResultCode, isProtocolError, type ResultCodeName } from './codec/result-codes.js';
export { ntpToDate, dateToNtp } from './codec/time.js';
export * as headerView from './codec/header-view.js';

export {
  Dictionary,
  AvpDef,
  CommandDef,
  type ApplicationInfo,
  type ResolvedLayout,
  type ResolvedRule,
} from './dictionary/dictionary.js';
export {
  defineApplication,
  type ApplicationDefinition,
  type AvpDefinition,
  type CommandDefinition,
} from './dictionary/definitions.js';
export { builtInApplications } from './dictionary/applications/index.js';
export { defaultDictionary } from './dictionary/default-dictionary.js';
export {
  buildMessage,
  buildAvps,
  buildAvp,
  type AvpInput,
  type NaturalValue,
  type BuildOptions,
} from './dictionary/message-builder.js';
export { createAnswer, type AnswerOptions, type LocalIdentity } from './dictionary/answer.js';
export {
  validateMessage,
  inspectMessage,
  createErrorAnswer,
  type Problem,
  type Inspection,
} from './dictionary/validator.js';
export {
  messageToJson,
  messageFromJson,
  avpToJson,
  avpFromJson,
  type MessageJson,
  type AvpJson,
} from './dictionary/json-form.js';

/** Decodes with the default dictionary unless another is given. */
export function decode(buf: Buffer, dictionary: Dictionary = defaultDictionary()): Message {
  return decodeMessage(buf, dictionary);
}

export { silentLogger, type Logger } from './logger.js';
export { PeerDefaults, PoolDefaults, AddressClientDefaults } from './peer/defaults.js';
export { type PeerState } from './peer/states.js';
export { Watchdog, type WatchdogState, type WatchdogOptions } from './peer/watchdog.js';
export { exponentialBackoff, type BackoffPolicy } from './peer/backoff.js';
export { nextEndToEndId } from './peer/identifiers.js';
export { PendingRequest, type AnswerSink } from './peer/pending-requests.js';
export type {
  ConnectionRef,
  StateChangeEvent,
  WatchdogChangeEvent,
  FailureEvent,
  FailureKind,
  OpenEvent,
  PeerConnectionEvents,
} from './peer/events.js';
export {
  RELAY_APPLICATION_ID,
  type LocalCapabilities,
  type PeerCapabilities,
  type VendorSpecificApplication,
} from './peer/capabilities.js';
export { parsePeerConfig, type PeerConfig, type PeerConfigInput } from './peer/peer-options.js';
export {
  PeerConnection,
  type RequestHandler,
  type CerPolicy,
  type ConnectionStats,
  type DisconnectCause,
  type RequestOptions,
  type PeerConnectionInit,
} from './peer/peer-connection.js';
export { messageHandler, type MessageHandler } from './peer/message-handler.js';
export {
  DiameterServer,
  type DiameterServerOptions,
  type DiameterServerEvents,
} from './server/diameter-server.js';
export {
  ConnectionPool,
  type ConnectionPoolOptions,
  type PoolStats,
  type PoolEvents,
} from './client/connection-pool.js';
export {
  AddressClient,
  type AddressClientOptions,
  type AddressClientMetrics,
  type AddressClientEvents,
} from './client/address-client.js';
export { loadWiresharkDictionary, loadWiresharkDictionaryFile } from './dictionary/wireshark-xml.js';
export { messageToText } from './dictionary/text-form.js';
