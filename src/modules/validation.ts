// Input rules shared by every front door.
import { badInput } from './errors';

export const ID_PATTERN = /^[A-Za-z0-9._-]{1,128}$/;

export function checkId(value: string, field: string): string {
  if (!ID_PATTERN.test(value)) {
    throw badInput(`Invalid ${field} "${value.slice(0, 140)}": use 1-128 characters from A-Z a-z 0-9 . _ -`, { field });
  }
  return value;
}

export function checkLength(value: string | null | undefined, field: string, max: number, required = false): string | null {
  if (value === null || value === undefined || value === '') {
    if (required) throw badInput(`${field} is required`, { field });
    return null;
  }
  if (value.length > max) throw badInput(`${field} is too long (${value.length} characters, at most ${max})`, { field });
  return value;
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
