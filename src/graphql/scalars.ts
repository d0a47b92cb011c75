// DateTime (ISO 8601), JSON and SafeInt (53-bit integers; GraphQL's Int is only 32-bit).
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const badValue = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

function toDate(value: unknown): Date {
  const d = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) throw badValue(`DateTime cannot represent ${JSON.stringify(value)}`);
  return d;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseDate(value: unknown): Date {
  if (typeof value !== 'string' || !ISO.test(value)) {
    throw badValue(`DateTime must be an ISO 8601 string with a time zone, e.g. 2026-01-31T12:00:00Z; got ${JSON.stringify(value)}`);
  }
  const d = toDate(value);
  // PostgreSQL has no year 0 and JavaScript dates end at year 275760: keep to years both can store.
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw badValue(`DateTime must be between years 0001 and 9999; got ${JSON.stringify(value)}`);
  return d;
}

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (v) => toDate(v).toISOString(),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : null),
});

function safeInt(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw badValue(`SafeInt must be an integer between -(2^53 - 1) and 2^53 - 1; got ${JSON.stringify(value)}`);
  }
  return value;
}

export const SafeIntScalar = new GraphQLScalarType({
  name: 'SafeInt',
  // node-postgres returns bigint as strings; normalise on the way out too.
  serialize: (v) => safeInt(typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v),
  parseValue: safeInt,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.INT) throw badValue(`SafeInt must be an integer literal`);
    return safeInt(Number(ast.value));
  },
});

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

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: literal,
});
