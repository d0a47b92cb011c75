// The change payloads travel as PostgreSQL NOTIFY payloads: small, below 8000 bytes, lossless.
import { decode, encode, fromRanges, MAX_PAYLOAD_BYTES, toRanges, type RunChange } from '../../src/modules/live/changes';

describe('live change payloads', () => {
  it('encode consecutive ids as ranges', () => {
    expect(toRanges([5, 3, 4, 9, 10, 12])).toEqual([3, 5, 9, 10, 12, 12]);
    expect(fromRanges(toRanges([5, 3, 4, 9, 10, 12]))).toEqual([3, 4, 5, 9, 10, 12]);
  });

  it('round-trip a change', () => {
    const change: RunChange = { k: 'run', r: 'run-1', v: 7, row: 1, ph: [3, 4], ev: [10, 11], pm: [20], c: 'campaign-x', at: 1 };
    expect(encode(change).map(decode)).toEqual([change]);
    expect(encode({ k: 'flags', at: 2 }).map(decode)).toEqual([{ k: 'flags', at: 2 }]);
    expect(encode({ k: 'mark', m: 'server-a:1', at: 3 }).map(decode)).toEqual([{ k: 'mark', m: 'server-a:1', at: 3 }]);
    expect(decode('{"k":"mark","at":3}')).toBeNull(); // a marker without its id places nothing
  });

  it('split 1000 scattered ids below the NOTIFY limit; only the first part carries the row and phases', () => {
    const pm = Array.from({ length: 1000 }, (_, i) => 1_000_000_000 + i * 2); // no two consecutive
    const payloads = encode({ k: 'run', r: 'r'.repeat(128), v: 2, row: 1, ph: 'all', pm, at: 3 });
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const parts = payloads.map((p) => decode(p) as RunChange);
    expect(parts.flatMap((p) => p.pm ?? [])).toEqual(pm);
    expect(parts.map((p) => [p.row, p.ph])).toEqual([[1, 'all'], ...parts.slice(1).map(() => [undefined, undefined])]);
    expect(parts.every((p) => p.r === 'r'.repeat(128) && p.v === 2)).toBe(true);
  });

  it('ignore payloads that are not ours', () => {
    expect(decode('hello')).toBeNull();
    expect(decode('{"k":"run"}')).toBeNull();
  });
});
