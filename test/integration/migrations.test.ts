import { MIGRATIONS } from '../../migrations';
import { createOrm, type Em } from '../../src/db/orm';
import { migrateDown, migrateUp, migrationState } from '../../src/modules/ops/migrations';
import { INDEXES } from '../../src/db/indexes';
import { EXPECTED_INDEXES, namedIndexes, verifySchema } from '../../src/modules/ops/verify';
import { BACKENDS, createTestDatabase } from '../helpers/db';

describe.each(BACKENDS)('migrations on %s', (backend) => {
  it('applies the migrations (the guide four first, in its order), is idempotent, leaves no drift and verifies', async () => {
    const db = await createTestDatabase(backend);
    const orm = await createOrm(db.target);
    try {
      // The guide's scripts first, in its order, then ours.
      expect((await migrationState(orm)).pending).toEqual(MIGRATIONS.map((m) => m.name));
      expect(MIGRATIONS.slice(0, 4).map((m) => m.name)).toEqual([
        'Migration20251201000000_initial_schema',
        'Migration20251201000001_add_phase6_p3_fields',
        'Migration20251201000002_add_performance_indexes',
        'Migration20251201000003_add_ab_test_results',
      ]);
      expect(await migrateUp(orm)).toHaveLength(MIGRATIONS.length);
      expect(await migrateUp(orm)).toEqual([]);
      const state = await migrationState(orm);
      expect(state.applied).toHaveLength(MIGRATIONS.length);
      expect(state.pending).toEqual([]);

      // Entities and migrated database agree: MikroORM's schema diff is empty.
      expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');

      const checks = await verifySchema(orm);
      expect(checks.filter((c) => !c.ok)).toEqual([]);
      for (const idx of EXPECTED_INDEXES) {
        expect(checks.find((c) => c.label.startsWith(`Index ${idx.name} `))?.ok).toBe(true);
      }
      // The one index list is exactly what the migrations created (names, tables, column order and direction).
      const listed = INDEXES.map(({ name, table, columns }) => ({ name, table, columns })).sort((a, b) => a.name.localeCompare(b.name));
      expect(await namedIndexes(orm.em.fork() as Em)).toEqual(listed);
      expect(INDEXES.filter((i) => i.guide)).toHaveLength(8);
      const plan = checks.find((c) => c.label.startsWith('Consolidated metrics query'))!;
      expect(plan.detail).toMatch(
        backend === 'sqlite' ? /SEARCH phase_metrics USING INDEX idx_phase_metrics_run_created_id/ : /Index Scan using idx_phase_metrics_run_created_id/,
      );
    } finally {
      await orm.close();
      await db.drop();
    }
  });

  it('migrate down reverts one migration at a time, and up re-applies them', async () => {
    const db = await createTestDatabase(backend);
    const orm = await createOrm(db.target);
    try {
      await migrateUp(orm);
      const names = MIGRATIONS.map((m) => m.name);
      const last = names.length - 1;
      expect(await migrateDown(orm)).toBe(names[last]);
      expect((await migrationState(orm)).pending).toEqual([names[last]]);
      // down until the A/B migration is reverted: its table is gone, the others stay
      while ((await migrationState(orm)).pending[0] !== 'Migration20251201000003_add_ab_test_results') await migrateDown(orm);
      const checks = await verifySchema(orm);
      expect(checks.find((c) => c.label.startsWith('Table ab_test_results'))).toMatchObject({ ok: false, detail: 'missing' });
      expect(checks.find((c) => c.label.startsWith('Table phase_metrics'))?.ok).toBe(true);
      expect(await migrateUp(orm)).toEqual(names.slice(3));
      expect((await verifySchema(orm)).every((c) => c.ok)).toBe(true);
      expect((await orm.schema.getUpdateSchemaSQL({ wrap: false })).trim()).toBe('');
    } finally {
      await orm.close();
      await db.drop();
    }
  });

  it('the database refuses a phase_metrics row whose total is not the sum of the four categories', async () => {
    const db = await createTestDatabase(backend);
    const orm = await createOrm(db.target);
    try {
      await migrateUp(orm);
      const conn = orm.em.getConnection();
      const now = backend === 'sqlite' ? Date.now() : new Date();
      await conn.execute(`insert into runs (id, created_at, updated_at) values ('r1', ?, ?)`, [now, now]);
      await conn.execute(`insert into phases (run_id, phase_id, name, created_at, updated_at) values ('r1', 'p1', 'P1', ?, ?)`, [now, now]);
      const [{ id: phaseId }] = await conn.execute(`select id from phases`);
      const insert = (total: number, base = 4) =>
        conn.execute(
          `insert into phase_metrics (run_id, phase_id, retrieval_tokens, second_opinion_tokens, evidence_request_tokens, base_tokens, total_tokens, created_at) values ('r1', ?, 1, 2, 3, ?, ?, ?)`,
          [phaseId, base, total, now],
        );
      await expect(insert(11)).rejects.toThrow(/ck_phase_metrics_total|CHECK constraint failed/i);
      await expect(insert(5, -1)).rejects.toThrow(/ck_phase_metrics_non_negative|CHECK constraint failed/i);
      await insert(10);
      expect(await conn.execute('select total_tokens from phase_metrics')).toHaveLength(1);
    } finally {
      await orm.close();
      await db.drop();
    }
  });
});
