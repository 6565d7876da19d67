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
