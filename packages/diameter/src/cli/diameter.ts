import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeMessage } from '../codec/decoder.js';
import { encodeMessage } from '../codec/encoder.js';
import { Framer } from '../codec/framer.js';
import { defaultDictionary } from '../dictionary/default-dictionary.js';
import type { Dictionary } from '../dictionary/dictionary.js';
import { messageFromJson, messageToJson, type MessageJson } from '../dictionary/json-form.js';
import { messageToText } from '../dictionary/text-form.js';
import { validateMessage } from '../dictionary/validator.js';
import { loadWiresharkDictionary } from '../dictionary/wireshark-xml.js';
import { DecodeError, DiameterError } from '../errors.js';
import { readPem, sendCommand, SendInputError } from './send-command.js';

const USAGE = `usage: diameter <command> [options]

  decode [HEX...]       decode a message given as hex (arguments or stdin; spaces allowed) and print its JSON form
      --raw             read raw bytes from stdin instead of hex
      --text            print an indented, Wireshark-like view instead of JSON
      --validate        also check it against the dictionary and print the Result-Code it deserves
  encode [FILE]         read the JSON form (FILE or stdin) and print the message as hex
      --raw             write raw bytes instead of hex
  dict [apps|commands|avps] [--app ID] [--find TEXT]
                        list the dictionary's applications, commands or AVPs
  send HOST:PORT [FILE] connect as a peer (CER/CEA), send each request of the JSON form (FILE or stdin, as
                        decode prints it), print each answer, close with DPR; exit 0 if every answer is 2xxx,
                        3 if one is not, 1 if the exchange failed
      --origin-host H --origin-realm R
                        our identity (default: the first request's Origin-Host and Origin-Realm)
      --timeout MS      connection and answer timeout (default 5000)
      --text            print the answers in the Wireshark-like view
      --tls, --tls-ca FILE, --tls-cert FILE --tls-key FILE
                        TLS from the first byte (RFC 6733 §13); the CA file replaces the system's CAs

  --dict FILE.xml       add a Wireshark dictionary file (repeatable)
`;

function fail(message: string): never {
  process.stderr.write(`diameter: ${message}\n`);
  process.exit(1);
}

function readStdin(): Buffer {
  try {
    return readFileSync(0);
  } catch {
    return Buffer.alloc(0);
  }
}

function parseHex(text: string): Buffer {
  const clean = text.replace(/0x/gi, '').replace(/[\s:,]/g, '');
  const bad = clean.search(/[^0-9a-fA-F]/);
  if (bad >= 0) fail(`not hex: "${clean[bad]}" at character ${bad}`);
  if (clean.length % 2 !== 0) fail(`odd number of hex digits (${clean.length})`);
  return Buffer.from(clean, 'hex');
}

function decodeCommand(args: string[], dictionary: Dictionary, opts: Record<string, unknown>): void {
  const bytes = opts.raw
    ? readStdin()
    : parseHex(args.length > 0 ? args.join('') : readStdin().toString('utf8'));
  if (bytes.length === 0) fail('no input: give a message as hex arguments or on stdin');
  // Frame first, so several concatenated messages decode one by one and a bad length is named as such.
  const messages: Buffer[] = [];
  const framer = new Framer((m) => messages.push(m));
  try {
    framer.push(bytes);
  } catch (error) {
    if (error instanceof DiameterError)
      fail(`${error.message} (byte offset ${consumed(messages)}, ${error.code})`);
    throw error;
  }
  if (framer.bufferedBytes > 0) {
    fail(`truncated: ${framer.bufferedBytes} bytes at offset ${consumed(messages)} are not a whole message`);
  }
  let base = 0;
  for (const m of messages) {
    let message;
    try {
      message = decodeMessage(m, dictionary);
    } catch (error) {
      if (error instanceof DecodeError) {
        const avp = error.avpCode !== undefined ? `, AVP code ${error.avpCode}` : '';
        fail(`${error.message} (byte offset ${base + error.offset}${avp}, Result-Code ${error.resultCode})`);
      }
      throw error;
    }
    if (opts.text) process.stdout.write(messageToText(message, dictionary, m.length) + '\n');
    else process.stdout.write(JSON.stringify(messageToJson(message, dictionary), null, 2) + '\n');
    if (opts.validate) {
      const problem = validateMessage(message, dictionary);
      process.stdout.write(
        problem ? `invalid: Result-Code ${problem.resultCode}: ${problem.message}\n` : 'valid\n',
      );
      if (problem) process.exitCode = 2;
    }
    base += m.length;
  }
}

function consumed(messages: Buffer[]): number {
  return messages.reduce((n, m) => n + m.length, 0);
}

function encodeCommand(args: string[], dictionary: Dictionary, opts: Record<string, unknown>): void {
  const text =
    args[0] !== undefined && args[0] !== '-' ? readFileSync(args[0], 'utf8') : readStdin().toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`the input is not JSON: ${(error as Error).message}`);
  }
  const list = (Array.isArray(json) ? json : [json]) as MessageJson[];
  for (const item of list) {
    let bytes: Buffer;
    try {
      bytes = encodeMessage(messageFromJson(item, dictionary));
    } catch (error) {
      if (error instanceof DiameterError) fail(error.message);
      throw error;
    }
    if (opts.raw) process.stdout.write(bytes);
    else process.stdout.write(bytes.toString('hex') + '\n');
  }
}

function dictCommand(args: string[], dictionary: Dictionary, opts: Record<string, unknown>): void {
  const what = args[0] ?? 'apps';
  const app = opts.app !== undefined ? Number(opts.app) : undefined;
  const find = typeof opts.find === 'string' ? opts.find.toLowerCase() : undefined;
  const match = (name: string) => find === undefined || name.toLowerCase().includes(find);
  if (what === 'apps' || what === 'applications') {
    for (const a of dictionary.applications()) {
      if (match(a.name)) process.stdout.write(`${a.id}\t${a.kind}\t${a.name} (${a.spec})\n`);
    }
  } else if (what === 'commands') {
    for (const c of dictionary.allCommands()) {
      if ((app === undefined || c.applicationId === app) && match(c.name)) {
        process.stdout.write(`${c.code}\t${c.short.join('/')}\t${c.name}\tapp ${c.applicationId}\n`);
      }
    }
  } else if (what === 'avps') {
    for (const a of dictionary.allAvps().sort((x, y) => x.vendorId - y.vendorId || x.code - y.code)) {
      if (match(a.name)) process.stdout.write(`${a.code}\t${a.vendorId}\t${a.type}\t${a.name}\n`);
    }
  } else fail(`dict lists apps, commands or avps, not "${what}"`);
}

async function send(args: string[], dictionary: Dictionary, opts: Record<string, unknown>): Promise<void> {
  const str = (k: string) => (typeof opts[k] === 'string' ? opts[k] : undefined);
  try {
    const [target, file] = args;
    if (target === undefined) throw new SendInputError('send needs HOST:PORT');
    const timeout = opts.timeout === undefined ? 5000 : Number(opts.timeout);
    if (!Number.isInteger(timeout) || timeout < 1)
      throw new SendInputError(`--timeout: a positive number of ms, got "${String(opts.timeout)}"`);
    if ((str('tls-cert') === undefined) !== (str('tls-key') === undefined))
      throw new SendInputError('--tls-cert and --tls-key go together');
    const useTls = opts.tls === true || str('tls-ca') !== undefined || str('tls-cert') !== undefined;
    const pem = (flag: string) => (str(flag) === undefined ? undefined : readPem(`--${flag}`, str(flag)!));
    const ca = pem('tls-ca');
    const cert = pem('tls-cert');
    const key = pem('tls-key');
    const input = file !== undefined && file !== '-' ? readInput(file) : readStdin().toString('utf8');
    process.exitCode = await sendCommand(
      {
        target,
        input,
        originHost: str('origin-host'),
        originRealm: str('origin-realm'),
        timeoutMs: timeout,
        text: opts.text === true,
        ...(useTls && { tls: { ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) } }),
      },
      dictionary,
    );
  } catch (error) {
    if (error instanceof SendInputError) {
      process.stderr.write(`diameter: ${error.message}\n`);
      process.exit(2);
    }
    fail((error as Error).message);
  }
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new SendInputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function main(): void {
  // `diameter dict avps | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        raw: { type: 'boolean' },
        text: { type: 'boolean' },
        validate: { type: 'boolean' },
        dict: { type: 'string', multiple: true },
        app: { type: 'string' },
        find: { type: 'string' },
        'origin-host': { type: 'string' },
        'origin-realm': { type: 'string' },
        timeout: { type: 'string' },
        tls: { type: 'boolean' },
        'tls-ca': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const dictionary = defaultDictionary();
  for (const file of parsed.values.dict ?? []) {
    try {
      for (const app of loadWiresharkDictionary(readFileSync(file, 'utf8'), file)) dictionary.add(app);
    } catch (error) {
      fail(`cannot load ${file}: ${(error as Error).message}`);
    }
  }
  if (command === 'decode') decodeCommand(rest, dictionary, parsed.values);
  else if (command === 'encode') encodeCommand(rest, dictionary, parsed.values);
  else if (command === 'dict') dictCommand(rest, dictionary, parsed.values);
  else if (command === 'send') void send(rest, dictionary, parsed.values);
  else fail(`unknown command "${command}"\n${USAGE}`);
}

main();
