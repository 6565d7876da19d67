import {
  parseDuration,
  parseFlags,
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
import { loadFailed, runLoad, type LoadProgress, type LoadResult } from './load.js';
import { APP_PRESETS, type AppPreset } from './request-templates.js';

const USAGE = `usage: diameter-load --target HOST:PORT --origin-host HOST --origin-realm REALM [options]
  --app PRESET             ${APP_PRESETS.join(', ')} (default gx: Gx CCR-Initial; gy: Gy CCR-I with MSCC; s6a: ULR)
  --requests N             stop after N requests
  --duration D             stop sending after D (10s, 500ms, 1m; a bare number is seconds);
                           with neither --requests nor --duration: 1000 requests
  --window W               requests in flight per connection (default 64; 1000 with --rate)
  --rate R                 requests per second over all connections (default: as fast as the window allows)
  --connections C          peer connections (default 1)
  --timeout D              answer timeout per request (500ms, 2s; a bare number is ms; default 5s)
  --destination-realm R    default: the origin realm
  --destination-host H     default: none
  --tls                    connect with TLS (RFC 6733 §13), verifying the target against the system's CAs
  --tls-ca FILE            ... against these CAs instead (PEM; implies --tls)
  --tls-cert FILE --tls-key FILE
                           present this client certificate (PEM; implies --tls)
  --json                   print the result as one JSON object on the last line of stdout
  --quiet                  no progress line on stderr
  --log LEVEL              debug, info, warn, error, silent (default warn)
  -h, --help
Exits 1 if any request went unanswered (timeout, connection loss) or could not be sent.`;

async function main(): Promise<number> {
  const { values } = parseFlags(process.argv.slice(2), {
    target: { type: 'string' },
    'origin-host': { type: 'string' },
    'origin-realm': { type: 'string' },
    'destination-realm': { type: 'string' },
    'destination-host': { type: 'string' },
    app: { type: 'string' },
    requests: { type: 'string' },
    duration: { type: 'string' },
    window: { type: 'string' },
    rate: { type: 'string' },
    connections: { type: 'string' },
    timeout: { type: 'string' },
    tls: { type: 'boolean' },
    'tls-ca': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean' },
    log: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.target === undefined) throw new UsageError('--target is required');
  const { host, port } = parseHostPort('--target', values.target);
  const originHost = requireIdentity('--origin-host', values['origin-host']);
  const originRealm = requireIdentity('--origin-realm', values['origin-realm']);
  const app = values.app ?? 'gx';
  if (!(APP_PRESETS as readonly string[]).includes(app))
    throw new UsageError(`--app: one of ${APP_PRESETS.join(', ')}, got '${app}'`);
  const level = values.log !== undefined ? parseLogLevel('--log', values.log) : 'warn';
  const logger = stderrLogger('load', level);
  const quiet = values.quiet === true;
  const tls = tlsFromFlags(values, values.tls === true);

  const controller = new AbortController();
  const interrupt = (): void => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('interrupted: waiting for the requests in flight (again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  const result = await runLoad({
    host,
    port,
    originHost,
    originRealm,
    destinationRealm: values['destination-realm'],
    destinationHost: values['destination-host'],
    app: app as AppPreset,
    requests: values.requests !== undefined ? parseInteger('--requests', values.requests, 0) : undefined,
    durationMs: values.duration !== undefined ? parseDuration('--duration', values.duration, 's') : undefined,
    window: values.window !== undefined ? parseInteger('--window', values.window, 1, 1_000_000) : undefined,
    rate: values.rate !== undefined ? parseNumber('--rate', values.rate, 0.001, 100_000_000) : undefined,
    connections:
      values.connections !== undefined
        ? parseInteger('--connections', values.connections, 1, 10_000)
        : undefined,
    timeoutMs: values.timeout !== undefined ? parseDuration('--timeout', values.timeout) : undefined,
    tls,
    onProgress: quiet ? undefined : (p) => process.stderr.write(`${progressLine(p)}\n`),
    signal: controller.signal,
    logger,
  });
  process.stdout.write(report(result));
  if (values.json === true) process.stdout.write(`${JSON.stringify(result)}\n`);
  return loadFailed(result) ? 1 : 0;
}

function progressLine(p: LoadProgress): string {
  return (
    `[${p.elapsed_s.toFixed(0).padStart(4)}s] sent ${p.sent} answered ${p.answered} in-flight ${p.in_flight}` +
    ` ${p.req_per_s} req/s p99 ${p.p99_ms.toFixed(2)} ms`
  );
}

function report(r: LoadResult): string {
  const codes = Object.entries(r.result_codes)
    .map(([code, n]) => `${code}: ${n}`)
    .join(', ');
  return [
    `diameter-load: ${r.app} over ${r.connections_opened}/${r.connections} connection(s), window ${r.window}`,
    `  sent ${r.sent}, answered ${r.answered} in ${r.elapsed_s} s: ${r.req_per_s} req/s`,
    `  latency ms: p50 ${r.p50_ms}  p90 ${r.p90_ms}  p99 ${r.p99_ms}  p99.9 ${r.p999_ms}  max ${r.max_ms}  mean ${r.mean_ms}`,
    `  result codes: ${codes || 'none'}`,
    `  timeouts ${r.timeouts}, connection lost ${r.connection_lost}, unanswered ${r.unanswered}, not sent ${r.not_sent}, connection failures ${r.connection_failures}`,
    '',
  ].join('\n');
}

runCli('diameter-load', USAGE, main);
