// driverDate reads the drivers' timestamp text digit by digit; Date's own parser is the reference it must match.
import { driverDate } from '../../src/db/driver-date';

/** What the drivers' text means, as Date's parser reads it once brought to ISO 8601. */
function byDateParser(text: string): number {
  const iso = text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`).getTime();
}

const pad = (v: number, width: number) => String(v).padStart(width, '0');

describe('driverDate', () => {
  it('reads the text forms of both drivers as Date parses them', () => {
    let seed = 7;
    const next = (m: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % m;
    const zones = ['', 'Z', '+00', '-00', '+05:30', '-08', '+0200', '-0345'];
    for (let k = 0; k < 5000; k++) {
      const day = `${pad(1970 + next(120), 4)}-${pad(1 + next(12), 2)}-${pad(1 + next(28), 2)}`;
      const time = `${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}`;
      const fraction = k % 7 === 0 ? '' : `.${pad(next(10 ** (k % 7)), k % 7)}`;
      const text = `${day}${k % 2 ? ' ' : 'T'}${time}${fraction}${zones[k % zones.length]}`;
      expect([text, driverDate(text).getTime()]).toEqual([text, byDateParser(text)]);
    }
  });

  it('cuts microseconds to milliseconds, as the driver does', () => {
    expect(driverDate('2026-11-30 12:34:56.999999+00').toISOString()).toBe('2026-11-30T12:34:56.999Z');
    expect(driverDate('2026-11-30 12:34:56.1+00').toISOString()).toBe('2026-11-30T12:34:56.100Z');
  });

  it('takes Dates, epoch milliseconds as numbers and digit strings, and other text through Date', () => {
    const at = new Date('2026-01-02T03:04:05.006Z');
    expect(driverDate(at)).toBe(at);
    expect(driverDate(at.getTime()).getTime()).toBe(at.getTime());
    expect(driverDate(String(at.getTime())).getTime()).toBe(at.getTime());
    expect(driverDate('2026-01-02T03:04:05.006+0000').getTime()).toBe(at.getTime());
    expect(driverDate('0099-01-02 03:04:05').getTime()).toBe(byDateParser('0099-01-02 03:04:05'));
    expect(Number.isNaN(driverDate('2026-01-02 03:04:05 extra').getTime())).toBe(true);
  });
});
