// Structured logs (pino, JSON lines on stdout) tagged with the gateway id.
import { pino, type Logger } from 'pino';
import type { GatewayConfig } from './config.js';

export function createLogger(config: Pick<GatewayConfig, 'id' | 'logLevel'>): Logger {
  return pino({ level: config.logLevel, base: { gatewayId: config.id } });
}
