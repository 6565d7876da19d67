import { Avp } from '../codec/avp.js';
import { AvpFlag, CommandFlag } from '../codec/flags.js';
import { Message } from '../codec/message.js';
import { isProtocolError } from '../codec/result-codes.js';
import type { Dictionary } from './dictionary.js';
import { buildAvps, type AvpInput } from './message-builder.js';

/** Who we are, for the Origin-Host / Origin-Realm of the answers we write. */
export interface LocalIdentity {
  readonly originHost: string;
  readonly originRealm: string;
}

export interface AnswerOptions {
  readonly resultCode?: number;
  /** More AVPs, after Result-Code / Origin-Host / Origin-Realm. */
  readonly avps?: AvpInput;
  readonly errorMessage?: string;
  readonly failedAvp?: Avp;
}

const SESSION_ID = 263;
const PROXY_INFO = 284;

/**
 * The answer to a request (RFC 6733 §6.2): same command, Application-Id, Hop-by-Hop and End-to-End ids, P bit
 * kept, Session-Id copied first, our identity as origin, Proxy-Info AVPs copied in order. A 3xxx Result-Code
 * sets the E bit (§7.1.3).
 */
export function createAnswer(
  request: Message,
  identity: LocalIdentity,
  options: AnswerOptions = {},
): Message {
  const dictionary = request.dictionary as Dictionary;
  const resultCode = options.resultCode ?? 2001;
  let flags = request.flags & CommandFlag.PROXIABLE;
  if (isProtocolError(resultCode)) flags |= CommandFlag.ERROR;
  const avps: Avp[] = [];
  for (const a of request.avps) if (a.code === SESSION_ID && a.vendorId === 0) avps.push(a);
  const head: [string, unknown][] = [
    ['Result-Code', resultCode],
    ['Origin-Host', identity.originHost],
    ['Origin-Realm', identity.originRealm],
  ];
  if (options.errorMessage !== undefined) head.push(['Error-Message', options.errorMessage]);
  avps.push(...buildAvps(dictionary, head as [string, string][]));
  if (options.failedAvp !== undefined) {
    avps.push(...buildAvps(dictionary, [['Failed-AVP', [options.failedAvp]]]));
  }
  if (options.avps !== undefined) avps.push(...buildAvps(dictionary, options.avps));
  for (const a of request.avps) if (a.code === PROXY_INFO && a.vendorId === 0) avps.push(a);
  return new Message(
    flags,
    request.commandCode,
    request.applicationId,
    request.hopByHopId,
    request.endToEndId,
    avps,
    dictionary,
  );
}

/** An AVP carried inside Failed-AVP, its data as raw bytes. */
export function rawAvp(code: number, vendorId: number, flags: number, data: Buffer): Avp {
  const f = vendorId !== 0 ? flags | AvpFlag.VENDOR : flags & ~AvpFlag.VENDOR;
  return new Avp(code, f, vendorId, data, undefined);
}
