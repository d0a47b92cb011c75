// `autopack db backup|restore`: the rollout guide's Step 2a and Step 5b on DATABASE_URL.
import type { Command } from 'commander';
import { loadConfig } from '../../config';
import type { TableCount } from './backup';
import { action, CliExit, out } from '../../cli/output';
import { requireDatabase } from '../../cli/database';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}

function printTables(tables: TableCount[], now?: TableCount[]): void {
  const width = Math.max(5, ...tables.map((t) => t.table.length));
  for (const t of tables) {
    const current = now?.find((c) => c.table === t.table);
    const suffix = now ? `   (now ${current ? current.rows : 'absent'})` : '';
    out(`  ${t.table.padEnd(width)} ${String(t.rows).padStart(9)} rows${suffix}`);
  }
}

export function registerDb(program: Command): void {
  const db = program.command('db').description('back up and restore the database (DATABASE_URL)');

  db.command('backup')
    .description('write a consistent backup, safe while servers are running (SQLite: VACUUM INTO; PostgreSQL: pg_dump)')
    .option('--out <file>', 'backup file (default: autopack_backup_YYYYMMDD_HHMMSS.db or .sql in the current directory)')
    .option('--force', 'overwrite the file if it exists')
    .action(
      action(async (opts: { out?: string; force?: boolean }) => {
        const { backupDatabase, defaultBackupName } = await import('./backup');
        const config = loadConfig();
        requireDatabase(config.database);
        const file = opts.out ?? defaultBackupName(config.database);
        const result = await backupDatabase(config.database, { file, force: opts.force, childEnv: config.childEnv, progress: out });
        out(`Wrote ${result.file}: ${size(result.bytes)}`);
        printTables(result.tables);
        out(`Restore it with: autopack db restore ${result.file} --yes`);
      }),
    );

  db.command('restore <file>')
    .description('replace the database with a backup made by `db backup` (refused while runs are executing)')
    .option('--yes', 'really replace the database (without it: show what would happen, change nothing)')
    .action(
      action(async (file: string, opts: { yes?: boolean }) => {
        const { assertNothingRunning, executeRestore, planRestore } = await import('./restore');
        const config = loadConfig();
        requireDatabase(config.database);
        out(`Checking ${file}`);
        const plan = await planRestore(config.database, file, config.childEnv);
        out(`Backup ${plan.file}: ${plan.backup.length} tables`);
        printTables(plan.backup, plan.current);
        assertNothingRunning(plan.running);
        if (!opts.yes) {
          out(`Restoring would replace every autopack table of ${config.database.display} with the backup's rows.`);
          throw new CliExit(1, 'nothing was changed: pass --yes to restore');
        }
        const result = await executeRestore(plan, config.childEnv, out);
        out(`Restored ${config.database.display}:`);
        printTables(result.tables);
        if (result.pendingMigrations.length) {
          out(
            `The backup predates ${result.pendingMigrations.length} migration(s) (${result.pendingMigrations.join(', ')}): run \`autopack migrate up\` to apply them again.`,
          );
        }
        if (config.database.kind === 'sqlite') {
          out('Restart every server that uses this database file: a running server keeps the replaced file open and would not see the restored data.');
        }
      }),
    );
}
