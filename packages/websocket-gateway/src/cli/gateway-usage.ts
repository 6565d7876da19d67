// Help text of `ws-gateway`, generated from the defaults so it cannot drift from them.
import { DEFAULTS, envName, flagName, type ConfigKey } from '../config.js';

export function gatewayUsage(): string {
  const lines = [
    'Usage: ws-gateway [--id gateway-01] [--port 8080] [--redis localhost:6379] [--host 0.0.0.0] [--config file.yaml]',
    '',
    'Without --redis: embedded mode (in-memory presence, one instance). With --redis: distributed; --id required.',
    '',
    'Settings (flag / environment / default):',
  ];
  for (const key of Object.keys(DEFAULTS) as ConfigKey[]) {
    const flag = key === 'redisUrl' ? 'redis' : flagName(key);
    lines.push(`  --${flag.padEnd(26)} ${envName(key).padEnd(32)} ${JSON.stringify(DEFAULTS[key])}`);
  }
  return `${lines.join('\n')}\n`;
}
