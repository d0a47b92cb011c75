// Random and hostile values for the fuzz properties: odd strings (unicode, NUL, SQL, huge), numbers at and
// past every boundary, and values of the wrong JSON type. Variables go through JSON as they would over HTTP.
import fc from 'fast-check';

const SQLISH = [
  "'; drop table runs; --",
  '" or 1=1 --',
  "x' union select * from phase_metrics --",
  '%',
  '_',
  '\\',
  '\\x00',
  '$1',
  '?',
  ':id',
  '{}',
  '[]',
  'null',
  'NaN',
  'true',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '__proto__',
  'constructor',
];

const ODD = ['', ' ', '\u0000', 'a\u0000b', '\ud800', 'e\u0301', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '🚀'.repeat(40), '\u202eevil', 'a\nb\r\n', '\t', 'ÄÖÜ', '中文'];

/** Any string a client could send, from plausible ids to megabyte-sized text. */
export const hostileString = (valid: readonly string[] = []): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: valid.length ? fc.constantFrom(...valid) : fc.constant('x') },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/) },
    { weight: 2, arbitrary: fc.constantFrom(...SQLISH, ...ODD) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(129), 'y'.repeat(300), 'z'.repeat(10_001), 'w'.repeat(70_000)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...valid, 'run'), fc.constantFrom('\u0000', '\ud800', '\udc00x', "'", '"', ' ', '/', '%00', '\n'))
        .map(([a, b]) => a + b),
    },
  );

/** Integers at and past the 32-bit and 53-bit boundaries, negatives, fractions. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer(),
  fc.constantFrom(0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 52, 2 ** 53 - 1, 2 ** 53, 2 ** 63, -(2 ** 53), 1e21, 1.5, -0.5, 1e-9),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value of any JSON type: for "wrong type" variables. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** Mostly the intended kind of value, sometimes anything at all (a wrong type, null, a missing field). */
export const mostly = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: arb as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  );

/** What a JSON body would carry: undefined keys dropped, -0 becomes 0, and so on. */
export const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null));

export const isoDate: fc.Arbitrary<string> = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** DateTime values: valid ones, ISO-looking nonsense, other formats. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  isoDate,
  fc.constantFrom(
    '2026-02-30T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999999999Z',
    '2026-01-01',
    'yesterday',
    '1e12',
    '',
  ),
);

/**
 * Inputs for one operation: mostly a valid input with exactly one field made hostile (so the hostile value
 * reaches the service instead of tripping over another field first), sometimes valid, sometimes all random.
 */
export function oneFieldHostile(
  valid: fc.Arbitrary<Record<string, unknown>>,
  hostile: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(hostile);
  const swapped = fc.tuple(valid, fc.constantFrom(...keys)).chain(([v, k]) => hostile[k].map((bad) => ({ ...v, [k]: bad })));
  const allRandom = fc.record(Object.fromEntries(keys.map((k) => [k, mostly(hostile[k])])), { requiredKeys: [] });
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 6, arbitrary: swapped }, { weight: 2, arbitrary: allRandom });
}
