// API key check for everything but /health and the GraphiQL page: X-API-Key or Authorization: Bearer.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type AuthResult = { ok: true } | { ok: false; status: 401 | 403; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

function presentedKey(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-api-key'];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct?.trim()) return direct.trim();
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return bearer ? bearer[1].trim() : null;
}

// Comparing fixed-length digests keeps the comparison constant-time whatever the key lengths.
const digest = (s: string) => createHash('sha256').update(s).digest();

export function authenticate(expected: string | null, headers: IncomingHttpHeaders): AuthResult {
  if (expected === null) return { ok: true };
  const key = presentedKey(headers);
  if (!key) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'API key required: send it in the X-API-Key header' };
  if (!timingSafeEqual(digest(key), digest(expected))) return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Invalid API key' };
  return { ok: true };
}

/**
 * Who is calling, for audit fields: the X-Autopack-Actor header (a name the caller gives, up to 64
 * printable characters) plus how the call was authenticated.
 */
export function requestActor(expected: string | null, headers: IncomingHttpHeaders): string {
  const raw = headers['x-autopack-actor'];
  const name = (Array.isArray(raw) ? raw[0] : raw)?.trim().replace(/[^\x20-\x7e]/g, '').slice(0, 64);
  const via = expected === null ? 'anonymous' : 'api-key';
  return name ? `${name} (${via})` : via;
}
