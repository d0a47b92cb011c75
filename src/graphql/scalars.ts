// DateTime (RFC 3339), JSON and SafeInt (53-bit integers; GraphQL's Int is only 32-bit).
// DateTime and SafeInt parse with graphql-scalars, plus our own rules (years 0001-9999, coded errors).
// Only the functions are exported, never a GraphQLScalarType: a scalar object handed to
// makeExecutableSchema replaces the SDL's description, and the SDL is the contract.
import { GraphQLError, Kind, type GraphQLScalarTypeConfig, type ValueNode } from 'graphql';
import { GraphQLDateTime, GraphQLSafeInt } from 'graphql-scalars';

type ScalarFunctions = Pick<GraphQLScalarTypeConfig<unknown, unknown>, 'serialize' | 'parseValue' | 'parseLiteral'>;

const badValue = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Runs a graphql-scalars parser; its (uncoded) refusal becomes our coded one. */
function refuseWith<T>(message: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw badValue(message);
  }
}

function parseDate(value: unknown): Date {
  // graphql-scalars refuses what is no RFC 3339 date-time, including impossible dates (2026-02-31).
  const message = `DateTime must be an RFC 3339 date-time with seconds and a time zone, e.g. 2026-01-31T12:00:00Z; got ${JSON.stringify(value)}`;
  if (typeof value !== 'string') throw badValue(message);
  const d = refuseWith(message, () => GraphQLDateTime.parseValue(value) as Date);
  // PostgreSQL has no year 0 and JavaScript dates end at year 275760: keep to years both can store.
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw badValue(`DateTime must be between years 0001 and 9999; got ${JSON.stringify(value)}`);
  return d;
}

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the years whose ISO text has four digits. */
const FIRST_4_DIGIT_MS = -62_167_219_200_000;
const LAST_4_DIGIT_MS = 253_402_300_799_999;
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * What Date#toISOString returns for epoch milliseconds `ms` in years 0000-9999, with integer arithmetic
 * (days to a civil date, H. Hinnant's algorithm): V8's own took about 1 µs a value here, a few percent of a
 * runs page's CPU; this takes a third of it. Other years keep toISOString (their six-digit form).
 */
export function isoString(ms: number): string {
  if (!(ms >= FIRST_4_DIGIT_MS && ms <= LAST_4_DIGIT_MS)) return new Date(ms).toISOString();
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const y = year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
  const msText = millis < 10 ? `00${millis}` : millis < 100 ? `0${millis}` : `${millis}`;
  return `${y}-${pad2(month)}-${pad2(day)}T${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}.${msText}Z`;
}

function serializeDate(value: unknown): string {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' || typeof value === 'number' ? new Date(value).getTime() : NaN;
  if (Number.isNaN(ms)) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
  return isoString(ms);
}

export const DateTimeScalar: ScalarFunctions = {
  serialize: serializeDate,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
};

const SAFE_INT_MESSAGE = 'SafeInt must be an integer between -(2^53 - 1) and 2^53 - 1';

// A safe integer number is what nearly every value is (100 per ingestion call): it skips graphql-scalars and the
// refusal message, which would otherwise be built for every value.
const isSafeNumber = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

export const SafeIntScalar: ScalarFunctions = {
  // node-postgres returns bigint as strings: graphql-scalars' serialize normalises them.
  serialize: (v) => (isSafeNumber(v) ? v : GraphQLSafeInt.serialize(v)),
  parseValue: (v) => (isSafeNumber(v) ? v : refuseWith(`${SAFE_INT_MESSAGE}; got ${JSON.stringify(v)}`, () => GraphQLSafeInt.parseValue(v))),
  parseLiteral: (ast) => refuseWith(`${SAFE_INT_MESSAGE} literal`, () => GraphQLSafeInt.parseLiteral(ast, undefined)),
};

// graphql-scalars' JSON turns an enum literal into undefined without a word; ours refuses it.
function literal(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      throw badValue('JSON cannot represent an enum literal');
  }
}

export const JSONScalar: ScalarFunctions = {
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
};
