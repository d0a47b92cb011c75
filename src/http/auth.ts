// API keys for everything but /health, /metrics and the GraphiQL page: X-API-Key or Authorization: Bearer.
// AUTOPACK_API_KEY may do anything; AUTOPACK_READ_API_KEY may run queries only.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

type Role = 'admin' | 'read';

export type AuthResult =
  | { ok: true; role: Role; via: 'api-key' | 'read-api-key' | 'anonymous' }
  | { ok: false; status: 401 | 403; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string };

export interface Keys {
  apiKey: string | null;
  readApiKey: string | null;
}

function presentedKey(headers: IncomingHttpHeaders): string | null {
  const header = headers['x-api-key'];
  const direct = Array.isArray(header) ? header[0] : header;
  if (direct?.trim()) return direct.trim();
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return bearer ? bearer[1].trim() : null;
}

// Comparing fixed-length digests keeps the comparison constant-time whatever the key lengths. The configured
// keys' digests are worked out once (a handful of keys per process: tests start servers with new ones), so a
// request hashes only the key it presents.
const digest = (s: string) => createHash('sha256').update(s).digest();
const configured = new Map<string, Buffer>();
function keyDigest(key: string): Buffer {
  let d = configured.get(key);
  if (!d) configured.set(key, (d = digest(key)));
  return d;
}

export function authenticate(keys: Keys, headers: IncomingHttpHeaders): AuthResult {
  if (keys.apiKey === null) return { ok: true, role: 'admin', via: 'anonymous' };
  const key = presentedKey(headers);
  if (!key) return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'API key required: send it in the X-API-Key header' };
  // Both comparisons always run, so timing does not tell which key matched.
  const presented = digest(key);
  const admin = timingSafeEqual(presented, keyDigest(keys.apiKey));
  const read = keys.readApiKey !== null && timingSafeEqual(presented, keyDigest(keys.readApiKey));
  if (admin) return { ok: true, role: 'admin', via: 'api-key' };
  if (read) return { ok: true, role: 'read', via: 'read-api-key' };
  return { ok: false, status: 403, code: 'FORBIDDEN', message: 'Invalid API key' };
}

/**
 * Who is calling, for audit fields (who overrode a kill switch): the key that authenticated the request,
 * never a name the client sends - a header would let any key holder write someone else's name.
 */
export function requestActor(auth: AuthResult): string {
  if (!auth.ok) return 'anonymous';
  return { 'api-key': 'admin', 'read-api-key': 'read', anonymous: 'anonymous' }[auth.via];
}

/** Whether the request presented a valid key (in open mode nobody does): it may see audit details. */
export const hasKey = (auth: AuthResult): boolean => auth.ok && auth.via !== 'anonymous';
