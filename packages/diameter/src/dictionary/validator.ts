import { Avp } from '../codec/avp.js';
import { fixedLength } from '../codec/avp-type.js';
import { decodeMessage } from '../codec/decoder.js';
import { AvpFlag, CommandFlag, HEADER_LENGTH } from '../codec/flags.js';
import * as view from '../codec/header-view.js';
import { Message } from '../codec/message.js';
import { ResultCode } from '../codec/result-codes.js';
import { DecodeError } from '../errors.js';
import type { AvpDef, Dictionary, ResolvedLayout } from './dictionary.js';
import { createAnswer, rawAvp, type LocalIdentity } from './answer.js';

/**
 * Checks a message against its command's ABNF and the AVP rules, and says what RFC 6733 §7.1 wants answered:
 * the Result-Code, a text for Error-Message, and the offending AVP for Failed-AVP (inside its Grouped parents).
 */
export interface Problem {
  readonly resultCode: number;
  readonly message: string;
  readonly failedAvp?: Avp;
}

const RELAY_APPLICATION = 0xffffffff;

export function validateMessage(message: Message, dictionary: Dictionary): Problem | undefined {
  if (message.isRequest && message.isError) {
    return { resultCode: ResultCode.INVALID_HDR_BITS, message: 'a request must not have the E bit set' };
  }
  if ((message.flags & CommandFlag.RESERVED) !== 0) {
    return { resultCode: ResultCode.INVALID_HDR_BITS, message: 'reserved command flag bits are set' };
  }
  if (
    message.applicationId !== RELAY_APPLICATION &&
    dictionary.application(message.applicationId) === undefined
  ) {
    return {
      resultCode: ResultCode.APPLICATION_UNSUPPORTED,
      message: `application ${message.applicationId} is not supported`,
    };
  }
  const command = dictionary.command(message.commandCode, message.applicationId);
  if (command === undefined) {
    return {
      resultCode: ResultCode.COMMAND_UNSUPPORTED,
      message: `command ${message.commandCode} is not supported in application ${message.applicationId}`,
    };
  }
  const where = command.short[message.isRequest ? 0 : 1];
  return checkLayout(message.avps, command.layout(message.isRequest), dictionary, where);
}

function checkLayout(
  avps: readonly Avp[],
  layout: ResolvedLayout,
  dictionary: Dictionary,
  where: string,
): Problem | undefined {
  const counts = new Array<number>(layout.rules.length).fill(0);
  let fixedSeen = 0;
  for (let i = 0; i < avps.length; i++) {
    const avp = avps[i];
    const def = avp.def as AvpDef | undefined;
    if (def === undefined) {
      if ((avp.flags & AvpFlag.MANDATORY) !== 0) {
        return {
          resultCode: ResultCode.AVP_UNSUPPORTED,
          message: `${where}: AVP ${avp.code} (vendor ${avp.vendorId}) has the M bit and is not supported`,
          failedAvp: avp,
        };
      }
      if (!layout.open) return notAllowed(avp, where);
      continue;
    }
    if ((avp.flags & AvpFlag.MANDATORY) !== 0 && def.mandatory === 'mustnot') {
      return {
        resultCode: ResultCode.INVALID_AVP_BITS,
        message: `${where}: ${def.name} must not have the M bit`,
        failedAvp: avp,
      };
    }
    const r = layout.index.get(def);
    if (r === undefined) {
      if (!layout.open) return notAllowed(avp, where);
    } else {
      const rule = layout.rules[r];
      if (++counts[r] > rule.max) {
        return {
          resultCode: ResultCode.AVP_OCCURS_TOO_MANY_TIMES,
          message: `${where}: ${def.name} occurs more than ${rule.max} time${rule.max === 1 ? '' : 's'}`,
          failedAvp: avp,
        };
      }
      if (rule.fixed && r === fixedSeen && i !== r) {
        return {
          resultCode: ResultCode.INVALID_AVP_VALUE,
          message: `${where}: ${def.name} must be at position ${r + 1}`,
          failedAvp: avp,
        };
      }
      if (rule.fixed) fixedSeen++;
    }
    if (def.type === 'Grouped' && Array.isArray(avp.value)) {
      const inner = dictionary.groupedLayout(def);
      if (inner !== undefined) {
        const problem = checkLayout(avp.value, inner, dictionary, `${where}/${def.name}`);
        if (problem !== undefined) {
          // RFC 6733 §7.5: the Failed-AVP may hold the Grouped AVP holding just the offending one.
          const failed =
            problem.failedAvp && new Avp(avp.code, avp.flags, avp.vendorId, [problem.failedAvp], def);
          return failed ? { ...problem, failedAvp: failed } : problem;
        }
      }
    }
  }
  for (let r = 0; r < layout.rules.length; r++) {
    const rule = layout.rules[r];
    if (counts[r] < rule.min) {
      return {
        resultCode: ResultCode.MISSING_AVP,
        message: `${where}: ${rule.def.name} is missing`,
        failedAvp: exampleAvp(rule.def),
      };
    }
  }
  return undefined;
}

function notAllowed(avp: Avp, where: string): Problem {
  return {
    resultCode: ResultCode.AVP_NOT_ALLOWED,
    message: `${where}: ${avp.name} is not allowed here`,
    failedAvp: avp,
  };
}

/** RFC 6733 §7.5: for a missing AVP, Failed-AVP holds one of that type with a zero-filled minimum value. */
function exampleAvp(def: AvpDef): Avp {
  const size =
    {
      Integer32: 4,
      Unsigned32: 4,
      Enumerated: 4,
      Float32: 4,
      Time: 4,
      Integer64: 8,
      Unsigned64: 8,
      Float64: 8,
      Address: 6,
    }[def.type as string] ?? 0;
  let flags = def.mandatory === 'must' ? AvpFlag.MANDATORY : 0;
  if (def.vendorId !== 0) flags |= AvpFlag.VENDOR;
  return new Avp(def.code, flags, def.vendorId, Buffer.alloc(size), undefined);
}

export type Inspection =
  | { readonly message: Message; readonly problem: Problem | undefined }
  | { readonly message: undefined; readonly problem: Problem };

/** Decodes and validates one framed message; a decode failure becomes the Problem its Result-Code names. */
export function inspectMessage(buf: Buffer, dictionary: Dictionary): Inspection {
  let message: Message;
  try {
    message = decodeMessage(buf, dictionary);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    return {
      message: undefined,
      problem: {
        resultCode: error.resultCode,
        message: error.message,
        failedAvp: failedFromBytes(buf, error, dictionary),
      },
    };
  }
  return { message, problem: validateMessage(message, dictionary) };
}

/**
 * The offending AVP for the Failed-AVP of a message that did not decode (RFC 6733 §7.1.5): as received, except
 * that an AVP whose length is impossible (past its container, or below its header) is sent as its header with a
 * zero-filled payload of the minimum length of its type.
 */
function failedFromBytes(buf: Buffer, error: DecodeError, dictionary: Dictionary): Avp | undefined {
  if (error.avpCode === undefined || error.offset < HEADER_LENGTH || error.offset + 8 > buf.length)
    return undefined;
  const o = error.offset;
  const flags = buf[o + 4];
  const vendor = (flags & AvpFlag.VENDOR) !== 0 && o + 12 <= buf.length ? buf.readUInt32BE(o + 8) : 0;
  const start = o + ((flags & AvpFlag.VENDOR) !== 0 ? 12 : 8);
  const declared = (buf[o + 5] << 16) | (buf[o + 6] << 8) | buf[o + 7];
  if (declared < start - o || o + declared > buf.length) {
    const type = dictionary.avp(error.avpCode, vendor)?.type;
    const minimum = type === undefined ? 0 : Math.max(0, fixedLength(type));
    return rawAvp(error.avpCode, vendor, flags, Buffer.alloc(minimum));
  }
  return rawAvp(error.avpCode, vendor, flags, Buffer.from(buf.subarray(start, o + declared)));
}

/**
 * The error answer to a request (RFC 6733 §7.2): E bit for protocol errors, Result-Code, Error-Message and
 * Failed-AVP. Works from the request's bytes, so a request that could not be decoded still gets its answer with
 * the original Hop-by-Hop / End-to-End ids and Session-Id.
 */
export function createErrorAnswer(
  request: Buffer | Message,
  problem: Problem,
  identity: LocalIdentity,
  dictionary: Dictionary,
): Message {
  const shell = request instanceof Message ? request : headerOnly(request, dictionary);
  return createAnswer(shell, identity, {
    resultCode: problem.resultCode,
    errorMessage: problem.message,
    failedAvp: problem.failedAvp,
  });
}

function headerOnly(buf: Buffer, dictionary: Dictionary): Message {
  const avps: Avp[] = [];
  const at = buf.length >= HEADER_LENGTH ? view.findAvp(buf, view.RoutingAvp.SESSION_ID) : -1;
  if (at >= 0) {
    const data = buf.subarray(view.avpDataOffset(buf, at), view.avpDataEnd(buf, at));
    const text = view.avpString(buf, at);
    const def = dictionary.avp(view.RoutingAvp.SESSION_ID, 0);
    avps.push(
      text !== undefined
        ? new Avp(263, buf[at + 4], 0, text, def)
        : rawAvp(263, 0, buf[at + 4], Buffer.from(data)),
    );
  }
  const header = buf.length >= HEADER_LENGTH;
  return new Message(
    header ? view.commandFlags(buf) : CommandFlag.REQUEST,
    header ? view.commandCode(buf) : 0,
    header ? view.applicationId(buf) : 0,
    header ? view.hopByHopId(buf) : 0,
    header ? view.endToEndId(buf) : 0,
    avps,
    dictionary,
  );
}
