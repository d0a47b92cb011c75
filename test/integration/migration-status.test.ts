// `autopack migrate status` reads the migrations table with the bare driver and the pending names from the
// files (no ORM): what it reports must be what the migrator itself sees, before, after up and after down.
import { createOrm, type Orm } from '../../src/db/orm';
import { migrateDown, migrateUp, migrationState, migratorOf } from '../../src/modules/ops/migrations';
import { readMigrationStatus } from '../../src/modules/ops/migration-status';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../helpers/db';

/** The migrator's own view: executed (with time) and pending names. */
async function migratorView(orm: Orm) {
  const migrator = await migratorOf(orm);
  return {
    applied: (await migrator.getExecutedMigrations()).map((m) => ({ name: m.name, executedAt: m.executed_at })),
    pending: (await migrator.getPendingMigrations()).map((m) => m.name),
  };
}

describe.each(BACKENDS)('migrate status without the ORM on %s', (backend) => {
  let db: TestDatabase;
  let orm: Orm;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    orm = await createOrm(db.target);
  });
  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  const expectSameView = async () => {
    const lean = await readMigrationStatus(db.target);
    expect(lean).toEqual(await migrationState(orm));
    const view = await migratorView(orm);
    expect(lean.pending).toEqual(view.pending);
    expect(lean.applied.map((m) => m.name)).toEqual(view.applied.map((m) => m.name));
    expect(lean.applied.map((m) => m.executedAt?.getTime())).toEqual(view.applied.map((m) => m.executedAt.getTime()));
    return lean;
  };

  it('matches the migrator with no migrations table, after up, and after down', async () => {
    expect((await expectSameView()).applied).toEqual([]);
    await migrateUp(orm);
    expect((await expectSameView()).pending).toEqual([]);
    const reverted = await migrateDown(orm);
    expect((await expectSameView()).pending).toEqual([reverted]);
  });
});
