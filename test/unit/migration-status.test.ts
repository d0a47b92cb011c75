// `autopack migrate status` takes the pending names from the migration files without loading them: the files
// must name exactly the migrations the migrator runs, in its order.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from '../../migrations';
import { migrationFileNames, migrationStateFrom } from '../../src/modules/ops/migration-status';

describe('migration names from the files', () => {
  it('are the migrator list, in its order', () => {
    expect(migrationFileNames()).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('count a migration once whether compiled or not, and skip everything else in the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migration-files-'));
    try {
      for (const f of [
        'Migration20250101000000_b.ts',
        'Migration20250101000000_b.js',
        'Migration20240101000000_a.js',
        'Migration20240101000000_a.js.map',
        'Migration20240101000000_a.d.ts',
        'index.js',
        'dialect.ts',
      ]) {
        writeFileSync(join(dir, f), '');
      }
      expect(migrationFileNames(dir)).toEqual(['Migration20240101000000_a', 'Migration20250101000000_b']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applied rows keep their order; names logged with an extension (older MikroORM) match their file', () => {
    const state = migrationStateFrom(
      [
        { name: 'M2.js', executed_at: '2026-01-02 03:04:05' },
        { name: 'M1', executed_at: null },
      ],
      ['M1', 'M2', 'M3'],
    );
    expect(state).toEqual({
      applied: [
        { name: 'M2', executedAt: new Date('2026-01-02T03:04:05Z') },
        { name: 'M1', executedAt: null },
      ],
      pending: ['M3'],
    });
  });
});
