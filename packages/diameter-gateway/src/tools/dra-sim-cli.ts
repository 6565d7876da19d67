import {
  parseDuration,
  parseFlags,
  parseFraction,
  parseHostPort,
  parseInteger,
  parseLogLevel,
  parseNumber,
  requireIdentity,
  runCli,
  stderrLogger,
  tlsFromFlags,
  UsageError,
} from './cli-util.js';
import { ORIGINATE_KINDS, startDraSim, type OriginateKind, type OriginateOptions } from './dra-sim.js';

const USAGE = `usage: diameter-dra-sim --listen HOST:PORT --origin-host HOST --origin-realm REALM [options]
  --result-code N        Result-Code of the answers (default 2001)
  --delay D              answer delay: 5ms, 1s, or plain ms (default 0)
  --failure-rate F       fraction answered with --failure-code (0..1 or 10%; default 0)
  --failure-code N       Result-Code of the failures (default 3002, E bit for 3xxx)
  --drop-rate F          fraction never answered (default 0)
  --originate KIND:RATE  originate requests toward every connected peer, RATE per second per peer
                         (KIND: ${ORIGINATE_KINDS.join(', ')}; Destination-Host = the peer's Origin-Host)
  --originate-to HOST    Destination-Host of the originated requests instead (e.g. a Logic App behind a gateway)
  --originate-realm R    their Destination-Realm (default: the peer's Origin-Realm)
  --watchdog-interval D  Tw (default 30s)
  --tls-cert FILE --tls-key FILE
                         listen with TLS (RFC 6733 §13), presenting this certificate (PEM)
  --log LEVEL            debug, info, warn, error, silent (default info)
  -h, --help`;

function parseOriginate(text: string): OriginateOptions {
  const m = /^([a-z-]+):(.+)$/.exec(text);
  if (m === null || !(ORIGINATE_KINDS as readonly string[]).includes(m[1]))
    throw new UsageError(`--originate: expected KIND:RATE with KIND one of ${ORIGINATE_KINDS.join(', ')}`);
  return { kind: m[1] as OriginateKind, rate: parseNumber('--originate', m[2], 0.001, 1_000_000) };
}

async function main(): Promise<number | void> {
  const { values } = parseFlags(process.argv.slice(2), {
    listen: { type: 'string' },
    'origin-host': { type: 'string' },
    'origin-realm': { type: 'string' },
    'result-code': { type: 'string' },
    delay: { type: 'string' },
    'failure-rate': { type: 'string' },
    'failure-code': { type: 'string' },
    'drop-rate': { type: 'string' },
    originate: { type: 'string' },
    'originate-to': { type: 'string' },
    'originate-realm': { type: 'string' },
    'watchdog-interval': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    log: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.listen === undefined) throw new UsageError('--listen is required');
  const { host, port } = parseHostPort('--listen', values.listen);
  const originHost = requireIdentity('--origin-host', values['origin-host']);
  const originRealm = requireIdentity('--origin-realm', values['origin-realm']);
  const level = values.log !== undefined ? parseLogLevel('--log', values.log) : 'info';
  const logger = stderrLogger('dra-sim', level);
  if (values.originate === undefined && (values['originate-to'] ?? values['originate-realm']) !== undefined)
    throw new UsageError('--originate-to and --originate-realm need --originate');
  const tls = tlsFromFlags(values);
  const sim = await startDraSim({
    host,
    port,
    originHost,
    originRealm,
    resultCode:
      values['result-code'] !== undefined
        ? parseInteger('--result-code', values['result-code'], 1, 0xffffffff)
        : undefined,
    delayMs: values.delay !== undefined ? parseDuration('--delay', values.delay) : undefined,
    failureRate:
      values['failure-rate'] !== undefined
        ? parseFraction('--failure-rate', values['failure-rate'])
        : undefined,
    failureCode:
      values['failure-code'] !== undefined
        ? parseInteger('--failure-code', values['failure-code'], 1, 0xffffffff)
        : undefined,
    dropRate:
      values['drop-rate'] !== undefined ? parseFraction('--drop-rate', values['drop-rate']) : undefined,
    originate:
      values.originate !== undefined
        ? {
            ...parseOriginate(values.originate),
            ...(values['originate-to'] !== undefined && {
              destinationHost: requireIdentity('--originate-to', values['originate-to']),
            }),
            ...(values['originate-realm'] !== undefined && {
              destinationRealm: requireIdentity('--originate-realm', values['originate-realm']),
            }),
          }
        : undefined,
    watchdogInterval:
      values['watchdog-interval'] !== undefined
        ? parseDuration('--watchdog-interval', values['watchdog-interval'])
        : undefined,
    tls,
    logger,
  });
  process.stdout.write(
    `diameter-dra-sim listening on ${sim.host}:${sim.port}${tls ? ' (TLS)' : ''} as ${originHost}\n`,
  );

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, ...statsLine(sim.stats) }, 'stopping');
    // Whatever happens, we are gone within 3 s of the signal.
    setTimeout(() => process.exit(0), 3000).unref();
    sim.close({ drainTimeout: 500 }).then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ err: error.message }, 'close failed');
        process.exit(0);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // Started by a parent with an IPC channel (the demo): go when the parent goes.
  if (process.connected) process.on('disconnect', () => stop('parent gone'));
}

function statsLine(s: import('./dra-sim.js').DraSimStats): Record<string, number> {
  return {
    requests: s.requests,
    answered: s.answered,
    failed: s.failed,
    dropped: s.dropped,
    originated: s.originated,
    originatedAnswered: s.originatedAnswered,
  };
}

runCli('diameter-dra-sim', USAGE, main);
