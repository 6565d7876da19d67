import { pino, type Logger } from 'pino';

/**
 * The gateway's pino logger: JSON lines on stdout, written synchronously. pino's default asynchronous destination
 * flushes what it still holds when the process exits, and that flush (sonic-boom 4) retries a write that failed
 * with anything but EAGAIN forever: with the log reader gone (a broken pipe), SIGTERM then never ended the process.
 * A synchronous write that fails with EPIPE makes pino drop further lines instead.
 */
export function createLogger(level: string): Logger {
  return pino({ name: 'diameter-gateway', level }, pino.destination({ dest: 1, sync: true }));
}
