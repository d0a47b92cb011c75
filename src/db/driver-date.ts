// Datetimes in raw rows (knex queries, not entities) come back differently per driver: node-postgres gives a
// Date (or "YYYY-MM-DD HH:MM:SS.ffffff+00" text for untyped columns), SQLite epoch milliseconds as a number
// or digit string, or "YYYY-MM-DD HH:MM:SS" text in UTC. One reading for all of them.

export function driverDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const text = String(value);
  if (/^\d+$/.test(text)) return new Date(Number(text));
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`);
}

export const optionalDriverDate = (value: unknown): Date | null => (value === null || value === undefined ? null : driverDate(value));
