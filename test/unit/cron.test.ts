import { describe, expect, it } from 'vitest';
import { parseCron } from '../../infra/local/cron.ts';

/**
 * Times are given in UTC; the schedule is read in WIB (UTC+7).
 * Week of 2026-11-30 (WIB): Mon 30 Nov, Tue 1 Dec, ... Fri 4 Dec, Sat 5 Dec, Sun 6 Dec.
 */
const cases: [label: string, cron: string, at: string, expected: boolean][] = [
  // Daily at 01:00 WIB
  ['01:00 WIB is 18:00 UTC the day before', '0 1 * * ? *', '2026-11-29T18:00:00Z', true],
  ['01:00 UTC is 08:00 WIB', '0 1 * * ? *', '2026-11-29T01:00:00Z', false],
  ['one minute late', '0 1 * * ? *', '2026-11-29T18:01:00Z', false],
  ['seconds do not matter', '0 1 * * ? *', '2026-11-29T18:00:42Z', true],

  // Day of week, weekdays at 08:00 WIB (01:00 UTC)
  ['MON-FRI on Monday', '0 8 ? * MON-FRI *', '2026-11-30T01:00:00Z', true],
  ['MON-FRI on Friday', '0 8 ? * MON-FRI *', '2026-12-04T01:00:00Z', true],
  ['MON-FRI on Saturday', '0 8 ? * MON-FRI *', '2026-12-05T01:00:00Z', false],
  ['MON-FRI on Sunday', '0 8 ? * MON-FRI *', '2026-12-06T01:00:00Z', false],
  ['2-6 on Monday', '0 8 ? * 2-6 *', '2026-11-30T01:00:00Z', true],
  ['2-6 on Friday', '0 8 ? * 2-6 *', '2026-12-04T01:00:00Z', true],
  ['2-6 on Saturday', '0 8 ? * 2-6 *', '2026-12-05T01:00:00Z', false],
  ['2-6 on Sunday', '0 8 ? * 2-6 *', '2026-12-06T01:00:00Z', false],
  ['1 is Sunday', '0 8 ? * 1 *', '2026-12-06T01:00:00Z', true],
  ['1 is not Monday', '0 8 ? * 1 *', '2026-11-30T01:00:00Z', false],
  ['7 is Saturday', '0 8 ? * 7 *', '2026-12-05T01:00:00Z', true],
  ['SUN by name', '0 8 ? * SUN *', '2026-12-06T01:00:00Z', true],
  ['day names in a list, lower case', '0 8 ? * mon,wed *', '2026-12-02T01:00:00Z', true],
  ['day names in a list, a day not listed', '0 8 ? * MON,WED *', '2026-12-01T01:00:00Z', false],
  ['the weekday is the WIB one: Sunday 17:30 UTC is Monday 00:30 WIB', '30 0 ? * MON *', '2026-11-29T17:30:00Z', true],
  ['the weekday is the WIB one: not Sunday', '30 0 ? * SUN *', '2026-11-29T17:30:00Z', false],

  // Lists, ranges, steps
  ['hour list, listed', '0 8,12,16 * * ? *', '2026-11-30T05:00:00Z', true],
  ['hour list, not listed', '0 8,12,16 * * ? *', '2026-11-30T06:00:00Z', false],
  ['hour range, start', '0 9-11 * * ? *', '2026-11-30T02:00:00Z', true],
  ['hour range, end', '0 9-11 * * ? *', '2026-11-30T04:00:00Z', true],
  ['hour range, after the end', '0 9-11 * * ? *', '2026-11-30T05:00:00Z', false],
  ['0/15 at :00', '0/15 * * * ? *', '2026-11-30T05:00:00Z', true],
  ['0/15 at :45', '0/15 * * * ? *', '2026-11-30T05:45:00Z', true],
  ['0/15 at :10', '0/15 * * * ? *', '2026-11-30T05:10:00Z', false],
  ['5/20 at :25', '5/20 * * * ? *', '2026-11-30T05:25:00Z', true],
  ['5/20 at :20', '5/20 * * * ? *', '2026-11-30T05:20:00Z', false],
  ['*/30 at :30', '*/30 * * * ? *', '2026-11-30T05:30:00Z', true],
  ['a stepped range 10-30/10 at :20', '10-30/10 * * * ? *', '2026-11-30T05:20:00Z', true],
  ['a stepped range 10-30/10 at :40', '10-30/10 * * * ? *', '2026-11-30T05:40:00Z', false],

  // Day of month, month, year — all on the WIB calendar
  ['day of month 1, 00:00 WIB on the 1st is the 30th in UTC', '0 0 1 * ? *', '2026-11-30T17:00:00Z', true],
  ['day of month 1, the UTC 1st at 17:00 is the 2nd in WIB', '0 0 1 * ? *', '2026-12-01T17:00:00Z', false],
  ['day of month list 5,20', '0 7 5,20 * ? *', '2026-12-20T00:00:00Z', true],
  ['month names: JAN,JUL in January', '0 0 1 JAN,JUL ? *', '2026-12-31T17:00:00Z', true],
  ['month names: JAN,JUL in December', '0 0 1 JAN,JUL ? *', '2026-11-30T17:00:00Z', false],
  ['month range by name DEC', '0 0 1 OCT-DEC ? *', '2026-11-30T17:00:00Z', true],
  ['month numbers 1,7 in July', '0 0 1 1,7 ? *', '2027-06-30T17:00:00Z', true],
  ['year field: 2027 starts at 17:00 UTC on 31 Dec 2026', '0 0 1 JAN ? 2027', '2026-12-31T17:00:00Z', true],
  ['year field: another year', '0 0 1 JAN ? 2027', '2027-12-31T17:00:00Z', false],
  ['year range', '0 0 1 JAN ? 2027-2029', '2028-12-31T17:00:00Z', true],
];

const errors: [label: string, cron: string][] = [
  ['5 fields (unix style)', '0 1 * * ?'],
  ['7 fields', '0 0 1 * * ? *'],
  ['empty', ''],
  ['both day-of-month and day-of-week set', '0 1 * * * *'],
  ['both day-of-month and day-of-week set to values', '0 1 1 * MON *'],
  ['neither day field set', '0 1 ? * ? *'],
  ['minute 60', '60 1 * * ? *'],
  ['hour 24', '0 24 * * ? *'],
  ['day of month 0', '0 1 0 * ? *'],
  ['day of month 32', '0 1 32 * ? *'],
  ['month 0', '0 1 1 0 ? *'],
  ['month 13', '0 1 1 13 ? *'],
  ['day of week 0 (EventBridge counts 1-7)', '0 1 ? * 0 *'],
  ['day of week 8', '0 1 ? * 8 *'],
  ['year 1969', '0 1 * * ? 1969'],
  ['a range ending out of range', '0 20-25 * * ? *'],
  ['an unknown month name', '0 1 1 FOO ? *'],
  ['an unknown day name', '0 1 ? * FUN *'],
  ['step 0', '0/0 1 * * ? *'],
  ['a non-numeric step', '0/x 1 * * ? *'],
  ['a fractional value', '1.5 1 * * ? *'],
];

describe('parseCron(...).matches', () => {
  it.each(cases)('%s: %s at %s → %s', (_label, cron, at, expected) => {
    expect(parseCron(cron).matches(new Date(at))).toBe(expected);
  });
});

describe('parseCron refuses what EventBridge refuses', () => {
  it.each(errors)('%s: %j', (_label, cron) => {
    expect(() => parseCron(cron)).toThrow();
  });
});

describe('a whole day of a weekday schedule', () => {
  it('0 8 ? * MON-FRI * fires exactly once on a Monday and never on a Sunday', () => {
    const cron = parseCron('0 8 ? * MON-FRI *');
    const firings = (startUtc: string) => {
      const start = Date.parse(startUtc);
      const hits: string[] = [];
      for (let m = 0; m < 24 * 60; m++) {
        const at = new Date(start + m * 60_000);
        if (cron.matches(at)) hits.push(at.toISOString());
      }
      return hits;
    };
    // The WIB day Monday 30 Nov 2026 runs from 2026-11-29T17:00Z to 2026-11-30T17:00Z.
    expect(firings('2026-11-29T17:00:00Z')).toEqual(['2026-11-30T01:00:00.000Z']);
    expect(firings('2026-12-05T17:00:00Z')).toEqual([]);
  });
});
