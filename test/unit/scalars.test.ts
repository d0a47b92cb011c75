// DateTime and SafeInt input rules: graphql-scalars' parsing plus ours (years 0001-9999, coded errors).
import { GraphQLError, Kind } from 'graphql';
import fc from 'fast-check';
import { DateTimeScalar, isoString, JSONScalar, SafeIntScalar } from '../../src/graphql/scalars';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof GraphQLError ? String(e.extensions.code) : 'not a GraphQLError';
  }
  return undefined;
};

describe('DateTime', () => {
  const parse = (v: unknown) => DateTimeScalar.parseValue!(v);

  it('accepts RFC 3339 date-times with a zone, answered in UTC', () => {
    expect((parse('2024-02-29T23:59:59.123+02:00') as Date).toISOString()).toBe('2024-02-29T21:59:59.123Z');
    expect((parse('0001-01-01T00:00:00Z') as Date).toISOString()).toBe('0001-01-01T00:00:00.000Z');
    expect(DateTimeScalar.serialize!(new Date(Date.UTC(2026, 0, 31)))).toBe('2026-01-31T00:00:00.000Z');
  });

  it.each([
    ['an impossible day', '2026-02-31T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T00:00:00Z'],
    ['31 April', '2026-04-31T00:00:00Z'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['no time zone', '2026-01-01T00:00:00'],
    ['a date only', '2026-01-01'],
    ['year 0000', '0000-06-01T00:00:00Z'],
    ['a number', 1767225600000],
  ])('refuses %s with BAD_USER_INPUT', (_label, value) => {
    expect(code(() => parse(value))).toBe('BAD_USER_INPUT');
    if (typeof value === 'string') {
      expect(code(() => DateTimeScalar.parseLiteral!({ kind: Kind.STRING, value }, undefined))).toBe('BAD_USER_INPUT');
    }
  });
});

describe('DateTime output', () => {
  const serialize = (v: unknown) => DateTimeScalar.serialize!(v);
  const MAX_DATE_MS = 8.64e15;

  it('writes every instant exactly as Date#toISOString does (isoString, edges and 20,000 generated)', () => {
    const edges = [
      0,
      -1,
      1,
      951_782_400_000,
      4_107_542_399_999,
      -62_167_219_200_000,
      -62_167_219_200_001,
      253_402_300_799_999,
      253_402_300_800_000,
      -MAX_DATE_MS,
      MAX_DATE_MS,
    ];
    for (const ms of edges) expect([ms, isoString(ms)]).toEqual([ms, new Date(ms).toISOString()]);
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_DATE_MS, max: MAX_DATE_MS }),
        fc.integer({ min: -62_200_000_000_000, max: 253_500_000_000_000 }),
        (any, fourDigits) => {
          expect(isoString(any)).toBe(new Date(any).toISOString());
          expect(serialize(new Date(fourDigits))).toBe(new Date(fourDigits).toISOString());
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it('takes text and numbers as before and refuses what is no instant', () => {
    expect(serialize('2024-02-29T23:59:59.123+02:00')).toBe('2024-02-29T21:59:59.123Z');
    expect(serialize(1767225600000)).toBe('2026-01-01T00:00:00.000Z');
    expect(() => serialize(new Date(NaN))).toThrow('DateTime cannot represent');
    expect(() => serialize('soon')).toThrow('DateTime cannot represent');
    expect(() => serialize({})).toThrow('DateTime cannot represent');
  });
});

describe('SafeInt', () => {
  it('accepts 53-bit integers and normalises node-postgres bigint strings on the way out', () => {
    expect(SafeIntScalar.parseValue!(2 ** 53 - 1)).toBe(2 ** 53 - 1);
    expect(SafeIntScalar.serialize!('9007199254740991')).toBe(2 ** 53 - 1);
    expect(SafeIntScalar.parseLiteral!({ kind: Kind.INT, value: '-42' }, undefined)).toBe(-42);
  });

  it.each([2 ** 53, 1.5, '1', null])('refuses %p with BAD_USER_INPUT', (value) => {
    expect(code(() => SafeIntScalar.parseValue!(value))).toBe('BAD_USER_INPUT');
  });

  it('refuses unsafe and non-integer literals', () => {
    expect(code(() => SafeIntScalar.parseLiteral!({ kind: Kind.INT, value: '9007199254740992' }, undefined))).toBe('BAD_USER_INPUT');
    expect(code(() => SafeIntScalar.parseLiteral!({ kind: Kind.FLOAT, value: '1.5' }, undefined))).toBe('BAD_USER_INPUT');
  });
});

describe('JSON', () => {
  it('refuses an enum literal instead of dropping it', () => {
    expect(code(() => JSONScalar.parseLiteral!({ kind: Kind.ENUM, value: 'FOO' }, undefined))).toBe('BAD_USER_INPUT');
  });
});
