import { describe, expect, it } from 'vitest';
import {
  type HoursVersion,
  hoursOn,
  hoursProblems,
  type Interval,
  serviceMillis,
  type WeeklyHours,
  workingDaysBetween,
} from '../../shared/domain/service-hours.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const iv = (open: string, close: string): Interval => ({ open, close });
const noHolidays: ReadonlySet<string> = new Set();

/** Disdukcapil Kota Medan as reported: Mon–Fri 08:00–20:00, Saturday 08:00–12:00, Sunday closed. */
const disdukcapil: WeeklyHours = {
  sun: [],
  mon: [iv('08:00', '20:00')],
  tue: [iv('08:00', '20:00')],
  wed: [iv('08:00', '20:00')],
  thu: [iv('08:00', '20:00')],
  fri: [iv('08:00', '20:00')],
  sat: [iv('08:00', '12:00')],
};

/** A counter with a lunch break: 08:00–12:00 and 13:00–16:00 on weekdays, closed at weekends. */
const withLunch: WeeklyHours = {
  sun: [],
  mon: [iv('08:00', '12:00'), iv('13:00', '16:00')],
  tue: [iv('08:00', '12:00'), iv('13:00', '16:00')],
  wed: [iv('08:00', '12:00'), iv('13:00', '16:00')],
  thu: [iv('08:00', '12:00'), iv('13:00', '16:00')],
  fri: [iv('08:00', '12:00'), iv('13:00', '16:00')],
  sat: [],
};

/** Shorter weekday hours (08:00–16:00), used as the older version when hours change mid-span. */
const shortWeekdays: WeeklyHours = {
  sun: [],
  mon: [iv('08:00', '16:00')],
  tue: [iv('08:00', '16:00')],
  wed: [iv('08:00', '16:00')],
  thu: [iv('08:00', '16:00')],
  fri: [iv('08:00', '16:00')],
  sat: [],
};

/** Evening service up to midnight on Monday, continuing 00:00–02:00 on Tuesday. */
const lateNight: WeeklyHours = {
  sun: [],
  mon: [iv('16:00', '24:00')],
  tue: [iv('00:00', '02:00')],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
};
const allDay: WeeklyHours = {
  sun: [iv('00:00', '24:00')],
  mon: [iv('00:00', '24:00')],
  tue: [iv('00:00', '24:00')],
  wed: [iv('00:00', '24:00')],
  thu: [iv('00:00', '24:00')],
  fri: [iv('00:00', '24:00')],
  sat: [iv('00:00', '24:00')],
};

const since2020 = (weekly: WeeklyHours): HoursVersion[] => [{ effectiveFrom: '2020-01-01', weekly }];
/** Hours change on Wednesday 2026-01-07: 08:00–16:00 before, 08:00–20:00 (Sat 08:00–12:00) from then on. Deliberately unsorted. */
const changedOnWednesday: HoursVersion[] = [
  { effectiveFrom: '2026-01-07', weekly: disdukcapil },
  { effectiveFrom: '2025-01-01', weekly: shortWeekdays },
];

// Calendar used below (WIB): 2026-01-05 Mon, 01-06 Tue, 01-07 Wed, 01-09 Fri, 01-10 Sat, 01-11 Sun, 01-12 Mon;
// 2026-01-30 Fri, 02-02 Mon; 2025-12-24 Wed, 12-25 Thu, 12-26 Fri, 12-27 Sat, 12-29 Mon; 2025-12-31 Wed, 2026-01-02 Fri.
const cases: [
  label: string,
  from: string,
  to: string,
  versions: HoursVersion[],
  holidays: string[],
  expected: number,
][] = [
  [
    'same day, within hours (Mon 09:00 → 10:15)',
    '2026-01-05T09:00:00+07:00',
    '2026-01-05T10:15:00+07:00',
    since2020(disdukcapil),
    [],
    75 * MIN,
  ],
  [
    'received before opening (Mon 06:30 → 08:20)',
    '2026-01-05T06:30:00+07:00',
    '2026-01-05T08:20:00+07:00',
    since2020(disdukcapil),
    [],
    20 * MIN,
  ],
  [
    'completed after closing (Mon 19:00 → 22:00)',
    '2026-01-05T19:00:00+07:00',
    '2026-01-05T22:00:00+07:00',
    since2020(disdukcapil),
    [],
    60 * MIN,
  ],
  [
    'entirely outside hours (Mon 20:00 → 23:59)',
    '2026-01-05T20:00:00+07:00',
    '2026-01-05T23:59:00+07:00',
    since2020(disdukcapil),
    [],
    0,
  ],
  [
    'overnight (Mon 19:30 → Tue 08:45 = 30 + 45 min)',
    '2026-01-05T19:30:00+07:00',
    '2026-01-06T08:45:00+07:00',
    since2020(disdukcapil),
    [],
    75 * MIN,
  ],
  ['Sunday only (closed)', '2026-01-11T09:00:00+07:00', '2026-01-11T15:00:00+07:00', since2020(disdukcapil), [], 0],
  [
    'Saturday after noon closing (Sat 11:00 → 15:00)',
    '2026-01-10T11:00:00+07:00',
    '2026-01-10T15:00:00+07:00',
    since2020(disdukcapil),
    [],
    60 * MIN,
  ],
  [
    'Friday evening → Monday morning (Fri 1 h + Sat 4 h + Sun 0 + Mon 1 h)',
    '2026-01-09T19:00:00+07:00',
    '2026-01-12T09:00:00+07:00',
    since2020(disdukcapil),
    [],
    6 * HOUR,
  ],
  [
    'Mon 10:00 → Wed 10:00, no holiday (10 h + 12 h + 2 h)',
    '2026-01-05T10:00:00+07:00',
    '2026-01-07T10:00:00+07:00',
    since2020(disdukcapil),
    [],
    24 * HOUR,
  ],
  [
    'Mon 10:00 → Wed 10:00 with Tuesday a holiday (10 h + 2 h)',
    '2026-01-05T10:00:00+07:00',
    '2026-01-07T10:00:00+07:00',
    since2020(disdukcapil),
    ['2026-01-06'],
    12 * HOUR,
  ],
  [
    'Christmas (Thu) and cuti bersama (Fri) next to the weekend: Wed 1 h + Sat 4 h + Mon 1 h',
    '2025-12-24T19:00:00+07:00',
    '2025-12-29T09:00:00+07:00',
    since2020(disdukcapil),
    ['2025-12-25', '2025-12-26'],
    6 * HOUR,
  ],
  [
    'holiday on a closed day changes nothing (Sunday holiday, Fri 19:00 → Mon 09:00)',
    '2026-01-09T19:00:00+07:00',
    '2026-01-12T09:00:00+07:00',
    since2020(disdukcapil),
    ['2026-01-11'],
    6 * HOUR,
  ],
  [
    'month end (Fri 2026-01-30 15:00 → Mon 2026-02-02 10:00 = 5 h + 4 h + 2 h)',
    '2026-01-30T15:00:00+07:00',
    '2026-02-02T10:00:00+07:00',
    since2020(disdukcapil),
    [],
    11 * HOUR,
  ],
  [
    'year end without holiday (Wed 2025-12-31 18:00 → Fri 2026-01-02 09:00 = 2 h + 12 h + 1 h)',
    '2025-12-31T18:00:00+07:00',
    '2026-01-02T09:00:00+07:00',
    since2020(disdukcapil),
    [],
    15 * HOUR,
  ],
  [
    'year end with New Year holiday (2 h + 0 + 1 h)',
    '2025-12-31T18:00:00+07:00',
    '2026-01-02T09:00:00+07:00',
    since2020(disdukcapil),
    ['2026-01-01'],
    3 * HOUR,
  ],
  [
    'hours change mid-span: Mon 15:00 → Wed 19:00 = Mon 1 h (old, closes 16:00) + Tue 8 h (old) + Wed 11 h (new)',
    '2026-01-05T15:00:00+07:00',
    '2026-01-07T19:00:00+07:00',
    changedOnWednesday,
    [],
    20 * HOUR,
  ],
  [
    'hours change: the day before the change still uses the old hours (Tue 15:00 → 19:00 = 1 h)',
    '2026-01-06T15:00:00+07:00',
    '2026-01-06T19:00:00+07:00',
    changedOnWednesday,
    [],
    1 * HOUR,
  ],
  [
    'hours change: the change day uses the new hours (Wed 15:00 → 19:00 = 4 h)',
    '2026-01-07T15:00:00+07:00',
    '2026-01-07T19:00:00+07:00',
    changedOnWednesday,
    [],
    4 * HOUR,
  ],
  [
    'lunch break: Mon 11:30 → 13:30 = 30 + 30 min',
    '2026-01-05T11:30:00+07:00',
    '2026-01-05T13:30:00+07:00',
    since2020(withLunch),
    [],
    60 * MIN,
  ],
  [
    'lunch break: Mon 07:00 → 17:00 = 4 h + 3 h',
    '2026-01-05T07:00:00+07:00',
    '2026-01-05T17:00:00+07:00',
    since2020(withLunch),
    [],
    7 * HOUR,
  ],
  [
    'lunch break: within the break only',
    '2026-01-05T12:05:00+07:00',
    '2026-01-05T12:55:00+07:00',
    since2020(withLunch),
    [],
    0,
  ],
  [
    'completed before received',
    '2026-01-05T10:00:00+07:00',
    '2026-01-05T09:00:00+07:00',
    since2020(disdukcapil),
    [],
    0,
  ],
  [
    'completed at the instant received',
    '2026-01-05T10:00:00+07:00',
    '2026-01-05T10:00:00+07:00',
    since2020(disdukcapil),
    [],
    0,
  ],
  [
    'UTC input: Mon 09:00 → 10:15 WIB given as 02:00Z → 03:15Z',
    '2026-01-05T02:00:00Z',
    '2026-01-05T03:15:00Z',
    since2020(disdukcapil),
    [],
    75 * MIN,
  ],
  [
    'UTC input across UTC noon: Mon 19:30 WIB (12:30Z) → Tue 08:45 WIB (01:45Z)',
    '2026-01-05T12:30:00Z',
    '2026-01-06T01:45:00Z',
    since2020(disdukcapil),
    [],
    75 * MIN,
  ],
  [
    'UTC input on a UTC Sunday that is Monday in WIB (Sun 23:00Z = Mon 06:00 WIB → Mon 08:30 WIB)',
    '2026-01-04T23:00:00Z',
    '2026-01-05T01:30:00Z',
    since2020(disdukcapil),
    [],
    30 * MIN,
  ],
  [
    'holiday is a WIB date: Tue 2026-01-06 holiday, Mon 23:00Z (Tue 06:00 WIB) → Tue 09:00Z (16:00 WIB)',
    '2026-01-05T23:00:00Z',
    '2026-01-06T09:00:00Z',
    since2020(disdukcapil),
    ['2026-01-06'],
    0,
  ],
  [
    'millisecond exact: 08:00:00.000 → 08:00:30.500',
    '2026-01-05T08:00:00.000+07:00',
    '2026-01-05T08:00:30.500+07:00',
    since2020(disdukcapil),
    [],
    30_500,
  ],
  [
    'millisecond exact across closing: 19:59:59.999 → 20:00:00.001',
    '2026-01-05T19:59:59.999+07:00',
    '2026-01-05T20:00:00.001+07:00',
    since2020(disdukcapil),
    [],
    1,
  ],
  [
    'no hours version in force yet (versions start 2026-02-01, span in January)',
    '2026-01-05T09:00:00+07:00',
    '2026-01-09T15:00:00+07:00',
    [{ effectiveFrom: '2026-02-01', weekly: disdukcapil }],
    [],
    0,
  ],
  [
    'hours begin mid-span: Sat 2026-01-31 10:00 → Mon 2026-02-02 09:00 with hours from 2026-02-01 (Sat not counted)',
    '2026-01-31T10:00:00+07:00',
    '2026-02-02T09:00:00+07:00',
    [{ effectiveFrom: '2026-02-01', weekly: disdukcapil }],
    [],
    1 * HOUR,
  ],
  ['no versions at all', '2026-01-05T09:00:00+07:00', '2026-01-05T10:00:00+07:00', [], [], 0],
  [
    "close '24:00': Mon 22:00 → Tue 01:00 = 2 h + 1 h",
    '2026-01-05T22:00:00+07:00',
    '2026-01-06T01:00:00+07:00',
    since2020(lateNight),
    [],
    3 * HOUR,
  ],
  [
    "close '24:00': up to the last millisecond of Monday",
    '2026-01-05T23:59:59.000+07:00',
    '2026-01-06T00:00:00.000+07:00',
    since2020(lateNight),
    [],
    1000,
  ],
  [
    'open all day (00:00–24:00): Mon 00:00 → Wed 00:00 = 48 h',
    '2026-01-05T00:00:00+07:00',
    '2026-01-07T00:00:00+07:00',
    since2020(allDay),
    [],
    48 * HOUR,
  ],
];

describe('serviceMillis', () => {
  it.each(cases)('%s', (_label, from, to, versions, holidays, expected) => {
    expect(serviceMillis(new Date(from), new Date(to), versions, new Set(holidays))).toBe(expected);
  });

  it.each([
    ['2026-01-05T09:00:00+07:00', '2026-01-05T02:00:00Z'],
    ['2026-01-05T19:30:00+07:00', '2026-01-05T12:30:00Z'],
    ['2026-01-06T08:45:00+07:00', '2026-01-06T01:45:00Z'],
    ['2026-01-05T06:00:00+07:00', '2026-01-04T23:00:00Z'],
  ])('the same instant written as %s and %s gives the same result', (wib, utc) => {
    const end = new Date('2026-01-07T12:00:00+07:00');
    const start = new Date('2026-01-04T12:00:00+07:00');
    const versions = since2020(disdukcapil);
    expect(serviceMillis(new Date(wib), end, versions, noHolidays)).toBe(
      serviceMillis(new Date(utc), end, versions, noHolidays),
    );
    expect(serviceMillis(start, new Date(wib), versions, noHolidays)).toBe(
      serviceMillis(start, new Date(utc), versions, noHolidays),
    );
  });

  it('a full Disdukcapil week (Sun 00:00 → next Sun 00:00) is 5 × 12 h + 4 h = 64 h', () => {
    expect(
      serviceMillis(
        new Date('2026-01-04T00:00:00+07:00'),
        new Date('2026-01-11T00:00:00+07:00'),
        since2020(disdukcapil),
        noHolidays,
      ),
    ).toBe(64 * HOUR);
  });
});

describe('hoursOn', () => {
  it.each([
    ['before any version', '2024-12-31', undefined],
    ['the first version’s start date', '2025-01-01', '2025-01-01'],
    ['the day before the change', '2026-01-06', '2025-01-01'],
    ['the change date itself', '2026-01-07', '2026-01-07'],
    ['long after the change', '2027-06-01', '2026-01-07'],
  ])('%s (%s)', (_label, date, effectiveFrom) => {
    expect(hoursOn(changedOnWednesday, date)?.effectiveFrom).toBe(effectiveFrom);
  });
});

describe('hoursProblems', () => {
  const closed: WeeklyHours = { sun: [], mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] };
  it.each<[label: string, weekly: WeeklyHours, expected: ReturnType<typeof hoursProblems>]>([
    ['Disdukcapil hours are fine', disdukcapil, []],
    ['a lunch break (two intervals) is fine', withLunch, []],
    [
      'touching intervals (08–12, 12–16) are fine',
      { ...closed, tue: [iv('08:00', '12:00'), iv('12:00', '16:00')] },
      [],
    ],
    ["close '24:00' is fine", lateNight, []],
    ['all days closed is fine', closed, []],
    [
      'an empty interval (open = close)',
      { ...closed, wed: [iv('10:00', '10:00')] },
      [{ day: 'wed', problem: 'interval_empty' }],
    ],
    [
      'an interval closing before it opens',
      { ...closed, sat: [iv('12:00', '08:00')] },
      [{ day: 'sat', problem: 'interval_empty' }],
    ],
    [
      'overlapping intervals',
      { ...closed, mon: [iv('08:00', '12:00'), iv('11:00', '16:00')] },
      [{ day: 'mon', problem: 'intervals_overlap' }],
    ],
    [
      'overlapping intervals given out of order',
      { ...closed, fri: [iv('13:00', '16:00'), iv('08:00', '14:00')] },
      [{ day: 'fri', problem: 'intervals_overlap' }],
    ],
    [
      'an interval inside another',
      { ...closed, thu: [iv('08:00', '20:00'), iv('10:00', '11:00')] },
      [{ day: 'thu', problem: 'intervals_overlap' }],
    ],
  ])('%s', (_label, weekly, expected) => {
    expect(hoursProblems(weekly)).toEqual(expected);
  });
});

describe('workingDaysBetween', () => {
  it.each<[label: string, from: string, to: string, holidays: string[], expected: string[]]>([
    [
      'one Monday–Sunday week',
      '2026-01-05',
      '2026-01-11',
      [],
      ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09'],
    ],
    [
      'first days of 2026 minus New Year',
      '2026-01-01',
      '2026-01-06',
      ['2026-01-01'],
      ['2026-01-02', '2026-01-05', '2026-01-06'],
    ],
    [
      'Christmas and cuti bersama removed',
      '2025-12-22',
      '2025-12-31',
      ['2025-12-25', '2025-12-26'],
      ['2025-12-22', '2025-12-23', '2025-12-24', '2025-12-29', '2025-12-30', '2025-12-31'],
    ],
    [
      'month end into February',
      '2026-01-29',
      '2026-02-03',
      [],
      ['2026-01-29', '2026-01-30', '2026-02-02', '2026-02-03'],
    ],
    [
      'a holiday at a weekend changes nothing',
      '2026-01-09',
      '2026-01-12',
      ['2026-01-10'],
      ['2026-01-09', '2026-01-12'],
    ],
    ['a single weekday', '2026-01-07', '2026-01-07', [], ['2026-01-07']],
    ['a single Saturday', '2026-01-10', '2026-01-10', [], []],
    ['from after to', '2026-01-09', '2026-01-05', [], []],
  ])('%s', (_label, from, to, holidays, expected) => {
    expect(workingDaysBetween(from, to, new Set(holidays))).toEqual(expected);
  });

  it('February 2026 has 20 weekdays', () => {
    expect(workingDaysBetween('2026-02-01', '2026-02-28')).toHaveLength(20);
  });
});
