// What one committed transaction changed, as it travels between servers: small (ids and versions only, the
// data is read back through the normal batch reads) and JSON, to fit a PostgreSQL NOTIFY payload.

/** A change to one run or to what lies under it, committed at run version `v`. */
export interface RunChange {
  k: 'run';
  /** run id */
  r: string;
  /** the run's version after this transaction */
  v: number;
  /** the run row itself changed (state, tokens, timestamps) or was created */
  row?: 1;
  /** changed phases (database ids), or 'all' of the run's phases */
  ph?: number[] | 'all';
  /** new dashboard event ids */
  ev?: number[];
  /** new phase_metrics ids */
  pm?: number[];
  /** the replay campaign the run belongs to, if any */
  c?: string;
  /** milliseconds since the epoch when the writer published it (notify lag) */
  at: number;
}

/** A kill switch override was set or cleared: every server re-reads the overrides now. */
interface FlagsChange {
  k: 'flags';
  at: number;
}

/**
 * A server's own marker, sent when a subscription starts: it arrives among the changes in commit order, so the
 * changes before it were committed before the subscription started and those after it, after.
 */
interface MarkChange {
  k: 'mark';
  /** the marker's id (unique to its server; other servers ignore it) */
  m: string;
  at: number;
}

export type Change = RunChange | FlagsChange | MarkChange;

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7900;

/** Consecutive ids as [first, last] pairs, flattened: 1000 ids inserted by one statement stay a few bytes. */
export function toRanges(ids: readonly number[]): number[] {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const id of sorted) {
    if (out.length && out[out.length - 1] === id - 1) out[out.length - 1] = id;
    else out.push(id, id);
  }
  return out;
}

export function fromRanges(ranges: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) for (let id = ranges[i]; id <= ranges[i + 1]; id++) out.push(id);
  return out;
}

interface Wire {
  k: 'run' | 'flags' | 'mark';
  at: number;
  m?: string;
  r?: string;
  v?: number;
  row?: 1;
  ph?: number[] | 'all';
  ev?: number[];
  pm?: number[];
  c?: string;
}

/**
 * The payloads for `change`: one, or several when its id lists do not fit one NOTIFY. Only the first carries
 * the row and phase parts, so a consumer handles each of those once.
 */
export function encode(change: Change): string[] {
  if (change.k !== 'run') return [JSON.stringify(change)];
  const base: Wire = { k: 'run', r: change.r, v: change.v, at: change.at, ...(change.c ? { c: change.c } : {}) };
  const first: Wire = { ...base, ...(change.row ? { row: 1 } : {}), ...(change.ph ? { ph: change.ph === 'all' ? 'all' : toRanges(change.ph) } : {}) };
  const lists: ['ev' | 'pm', number[]][] = [
    ['ev', toRanges(change.ev ?? [])],
    ['pm', toRanges(change.pm ?? [])],
  ];
  const out: Wire[] = [first];
  // Sizes are added up as pairs are appended (ids are ASCII digits), not re-serialised each time.
  let size = Buffer.byteLength(JSON.stringify(first));
  for (const [key, ranges] of lists) {
    for (let i = 0; i < ranges.length; i += 2) {
      let last = out[out.length - 1];
      const pairBytes = String(ranges[i]).length + String(ranges[i + 1]).length + 2;
      const listBytes = last[key] ? 0 : key.length + 6; // ,"ev":[] the first time
      if (size + pairBytes + listBytes > MAX_PAYLOAD_BYTES) {
        last = { ...base };
        out.push(last);
        size = Buffer.byteLength(JSON.stringify(base));
      }
      const list = (last[key] ??= []);
      size += pairBytes + (list.length ? 0 : key.length + 6);
      list.push(ranges[i], ranges[i + 1]);
    }
  }
  return out.map((w) => JSON.stringify(w));
}

/** The change in a payload, or null when it is not one of ours (a foreign NOTIFY on the channel). */
export function decode(payload: string): Change | null {
  let w: Wire;
  try {
    w = JSON.parse(payload) as Wire;
  } catch {
    return null;
  }
  if (w?.k === 'flags') return { k: 'flags', at: Number(w.at) || Date.now() };
  if (w?.k === 'mark') return typeof w.m === 'string' ? { k: 'mark', m: w.m, at: Number(w.at) || Date.now() } : null;
  if (w?.k !== 'run' || typeof w.r !== 'string' || !Number.isSafeInteger(w.v)) return null;
  return {
    k: 'run',
    r: w.r,
    v: w.v!,
    at: Number(w.at) || Date.now(),
    ...(w.row ? { row: 1 as const } : {}),
    ...(w.ph ? { ph: w.ph === 'all' ? ('all' as const) : fromRanges(w.ph) } : {}),
    ...(w.ev ? { ev: fromRanges(w.ev) } : {}),
    ...(w.pm ? { pm: fromRanges(w.pm) } : {}),
    ...(w.c ? { c: w.c } : {}),
  };
}
