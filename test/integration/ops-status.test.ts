// migrationStatus and schemaVerification: what `autopack migrate status|verify` say, over GraphQL.
import { migrateDown, migrateUp } from '../../src/modules/ops/migrations';
import { BACKENDS } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

const QUERY = `{ migrationStatus { applied { name executedAt } pending upToDate } schemaVerification { ok label detail } }`;

describe.each(BACKENDS)('migration status over GraphQL on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
  });
  afterAll(() => h.close());

  it('up to date: every migration applied, every schema check passing', async () => {
    const res = await h.exec(QUERY);
    expect(res.errors).toBeUndefined();
    const { migrationStatus, schemaVerification } = res.data!;
    expect(migrationStatus.pending).toEqual([]);
    expect(migrationStatus.upToDate).toBe(true);
    expect(migrationStatus.applied[0]).toEqual({ name: 'Migration20251201000000_initial_schema', executedAt: expect.any(String) });
    expect(schemaVerification.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(schemaVerification.map((c: { label: string }) => c.label)).toContain(
      'Index idx_phase_metrics_run_created on phase_metrics(run_id, created_at DESC)',
    );
  });

  it('a reverted migration shows as pending and fails verification', async () => {
    const reverted = await migrateDown(h.orm);
    try {
      const { migrationStatus, schemaVerification } = (await h.exec(QUERY)).data!;
      expect(migrationStatus.pending).toEqual([reverted]);
      expect(migrationStatus.upToDate).toBe(false);
      expect(schemaVerification[0]).toMatchObject({ ok: false, label: expect.stringMatching(/^Migrations applied \(\d+ applied, 1 pending\)$/) });
    } finally {
      await migrateUp(h.orm);
    }
  });
});
