import type { Command } from 'commander';
import { action, CliExit, mark, out } from '../../cli/output';
import type { Orm } from '../../db/orm';
import { requireDatabase, withDatabase } from '../../cli/database';
import { loadConfig } from '../../config';

const withOrm = (fn: (orm: Orm, display: string) => Promise<void>, opts: { create?: boolean } = {}) =>
  withDatabase((orm, config) => fn(orm, config.database.display), opts);

export function registerMigrate(program: Command): void {
  const migrate = program.command('migrate').description('apply, revert, list and verify database migrations (DATABASE_URL)');

  migrate
    .command('up')
    .description('apply every pending migration (idempotent: a second run does nothing)')
    .action(
      action(() =>
        withOrm(
          async (orm, db) => {
            const { migrateUp, migrationState } = await import('./migrations');
            const { pending } = await migrationState(orm);
            out(pending.length ? `Applying ${pending.length} migration(s) to ${db}` : `${db}: already up to date`);
            const applied = await migrateUp(orm);
            for (const name of applied) out(`  ${mark(true)} ${name}`);
            if (pending.length) out(`Done: ${applied.length} applied. Next: autopack migrate verify`);
          },
          { create: true },
        ),
      ),
    );

  migrate
    .command('down')
    .description('revert the last applied migration')
    .action(
      action(() =>
        withOrm(async (orm, db) => {
          const { migrateDown } = await import('./migrations');
          const reverted = await migrateDown(orm);
          out(reverted ? `Reverted ${reverted} on ${db}` : `${db}: no migration applied, nothing to revert`);
        }),
      ),
    );

  migrate
    .command('status')
    .description('list applied and pending migrations')
    .action(
      // No ORM here: the bare driver of the URL's backend reads the migrations table (migration-status.ts).
      action(async () => {
        const config = loadConfig();
        requireDatabase(config.database);
        const { readMigrationStatus } = await import('./migration-status');
        const state = await readMigrationStatus(config.database);
        out(`Database: ${config.database.display}`);
        for (const m of state.applied) out(`  applied  ${m.name}${m.executedAt ? `  (${m.executedAt.toISOString()})` : ''}`);
        for (const name of state.pending) out(`  pending  ${name}`);
        out(`${state.applied.length} applied, ${state.pending.length} pending`);
      }),
    );

  migrate
    .command('verify')
    .description('check tables, columns, indexes and the query plans of the critical queries')
    .action(
      action(() =>
        withOrm(async (orm, db) => {
          const { verifySchema } = await import('./verify');
          out(`Verifying ${db}`);
          const checks = await verifySchema(orm);
          for (const c of checks) {
            out(`${mark(c.ok)} ${c.label}`);
            if (c.detail) for (const line of c.detail.split('\n')) out(`    ${line}`);
          }
          const failed = checks.filter((c) => !c.ok).length;
          out(`${checks.length - failed} passed, ${failed} failed`);
          if (failed) throw new CliExit(1, `verification failed: ${failed} check(s) did not pass`);
        }),
      ),
    );
}
