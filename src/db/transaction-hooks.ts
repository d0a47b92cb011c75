// MikroORM's em.transactional runs its callback inside TransactionContext's AsyncLocalStorage. Once a storage has
// run, Node keeps its promise hooks on for every promise the process creates, for good: a server has run a
// transaction within a second of starting (kill switch overrides, the dispatcher), so every read paid for them
// (`npm run bench:floor`: the dashboard query 4.13 -> 4.64 ms of CPU). The storage is needed only while a
// transaction runs: it is switched off again when the last running one ends (a nested one counts as running),
// and MikroORM's next transaction switches it on by itself (AsyncLocalStorage.run enables a disabled storage).
import type { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager, TransactionContext } from '@mikro-orm/core';

/** MikroORM's storage (a private static: its type says so, it is the one TransactionContext.create runs in). */
export const transactionStorage = (TransactionContext as unknown as { storage: AsyncLocalStorage<unknown> }).storage;

let running = 0;
let installed = false;

/** Idempotent: wraps EntityManager.prototype.transactional once per process. */
export function releasePromiseHooksAfterTransactions(): void {
  if (installed) return;
  installed = true;
  const transactional = EntityManager.prototype.transactional;
  EntityManager.prototype.transactional = async function (this: EntityManager, ...args: Parameters<EntityManager['transactional']>) {
    running++;
    try {
      return await transactional.apply(this, args);
    } finally {
      if (--running === 0) transactionStorage.disable();
    }
  } as EntityManager['transactional'];
}
