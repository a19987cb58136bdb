import { type Logger, pino } from 'pino';
import type { Env } from '../env';

export type { Logger };

/**
 * The process's logger: one JSON object a line on stdout, written synchronously so that the
 * lines before an exit are not lost. Requests log through children of it that carry their
 * request id (request-logging.ts); jobs through children that name the job.
 */
export function createLogger(level: Env['LOG_LEVEL']): Logger {
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime });
}

/** For what is built without a process around it (a test's system, a benchmark). */
export const silentLogger: Logger = pino({ level: 'silent' });
