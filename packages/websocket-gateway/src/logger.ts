// Structured logs (pino, JSON lines on stdout) tagged with the gateway id.
import { pino, type Logger } from 'pino';
import type { GatewayConfig } from './config.js';

/**
 * Written synchronously: pino's default asynchronous destination flushes what it still holds when the process
 * exits, and that flush (sonic-boom 4) retries a write that failed with anything but EAGAIN forever, so with the
 * log reader gone (a broken pipe) SIGTERM never ended the process. A synchronous write that fails with EPIPE
 * makes pino drop further lines instead.
 */
export function createLogger(config: Pick<GatewayConfig, 'id' | 'logLevel'>): Logger {
  return pino(
    { level: config.logLevel, base: { gatewayId: config.id } },
    pino.destination({ dest: 1, sync: true }),
  );
}
