// `ws-gateway`: run one gateway instance. Flags as the seed (--id, --port, --redis) plus --host, --config and
// every setting as a kebab-case flag or WSG_* environment variable. Exit 2 on a config error, naming the field.
import { loadConfig, type GatewayConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { GatewayServer } from '../server.js';
import { gatewayUsage } from './gateway-usage.js';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(gatewayUsage());
  process.exit(0);
}

let config: GatewayConfig;
try {
  config = loadConfig({ argv, env: process.env });
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`ws-gateway: ${err.message}\n(run with --help for the list of settings)\n`);
    process.exit(2);
  }
  throw err;
}

const server = new GatewayServer(config);
server.start().catch((err: Error) => {
  server.logger.fatal({ err: err.message }, 'failed to start');
  process.exit(1);
});

let signals = 0;
const onSignal = (signal: NodeJS.Signals): void => {
  if (++signals > 1) process.exit(130); // second Ctrl+C: no more waiting
  server.logger.info({ signal }, 'signal received');
  server.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);
