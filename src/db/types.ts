// Token counts are 64-bit integers in the database. Drivers disagree on how they come back (node-postgres:
// strings for bigint/SUM/COUNT; sqlite3: numbers), so every numeric read goes through toSafeInt.
import { BigIntType } from '@mikro-orm/core';

/** A bigint column mapped to a JS number (values stay within 2^53 - 1, checked on the way in). */
export const tokenColumn = () => new BigIntType('number');

export function toSafeInt(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`Value ${String(value)} is not a safe integer`);
  return n;
}
