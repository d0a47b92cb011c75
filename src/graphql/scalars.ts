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

function serializeDate(value: unknown): string {
  const d = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) throw new GraphQLError(`DateTime cannot represent ${JSON.stringify(value)}`);
  return d.toISOString();
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
