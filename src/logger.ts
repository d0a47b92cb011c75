// Structured logs: one JSON line per record on stderr (pino). Messages and fields must never carry secrets:
// URLs go through maskUrl, and the redaction below is a second line of defence.
import pino from 'pino';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const REDACT = ['apiKey', '*.apiKey', 'password', '*.password', 'authorization', '*.authorization', '["x-api-key"]', '*["x-api-key"]'];

export function createLogger(level: LogLevel = 'info'): Logger {
  const p = pino(
    {
      level,
      base: { service: 'autopack' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '***' },
    },
    pino.destination({ dest: 2, sync: true }),
  );
  return {
    info: (msg, fields) => p.info(fields ?? {}, msg),
    warn: (msg, fields) => p.warn(fields ?? {}, msg),
    error: (msg, fields) => p.error(fields ?? {}, msg),
  };
}

export const consoleLogger: Logger = createLogger();

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
