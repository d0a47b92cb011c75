// Where a SQLite database may come into being. The driver creates a missing file, and MikroORM even its
// directory, so a mistyped DATABASE_URL used to leave an empty database behind. Only a server start and
// `migrate up` create one, and only in an existing directory; everything else needs the file to be there.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseTarget } from './url';

/** Why `target` cannot be opened (one line), or null. PostgreSQL and in-memory databases always can. */
export function missingDatabase(target: DatabaseTarget, opts: { create: boolean }): string | null {
  if (target.kind !== 'sqlite' || target.path === ':memory:') return null;
  const file = resolve(target.path);
  if (existsSync(file)) return statSync(file).isFile() ? null : `${file} is not a SQLite database file (DATABASE_URL=${target.display})`;
  const dir = dirname(file);
  if (!existsSync(dir)) return `no database at ${target.display}: the directory ${dir} does not exist (create it first; nothing was created)`;
  if (opts.create) return null;
  return `no database at ${target.display} (${file} does not exist): create it with \`autopack migrate up\` or \`autopack serve\``;
}
