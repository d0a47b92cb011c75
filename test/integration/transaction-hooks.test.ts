// MikroORM's transaction storage (an AsyncLocalStorage) is on only while a transaction runs: once the last one ends,
// Node's promise hooks are off again for the reads that follow (src/db/transaction-hooks.ts).
import { TransactionContext } from '@mikro-orm/core';
import { Run } from '../../src/db/entities';
import { transactionStorage } from '../../src/db/transaction-hooks';
import { BACKENDS, itOnPostgres } from '../helpers/db';
import { createHarness, type Harness } from '../helpers/harness';

/** Node 20's AsyncLocalStorage: `enabled` while its promise hook is installed. */
const hooksOn = () => (transactionStorage as unknown as { enabled: boolean }).enabled;

describe.each(BACKENDS)('transaction storage on %s', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(backend);
  });
  afterAll(() => h.close());

  it('is off once a transaction has ended, a nested one included, and its work commits', async () => {
    await h.em().transactional(async (tx) => {
      await tx.transactional(async (inner) => {
        inner.create(Run, { id: 'tx-nested' });
      });
      expect(hooksOn()).toBe(true);
      tx.create(Run, { id: 'tx-outer' });
    });
    expect(hooksOn()).toBe(false);
    expect((await h.em().find(Run, { id: { $in: ['tx-outer', 'tx-nested'] } })).map((r) => r.id).sort()).toEqual(['tx-nested', 'tx-outer']);
  });

  // SQLite has one connection: its transactions never overlap.
  itOnPostgres(backend)('stays on while an overlapping transaction still runs, which keeps its own context', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const long = h.em().transactional(async (tx) => {
      await held;
      expect(TransactionContext.getEntityManager(tx.name)).toBe(tx);
      tx.create(Run, { id: 'tx-long' });
    });
    await h.em().transactional(async (tx) => {
      tx.create(Run, { id: 'tx-short' });
    });
    expect(hooksOn()).toBe(true);
    release();
    await long;
    expect(hooksOn()).toBe(false);
    expect((await h.em().find(Run, { id: { $in: ['tx-long', 'tx-short'] } })).map((r) => r.id).sort()).toEqual(['tx-long', 'tx-short']);
  });

  it('is off after a transaction that failed (rolled back)', async () => {
    await expect(
      h.em().transactional(async (tx) => {
        tx.create(Run, { id: 'tx-failed' });
        await tx.flush();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(hooksOn()).toBe(false);
    expect(await h.em().findOne(Run, { id: 'tx-failed' })).toBeNull();
  });
});
