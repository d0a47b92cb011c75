// Datetimes in raw rows (knex queries, not entities) come back differently per driver: node-postgres gives a
// Date (or "YYYY-MM-DD HH:MM:SS.ffffff+00" text: MikroORM makes it return timestamptz as text), SQLite epoch
// milliseconds as a number or digit string, or "YYYY-MM-DD HH:MM:SS" text in UTC. One reading for all of them.

export function driverDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const text = String(value);
  const stamp = stampMillis(text);
  if (stamp !== null) return new Date(stamp);
  if (/^\d+$/.test(text)) return new Date(Number(text));
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`);
}

export const optionalDriverDate = (value: unknown): Date | null => (value === null || value === undefined ? null : driverDate(value));

const DIGIT_0 = 48;

/** The number of `length` digits at `at`, or NaN. */
function digits(text: string, at: number, length: number): number {
  let v = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (!(d >= 0 && d <= 9)) return NaN;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Epoch milliseconds of "YYYY-MM-DD[ T]HH:MM:SS[.fraction][Z|±HH|±HH:MM|±HHMM]" (no zone: UTC), read character
 * by character; null for any other shape (the general path above takes it). Date's own text parser, and the
 * rewriting that brings the driver's text to a shape it takes, cost a quarter of a runs page's CPU. The
 * fraction is cut to milliseconds, as Date's parser cuts it.
 */
function stampMillis(t: string): number | null {
  const n = t.length;
  const sep = t.charCodeAt(10);
  if (n < 19 || t[4] !== '-' || t[7] !== '-' || (sep !== 32 && sep !== 84) || t[13] !== ':' || t[16] !== ':') return null;
  const year = digits(t, 0, 4);
  if (!(year >= 100)) return null; // Date.UTC reads years 0-99 as 1900-1999
  let i = 19;
  let ms = 0;
  if (t[i] === '.') {
    let scale = 100;
    for (i++; i < n; i++) {
      const d = t.charCodeAt(i) - DIGIT_0;
      if (!(d >= 0 && d <= 9)) break;
      ms += d * scale;
      scale /= 10;
    }
    ms = Math.floor(ms);
  }
  let offsetMinutes = 0;
  const zone = t[i];
  if (zone === 'Z' || zone === 'z') i++;
  else if (zone === '+' || zone === '-') {
    let minutes = digits(t, i + 1, 2) * 60;
    i += 3;
    if (t[i] === ':') {
      minutes += digits(t, i + 1, 2);
      i += 3;
    } else if (i < n) {
      minutes += digits(t, i, 2);
      i += 2;
    }
    offsetMinutes = zone === '-' ? -minutes : minutes;
  }
  if (i !== n) return null;
  const at = Date.UTC(year, digits(t, 5, 2) - 1, digits(t, 8, 2), digits(t, 11, 2), digits(t, 14, 2), digits(t, 17, 2), ms);
  return Number.isNaN(at) || Number.isNaN(offsetMinutes) ? null : at - offsetMinutes * 60_000;
}
