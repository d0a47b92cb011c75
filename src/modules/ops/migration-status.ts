// Which migrations are applied and which are pending, in one shape for the server (through its ORM) and for
// `autopack migrate status`, which reads the table with the bare driver and takes the pending names from
// the migration files in migrations/ without loading them (no ORM, no migrator: it starts like a plain
// node script).
import { readdirSync } from 'node:fs';
import { join, parse } from 'node:path';
import { optionalDriverDate } from '../../db/driver-date';
import { readMigrationsTable, type MigrationsTableRow } from '../../db/migrations-table';
import type { DatabaseTarget } from '../../db/url';

export interface MigrationState {
  applied: { name: string; executedAt: Date | null }[];
  pending: string[];
}

/** The state from the migrations table's rows and every migration's name, in order. */
export function migrationStateFrom(rows: MigrationsTableRow[], names: string[]): MigrationState {
  // MikroORM logs names without their file extension in recent versions, with it in old ones.
  const applied = rows.map((r) => ({
    name: ['.js', '.ts'].includes(parse(r.name).ext) ? parse(r.name).name : r.name,
    executedAt: optionalDriverDate(r.executed_at),
  }));
  const done = new Set(applied.map((m) => m.name));
  return { applied, pending: names.filter((name) => !done.has(name)) };
}

// migrations/ beside src/: the same relative place under the sources and under dist/.
const MIGRATIONS_DIR = join(__dirname, '..', '..', '..', 'migrations');
const MIGRATION_FILE = /^(Migration\d{14}_\w+)\.(ts|js)$/;

/**
 * The migrations' names from their file names (sorted: the timestamp prefix orders them, as the list in
 * migrations/index.ts does; a unit test holds the two equal).
 */
export function migrationFileNames(dir = MIGRATIONS_DIR): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(dir)) {
    const m = MIGRATION_FILE.exec(file);
    if (m) names.add(m[1]);
  }
  return [...names].sort();
}

/** `migrate status` without the ORM: the table read by the backend's driver, the pending names from the files. */
export async function readMigrationStatus(target: DatabaseTarget): Promise<MigrationState> {
  return migrationStateFrom(await readMigrationsTable(target), migrationFileNames());
}
