import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { Message } from '../codec/message.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { messageFromJson, messageToJson, type MessageJson } from '../dictionary/json-form.js';
import { messageToText } from '../dictionary/text-form.js';
import { DiameterError } from '../errors.js';
import { PeerConnection } from '../peer/peer-connection.js';
import { parsePeerConfig } from '../peer/peer-options.js';

/**
 * `diameter send HOST:PORT [FILE]`: a Diameter client for one exchange, the way curl is for HTTP. It opens a peer
 * connection (CER/CEA advertising the applications of the requests), sends each request of the JSON form — what
 * `diameter decode` prints, so a captured request can be edited and sent again — one after the other, prints each
 * answer, then closes with DPR/DPA.
 *
 * Exit status: 0 when every answer's Result-Code (or Experimental-Result-Code) is 2xxx, 3 when one is not, 1 when
 * the exchange itself failed (no connection, CER refused, a timeout), 2 for bad input.
 */
export interface SendOptions {
  target: string;
  /** Requests in the JSON form (one object or an array). */
  input: string;
  originHost?: string;
  originRealm?: string;
  timeoutMs: number;
  text: boolean;
  tls?: ConnectionOptions;
}

export class SendInputError extends Error {}

const ACCOUNTING_APPLICATION_ID = 3;

export async function sendCommand(options: SendOptions, dictionary: Dictionary): Promise<number> {
  const { host, port } = parseTarget(options.target);
  const requests = parseRequests(options.input, dictionary);
  const first = requests[0]!;
  // Our identity follows the first request unless given: a request captured from a client goes out as it was.
  const originHost = options.originHost ?? first.get<string>('Origin-Host') ?? 'diameter-cli.localdomain';
  const originRealm = options.originRealm ?? first.get<string>('Origin-Realm') ?? 'localdomain';
  const applications = [...new Set(requests.map((r) => r.applicationId).filter((id) => id !== 0))];
  const acct = applications.filter((id) => id === ACCOUNTING_APPLICATION_ID);
  const auth = applications.filter((id) => id !== ACCOUNTING_APPLICATION_ID);
  const connection = new PeerConnection({
    config: parsePeerConfig({
      originHost,
      originRealm,
      productName: 'diameter-cli',
      // Base-protocol requests only (an ASR, say): offer Relay, which every peer has in common with us.
      authApplicationIds: auth.length + acct.length === 0 ? [0xffffffff] : auth,
      acctApplicationIds: acct,
      reconnect: false,
      connectTimeout: options.timeoutMs,
      cerTimeout: options.timeoutMs,
      dprTimeout: Math.min(options.timeoutMs, 2000),
      ...(options.tls !== undefined && { tls: options.tls }),
    }),
    host,
    port,
    dictionary,
  });
  let failed = 0;
  try {
    await connection.connect();
    for (const request of requests) {
      const answer = await connection.request(request, { timeout: options.timeoutMs });
      process.stdout.write(
        options.text
          ? `${messageToText(answer, dictionary)}\n`
          : `${JSON.stringify(messageToJson(answer, dictionary), null, 2)}\n`,
      );
      const code = resultCode(answer);
      if (code === undefined || code < 2000 || code >= 3000) failed++;
    }
  } finally {
    await connection.close({ drainTimeout: 500 }).catch(() => undefined);
    connection.destroy();
  }
  if (failed > 0) process.stderr.write(`diameter: ${failed} of ${requests.length} answers were not 2xxx\n`);
  return failed > 0 ? 3 : 0;
}

function resultCode(answer: Message): number | undefined {
  return (
    answer.get<number>('Result-Code') ?? answer.get<number>('Experimental-Result.Experimental-Result-Code')
  );
}

function parseTarget(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text);
  const port = m === null ? NaN : Number(m[3]);
  if (m === null || port < 1 || port > 65535)
    throw new SendInputError(`send: expected HOST:PORT (e.g. 127.0.0.1:3868), got "${text}"`);
  const host = m[1] ?? m[2]!;
  if (m[1] !== undefined && net.isIPv6(host) === false)
    throw new SendInputError(`send: "${host}" is not an IPv6 address`);
  return { host, port };
}

function parseRequests(input: string, dictionary: Dictionary): Message[] {
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch (error) {
    throw new SendInputError(`the input is not JSON: ${(error as Error).message}`);
  }
  const list = (Array.isArray(json) ? json : [json]) as MessageJson[];
  if (list.length === 0) throw new SendInputError('no request in the input');
  return list.map((item, i) => {
    let message: Message;
    try {
      message = messageFromJson(item, dictionary);
    } catch (error) {
      if (error instanceof DiameterError) throw new SendInputError(`request ${i + 1}: ${error.message}`);
      throw error;
    }
    if (!message.isRequest)
      throw new SendInputError(`request ${i + 1}: ${item.command ?? 'the message'} is an answer (no R flag)`);
    return message;
  });
}

/** A PEM file for --tls-ca, --tls-cert or --tls-key. */
export function readPem(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new SendInputError(`${flag}: cannot read ${path}: ${(error as Error).message}`);
  }
}
