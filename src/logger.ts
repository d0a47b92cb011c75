// Structured logs: one JSON line per record on stderr (pino). Messages and fields must never carry secrets:
// URLs go through maskUrl, and the redaction below is a second line of defence.
import pino from 'pino';
import type { LogLevel } from './config';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose every line also carries `fields` (pino serialises them once); see childLogger. */
  child?(fields: Record<string, unknown>): Logger;
}

/** A logger whose every line carries `fields`, e.g. the requestId of the request that caused it. */
export function childLogger(logger: Logger, fields: Record<string, unknown>): Logger {
  if (logger.child) return logger.child(fields);
  const withFields = (own?: Record<string, unknown>) => ({ ...fields, ...own });
  return {
    info: (msg, own) => logger.info(msg, withFields(own)),
    warn: (msg, own) => logger.warn(msg, withFields(own)),
    error: (msg, own) => logger.error(msg, withFields(own)),
    child: (more) => childLogger(logger, { ...fields, ...more }),
  };
}

const REDACT = ['apiKey', '*.apiKey', 'password', '*.password', 'authorization', '*.authorization', '["x-api-key"]', '*["x-api-key"]'];

/** The most a log record carries of one string (a client-chosen operation name, a path, a message)... */
const LOG_STRING_MAX = 4096;
/** ...of one list, and how deep it follows nested plain objects. */
const LOG_ITEMS_MAX = 50;
const LOG_DEPTH_MAX = 4;

/** A string cut to `max` characters, saying how much was left out. */
export function clip(s: string, max = LOG_STRING_MAX): string {
  return s.length > max ? `${s.slice(0, max)}... [${s.length - max} more chars]` : s;
}

/** Fields with every string clipped and every list shortened, so one record stays small whatever a client sent. */
function capFields(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return clip(value);
  if (Array.isArray(value)) {
    const items = value.slice(0, LOG_ITEMS_MAX).map((v) => capFields(v, depth + 1));
    return value.length > LOG_ITEMS_MAX ? [...items, `... [${value.length - LOG_ITEMS_MAX} more items]`] : items;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    if (depth >= LOG_DEPTH_MAX) return '[nested object]';
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, capFields(v, depth + 1)]));
  }
  return value;
}

const record = (fields?: Record<string, unknown>) => (fields ? (capFields(fields) as Record<string, unknown>) : {});

/** `destination`: where the JSON lines go (default stderr); tests pass a stream to read them. */
export function createLogger(level: LogLevel = 'info', destination: pino.DestinationStream = pino.destination({ dest: 2, sync: true })): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'autopack' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACT, censor: '***' },
  };
  return wrap(pino(options, destination));
}

function wrap(p: pino.Logger): Logger {
  return {
    info: (msg, fields) => p.info(record(fields), clip(msg)),
    warn: (msg, fields) => p.warn(record(fields), clip(msg)),
    error: (msg, fields) => p.error(record(fields), clip(msg)),
    child: (fields) => wrap(p.child(record(fields))),
  };
}

export const consoleLogger: Logger = createLogger();

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, child: () => silentLogger };
