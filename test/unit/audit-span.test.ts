/** wibSpan: the audit keys' time range of a WIB month or day (UTC ISO, end exclusive). */
import { describe, expect, it } from 'vitest';
import { wibSpan } from '../../shared/domain/audit.ts';

describe('wibSpan', () => {
  it.each([
    ['a month', '2026-11', undefined, ['2026-10-31T17:00:00.000Z', '2026-11-30T17:00:00.000Z']],
    [
      'December runs into the next year',
      '2026-12',
      undefined,
      ['2026-11-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    ],
    ['one day', '2026-11', 27, ['2026-11-26T17:00:00.000Z', '2026-11-27T17:00:00.000Z']],
    ['the last day of a month', '2026-11', 30, ['2026-11-29T17:00:00.000Z', '2026-11-30T17:00:00.000Z']],
    ['a leap day', '2028-02', 29, ['2028-02-28T17:00:00.000Z', '2028-02-29T17:00:00.000Z']],
    ['a day the month lacks', '2026-11', 31, undefined],
    ['30 February', '2026-02', 30, undefined],
  ] as const)('%s', (_label, month, day, expected) => {
    expect(wibSpan(month, day)).toEqual(expected);
  });

  it('keeps an entry at the first instant and leaves out one at the end', () => {
    const [from, to] = wibSpan('2026-11', 27)!;
    const key = (at: string) => `${at}#evt`;
    expect(key(from) >= from && key(from) <= to).toBe(true);
    expect(key(to) <= to).toBe(false);
  });
});
