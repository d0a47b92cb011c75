// The publishing API for services: record what a write changed, in the writing transaction. At commit, the
// touched runs' versions are incremented (in the transaction: the row lock orders writers of one run, so
// versions follow commit order), then:
// - PostgreSQL: `select pg_notify(...)` on the transaction's connection, just before COMMIT, so an aborted
//   write notifies nobody and listeners hear of a change only once it is visible;
// - SQLite: the changes are handed to this process's bus after COMMIT (one server, in-process).
// Services call touchRun / flagsChanged and know nothing else about the feed.
import { helper, type Configuration, type EventSubscriber, type Transaction, type TransactionEventArgs } from '@mikro-orm/core';
import { Run, type DashboardEvent } from '../../db/entities';
import { isPostgres, type Em } from '../../db/orm';
import { encode, type Change, type RunChange } from './changes';

/** The PostgreSQL NOTIFY channel of the feed. */
export const CHANNEL = 'autopack_changes';

interface RunTouch {
  row: boolean;
  phases: Set<number> | 'all';
  events: (DashboardEvent | number)[];
  metrics: number[];
}

interface Pending {
  runs: Map<string, RunTouch>;
  flags: boolean;
  /** Built before COMMIT, published after it (SQLite). */
  built?: Change[];
}

export interface RunTouchInput {
  /** The run row changed (state, tokens, timestamps) or was created. */
  row?: boolean;
  /** Phases changed: their database ids, or 'all' (a statement changed several). */
  phases?: readonly number[] | 'all';
  /** Dashboard events created (entities get their ids at flush, before commit). */
  events?: readonly (DashboardEvent | null | number)[];
  /** phase_metrics rows inserted. */
  metrics?: readonly number[];
}

type Publisher = (changes: Change[]) => void;

const pendingByTransaction = new WeakMap<object, Pending>();
/** The in-process bus of each ORM that has one (SQLite servers), keyed by the ORM's configuration. */
const localPublishers = new WeakMap<Configuration, Publisher>();

/** The outermost transaction: a savepoint's changes commit (or not) with it. */
function rootTransaction(trx: Transaction): object {
  let ctx = trx as Record<symbol, unknown>;
  for (;;) {
    const parent = Object.getOwnPropertySymbols(ctx).find((s) => s.description === 'parentTransaction');
    if (!parent || !ctx[parent]) return ctx;
    ctx = ctx[parent] as Record<symbol, unknown>;
  }
}

const emptyPending = (): Pending => ({ runs: new Map(), flags: false });

function merge(pending: Pending, runId: string, what: RunTouchInput): void {
  let t = pending.runs.get(runId);
  if (!t) pending.runs.set(runId, (t = { row: false, phases: new Set(), events: [], metrics: [] }));
  if (what.row) t.row = true;
  if (what.phases === 'all') t.phases = 'all';
  else if (what.phases && t.phases !== 'all') for (const id of what.phases) t.phases.add(id);
  for (const e of what.events ?? []) if (e) t.events.push(e);
  t.metrics.push(...(what.metrics ?? []));
}

/**
 * Records, in the writing transaction of `em`, that it changed run `runId` (or what lies under it); the change
 * is published when that transaction commits, and forgotten if it rolls back. Every run write happens in a
 * transaction (em.transactional): calling this outside one is a bug and throws.
 */
export function touchRun(em: Em, runId: string, what: RunTouchInput): void {
  const trx = em.getTransactionContext();
  if (!trx) throw new Error(`touchRun(${runId}) outside a transaction: the change could not be published at its commit`);
  merge(pendingFor(trx), runId, what);
}

/** Records that a kill switch override was set or cleared (every server re-reads them at once). */
export async function flagsChanged(em: Em): Promise<void> {
  const trx = em.getTransactionContext();
  if (trx) {
    pendingFor(trx).flags = true;
    return;
  }
  await publishNow(em, { ...emptyPending(), flags: true });
}

function pendingFor(trx: Transaction): Pending {
  const root = rootTransaction(trx);
  let pending = pendingByTransaction.get(root);
  if (!pending) pendingByTransaction.set(root, (pending = emptyPending()));
  return pending;
}

/** Increments the touched runs' versions in `trx` and returns the changes to publish. */
async function build(em: Em, pending: Pending, trx?: Transaction): Promise<Change[]> {
  const at = Date.now();
  const changes: Change[] = [];
  const ids = [...pending.runs.keys()];
  if (ids.length) {
    const rows: { id: string; version: unknown; campaign_id: string | null }[] = await em
      .getConnection()
      .execute(
        `update "runs" set "version" = "version" + 1 where "id" in (${ids.map(() => '?').join(', ')}) returning "id", "version", "campaign_id"`,
        ids,
        'all',
        trx,
      );
    for (const row of rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const t = pending.runs.get(row.id)!;
      syncVersion(em, row.id, Number(row.version));
      const events = t.events.map((e) => (typeof e === 'number' ? e : e.id)).filter((id) => Number.isSafeInteger(id));
      const change: RunChange = { k: 'run', r: row.id, v: Number(row.version), at };
      if (t.row) change.row = 1;
      if (t.phases === 'all' || t.phases.size) change.ph = t.phases === 'all' ? 'all' : [...t.phases];
      if (events.length) change.ev = events;
      if (t.metrics.length) change.pm = t.metrics;
      if (row.campaign_id) change.c = row.campaign_id;
      changes.push(change);
    }
  }
  if (pending.flags) changes.push({ k: 'flags', at });
  return changes;
}

/** A run entity this transaction holds (e.g. the one createRun returns) shows its new version, without a dirty flag. */
function syncVersion(em: Em, id: string, version: number): void {
  const run = em.getUnitOfWork().getById<Run>(Run.name, id);
  if (!run) return;
  run.version = version;
  const original = helper(run).__originalEntityData as Record<string, unknown> | undefined;
  if (original) original.version = version;
}

async function notify(em: Em, changes: Change[], trx?: Transaction): Promise<void> {
  const payloads = changes.flatMap(encode);
  if (!payloads.length) return;
  const sql = `select ${payloads.map(() => 'pg_notify(?, ?)').join(', ')}`;
  await em.getConnection().execute(
    sql,
    payloads.flatMap((p) => [CHANNEL, p]),
    'all',
    trx,
  );
}

async function publishNow(em: Em, pending: Pending): Promise<void> {
  const changes = await build(em, pending);
  if (isPostgres(em)) return notify(em, changes);
  localPublishers.get(em.config)?.(changes);
}

/** Publishes the changes of each transaction at its commit (registered on every ORM, see db/orm.ts). */
export class ChangePublisher implements EventSubscriber {
  async beforeTransactionCommit({ em, transaction }: TransactionEventArgs): Promise<void> {
    const pending = transaction && pendingByTransaction.get(transaction);
    if (!pending) return;
    const sqlEm = em as Em;
    pending.built = await build(sqlEm, pending, transaction);
    if (isPostgres(sqlEm)) await notify(sqlEm, pending.built, transaction);
  }

  afterTransactionCommit({ em, transaction }: TransactionEventArgs): void {
    const pending = transaction && pendingByTransaction.get(transaction);
    if (!pending) return;
    pendingByTransaction.delete(transaction);
    if (!isPostgres(em as Em) && pending.built?.length) localPublishers.get(em.config)?.(pending.built);
  }

  afterTransactionRollback({ transaction }: TransactionEventArgs): void {
    if (transaction) pendingByTransaction.delete(transaction);
  }
}

/** Routes the changes committed through `orm`'s connections to `publish` (the SQLite server's bus). */
export function attachLocalPublisher(config: Configuration, publish: Publisher): () => void {
  localPublishers.set(config, publish);
  return () => localPublishers.delete(config);
}
