// Migrations are one portable set: each one writes the same schema on PostgreSQL and SQLite, differing only
// in type names. Every statement is idempotent (IF NOT EXISTS / IF EXISTS), as the rollout guide promises
// for its migration scripts.
import { Migration } from '@mikro-orm/migrations';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

export interface Dialect {
  pg: boolean;
  /** Column types: varchar(n) on PostgreSQL, text on SQLite (which ignores lengths). */
  varchar(n: number): string;
  timestamp: string;
  json: string;
  boolean: string;
  double: string;
  int: string;
  serial: string;
  bigserial: string;
}

export abstract class PortableMigration extends Migration {
  protected dialect(): Dialect {
    const pg = this.driver.getPlatform() instanceof PostgreSqlPlatform;
    return {
      pg,
      varchar: (n) => (pg ? `varchar(${n})` : 'text'),
      timestamp: pg ? 'timestamptz' : 'datetime',
      json: pg ? 'jsonb' : 'json',
      boolean: pg ? 'boolean' : 'integer',
      double: pg ? 'double precision' : 'double',
      int: pg ? 'int' : 'integer',
      serial: pg ? 'serial primary key' : 'integer not null primary key autoincrement',
      bigserial: pg ? 'bigserial primary key' : 'integer not null primary key autoincrement',
    };
  }

  protected sql(...statements: string[]): void {
    for (const s of statements) this.addSql(s);
  }
}

export const inList = (column: string, values: readonly string[]) => `check ("${column}" in (${values.map((v) => `'${v}'`).join(', ')}))`;
