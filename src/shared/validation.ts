// Input rules shared by every front door.
import { badInput } from './errors';

export const ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

/** `field` may be a function: the name is then built only for the error (a batch of 1000 rows checks 2000 ids). */
export function checkId(value: string, field: string | (() => string)): string {
  if (!ID_PATTERN.test(value)) {
    const name = typeof field === 'function' ? field() : field;
    throw badInput(`Invalid ${name} "${value.slice(0, 140)}": use 1-128 characters from A-Z a-z 0-9 . _ -`, { field: name });
  }
  return value;
}

// NUL cannot be stored as text (PostgreSQL refuses it, SQLite cuts the statement short) and a lone UTF-16
// surrogate is no character at all (PostgreSQL's jsonb refuses it): both are input errors, not server errors.
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be refused
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text the database can store: no NUL character, no lone surrogate. */
function checkText(value: string, field: string): string {
  if (UNSTORABLE.test(value)) throw badInput(`${field} contains a NUL character or invalid Unicode`, { field });
  return value;
}

export function checkLength(value: string | null | undefined, field: string, max: number, required = false): string | null {
  if (value === null || value === undefined || value === '') {
    if (required) throw badInput(`${field} is required`, { field });
    return null;
  }
  if (value.length > max) throw badInput(`${field} is too long (${value.length} characters, at most ${max})`, { field });
  return checkText(value, field);
}

export function checkNonNegative(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw badInput(`${field} must be a non-negative integer, got ${value}`, { field });
  return value;
}

/** Page size for list arguments: 1..max. */
export function checkLimit(value: number, field: string, max: number): number {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw badInput(`${field} must be between 1 and ${max}, got ${value}`, { field });
  }
  return value;
}

const MAX_JSON_DEPTH = 64;

/**
 * A free-form JSON document (an event payload): at most `maxBytes` as JSON, nested at most MAX_JSON_DEPTH
 * levels (PostgreSQL's jsonb parser runs out of stack on deep nesting), every string and key storable text.
 */
export function checkJsonDocument(value: unknown, field: string, maxBytes: number): unknown {
  if (value === undefined || value === null) return value;
  // Iterative, so that no nesting depth can overflow our own stack either.
  const pending: { v: unknown; depth: number }[] = [{ v: value, depth: 1 }];
  while (pending.length) {
    const { v, depth } = pending.pop()!;
    if (typeof v === 'string') checkText(v, field);
    if (!v || typeof v !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) throw badInput(`${field} is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`, { field });
    for (const [k, inner] of Object.entries(v)) {
      if (!Array.isArray(v)) checkText(k, field);
      pending.push({ v: inner, depth: depth + 1 });
    }
  }
  const size = JSON.stringify(value).length;
  if (size > maxBytes) throw badInput(`${field} is too large (${size} bytes, at most ${maxBytes})`, { field });
  return value;
}
