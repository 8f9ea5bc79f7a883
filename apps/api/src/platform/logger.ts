import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; secrets never logged (tokens and passwords are redacted). */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'aftersale-api' },
    redact: ['req.headers.authorization', 'req.headers["x-api-key"]', '*.password', '*.token'],
  });
}
