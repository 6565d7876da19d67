import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parseDuration as parseDurationText } from '../duration.js';
import { tuneHeapForRelaying } from '../heap-tuning.js';

/**
 * What the tools' command lines share: strict flag parsing (a bad flag exits 2 naming it), durations (`500ms`,
 * `2s`, `1m`, plain ms), `host:port`, PEM files, and a levelled logger on stderr that fits the library's Logger
 * interface.
 */

/** A command-line mistake: the CLI prints it and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A duration flag (see duration.ts), or a UsageError naming the flag. */
export function parseDuration(flag: string, text: string, bareUnit: 'ms' | 's' = 'ms'): number {
  const ms = parseDurationText(text, bareUnit);
  if (ms === undefined)
    throw new UsageError(`${flag}: not a duration: '${text}' (use 500ms, 2s, 1m or plain ${bareUnit})`);
  return ms;
}

export function parseInteger(flag: string, text: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag}: not an integer: '${text}'`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${flag}: must be between ${min} and ${max}, got ${n}`);
  return n;
}

export function parseNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new UsageError(`${flag}: must be a number between ${min} and ${max}, got '${text}'`);
  return n;
}

/** A rate in 0..1: `0.1` or `10%`. */
export function parseFraction(flag: string, text: string): number {
  const t = text.trim();
  if (t.endsWith('%')) return parseNumber(flag, t.slice(0, -1), 0, 100) / 100;
  return parseNumber(flag, t, 0, 1);
}

/** `host:port`, `[v6]:port`, `:port` or `port` (host defaults to 127.0.0.1). */
export function parseHostPort(flag: string, text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d+)$/.exec(text) ?? /^()()(\d+)$/.exec(text);
  if (m === null) throw new UsageError(`${flag}: expected host:port, got '${text}'`);
  const host = m[1] || m[2] || '127.0.0.1';
  const port = Number(m[3]);
  if (port > 65535) throw new UsageError(`${flag}: port out of range: ${port}`);
  return { host, port };
}

/** A PEM file named by a flag (a certificate, key or CA bundle), or a UsageError naming the flag. */
function readPemFile(flag: string, path: string): Buffer {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${path}: ${(error as Error).message}`);
  }
  if (!data.includes('-----BEGIN ')) throw new UsageError(`${flag}: ${path} holds no PEM block`);
  return data;
}

/** The TLS files a tool takes on its command line. */
export interface TlsFlagValues {
  'tls-cert'?: string;
  'tls-key'?: string;
  'tls-ca'?: string;
}

/**
 * --tls-cert/--tls-key (a pair) and --tls-ca, read as node:tls options: undefined when none is given and `wanted`
 * is false (a bare --tls asks for TLS with the system's CAs).
 */
export function tlsFromFlags(
  values: TlsFlagValues,
  wanted = false,
): { ca?: Buffer; cert?: Buffer; key?: Buffer } | undefined {
  if ((values['tls-cert'] === undefined) !== (values['tls-key'] === undefined))
    throw new UsageError('--tls-cert and --tls-key go together');
  if (!wanted && values['tls-ca'] === undefined && values['tls-cert'] === undefined) return undefined;
  return {
    ...(values['tls-ca'] !== undefined && { ca: readPemFile('--tls-ca', values['tls-ca']) }),
    ...(values['tls-cert'] !== undefined && { cert: readPemFile('--tls-cert', values['tls-cert']) }),
    ...(values['tls-key'] !== undefined && { key: readPemFile('--tls-key', values['tls-key']) }),
  };
}

export function requireIdentity(flag: string, value: string | undefined): string {
  if (value === undefined || value.length === 0) throw new UsageError(`${flag} is required`);
  if (/\s/.test(value)) throw new UsageError(`${flag}: a DiameterIdentity has no spaces: '${value}'`);
  return value;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into UsageError naming the flag. */
export function parseFlags<O extends Options>(
  argv: string[],
  options: O,
): ReturnType<typeof parseArgs<{ options: O; strict: true; allowPositionals: false; args: string[] }>> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Runs a CLI main: usage errors exit 2 with the message; errors that carry a `code` (a port in use, a refused
 * connection, the library's typed errors) exit 1 with their message; anything else exits 1 with its stack.
 */
export function runCli(name: string, usage: string, main: () => Promise<number | void>): void {
  tuneHeapForRelaying();
  main().then(
    (code) => {
      if (typeof code === 'number') process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${name}: ${error.message}\n${usage}\n`);
        process.exit(2);
      }
      const code = (error as { code?: unknown } | undefined)?.code;
      const text =
        typeof code === 'string'
          ? `${(error as Error).message} (${code})`
          : ((error as Error)?.stack ?? String(error));
      process.stderr.write(`${name}: ${text}\n`);
      process.exit(1);
    },
  );
}

// ---- logging --------------------------------------------------------------------------------------------------

/** The library's Logger shape (pino-compatible subset). */
export interface ToolLogger {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export function parseLogLevel(flag: string, text: string): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(text))
    throw new UsageError(`${flag}: one of ${LOG_LEVELS.join(', ')}, got '${text}'`);
  return text as LogLevel;
}

const noop = (): void => undefined;

/** One line per entry on stderr: `time LEVEL [name] message {fields}`. */
export function stderrLogger(name: string, level: LogLevel): ToolLogger {
  const rank = LOG_LEVELS.indexOf(level);
  const make = (l: LogLevel) => {
    if (LOG_LEVELS.indexOf(l) < rank) return noop;
    const tag = l.toUpperCase().padEnd(5);
    return (object: object, message?: string): void => {
      const fields = Object.keys(object).length > 0 ? ` ${safeJson(object)}` : '';
      process.stderr.write(`${new Date().toISOString()} ${tag} [${name}] ${message ?? ''}${fields}\n`);
    };
  };
  return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') };
}

export const silentToolLogger: ToolLogger = { debug: noop, info: noop, warn: noop, error: noop };

function safeJson(object: object): string {
  try {
    return JSON.stringify(object, (_k, v: unknown) =>
      typeof v === 'bigint' ? v.toString() : v instanceof Error ? v.message : v,
    );
  } catch {
    return String(object);
  }
}
