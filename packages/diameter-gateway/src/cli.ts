import { ConfigError, loadConfig, USAGE, type GatewayConfig } from './config.js';
import { Gateway } from './gateway.js';
import { tuneHeapForRelaying } from './heap-tuning.js';
import { createLogger } from './logger.js';

/**
 * `diameter-gateway`: configuration from flags, file and environment (validated: a bad value exits 2 naming the
 * field), pino logs on stdout, graceful shutdown on SIGTERM/SIGINT (a second signal exits at once).
 */
export async function main(argv: string[]): Promise<void> {
  tuneHeapForRelaying();
  let config: GatewayConfig;
  let warnings: string[];
  try {
    const loaded = loadConfig(argv);
    if (loaded.help) {
      process.stdout.write(USAGE);
      return;
    }
    ({ config, warnings } = loaded);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`diameter-gateway: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.log);
  for (const w of warnings) logger.warn(w);
  let gateway: Gateway;
  try {
    gateway = new Gateway(config, logger); // reads the TLS files: a bad one is a configuration error too
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`diameter-gateway: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down gracefully');
    gateway.stop().then(
      () => process.exit(0),
      (error: Error) => {
        logger.error({ err: error.message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // SIGHUP would end the process by default: here it rotates the TLS certificates.
  process.on('SIGHUP', () => {
    try {
      if (gateway.reloadTls()) logger.info('SIGHUP: TLS files reloaded; new connections use them');
      else logger.info('SIGHUP: no TLS configured, nothing to reload');
    } catch (error) {
      logger.error(
        { err: (error as Error).message },
        'SIGHUP: TLS reload failed; the previous files stay in use',
      );
    }
  });
  try {
    await gateway.start();
  } catch (error) {
    logger.error({ err: (error as Error).message, listen: config.listen }, 'cannot start');
    process.exit(1);
  }
}
