// Database failures that are not bugs: the database is down, unreachable, read-only or full. They are
// answered as SERVICE_UNAVAILABLE with a plain reason (the transaction was rolled back, nothing written).
import { ConnectionException } from '@mikro-orm/core';

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE', 'SQLITE_CANTOPEN', 'SQLITE_IOERR']);
// PostgreSQL SQLSTATEs: connection exceptions (08*), operator intervention (57P*), too many connections,
// database does not exist.
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[1-4]|53300|3D000)$/;

type ErrorLike = { code?: unknown; sqlState?: unknown; message?: unknown; cause?: unknown; errno?: unknown; thrownValue?: unknown };

// graphql-js wraps a thrown value that is not an Error of its realm (a driver error from another VM
// context) in a NonErrorThrown that keeps it as `thrownValue`.
function chain(e: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  for (let cur = e as ErrorLike | undefined, i = 0; cur && typeof cur === 'object' && i < 5; cur = (cur.cause ?? cur.thrownValue) as ErrorLike | undefined, i++)
    out.push(cur);
  return out;
}

/** A client-facing reason when `e` means the database cannot serve now; null for anything else. */
export function databaseUnavailableReason(e: unknown): string | null {
  for (const c of chain(e)) {
    const code = String(c.code ?? '');
    const message = String(c.message ?? '');
    if (code === 'SQLITE_READONLY' || /attempt to write a readonly database/i.test(message)) return 'Database is read-only: nothing was written';
    if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === '53100' || /database or disk is full|No space left/i.test(message))
      return 'Database disk is full: nothing was written';
    if (code === 'SQLITE_BUSY') return 'Database is busy: retry shortly';
    // statement_timeout (AUTOPACK_DB_STATEMENT_TIMEOUT_MS): the server cancelled the statement and with it
    // the transaction; an idle-in-transaction timeout ends the session the same way.
    if (code === '57014' || /canceling statement due to statement timeout/i.test(message)) {
      return 'Database statement exceeded its time limit and was cancelled: nothing was written';
    }
    if (code === '25P03') return 'Database transaction was idle past its time limit and was ended: nothing was written';
    if (c instanceof ConnectionException || UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(String(c.sqlState ?? code)))
      return 'Database unavailable: retry shortly';
    if (
      /Connection terminated|Timeout acquiring a connection|the database system is (starting up|shutting down)|terminating connection due to administrator command/i.test(
        message,
      )
    ) {
      return 'Database unavailable: retry shortly';
    }
  }
  return null;
}
