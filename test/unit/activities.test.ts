import { describe, expect, it } from 'vitest';
import { dateRules } from '../../shared/app/activities.ts';
import { isFuture, overlaps, periodIdFor, toMinutes, weekStart } from '../../shared/domain/activities.ts';
import { workingDaysBetween } from '../../shared/domain/service-hours.ts';
import { addDays } from '../../shared/domain/time.ts';
import type { YearRepository } from '../../shared/store/years.ts';

describe('activity time rules', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('toMinutes(%s) = %i', (t, m) => expect(toMinutes(t)).toBe(m));

  it.each([
    ['08:00-10:00 vs 09:00-11:00', { start: '08:00', end: '10:00' }, { start: '09:00', end: '11:00' }, true],
    ['touching ends do not overlap', { start: '08:00', end: '10:00' }, { start: '10:00', end: '11:00' }, false],
    ['one inside the other', { start: '08:00', end: '12:00' }, { start: '09:00', end: '09:30' }, true],
    ['disjoint', { start: '08:00', end: '09:00' }, { start: '13:00', end: '14:00' }, false],
    ['identical', { start: '08:00', end: '09:00' }, { start: '08:00', end: '09:00' }, true],
  ])('%s', (_n, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it.each([
    ['a later day', '2026-11-30', '08:00', '2026-11-29', '23:00', true],
    ['today, ending after now', '2026-11-29', '16:00', '2026-11-29', '15:59', true],
    ['today, ending now', '2026-11-29', '16:00', '2026-11-29', '16:00', false],
    ['yesterday', '2026-11-28', '23:00', '2026-11-29', '00:10', false],
  ])('isFuture: %s', (_n, date, end, today, now, expected) => expect(isFuture(date, end, today, now)).toBe(expected));
});

describe('periods and counted minutes', () => {
  it.each([
    ['2026-01-15', 'monthly', '2026-01'],
    ['2026-12-31', 'monthly', '2026-12'],
    ['2026-03-31', 'quarterly', '2026-Q1'],
    ['2026-04-01', 'quarterly', '2026-Q2'],
    ['2026-12-01', 'quarterly', '2026-Q4'],
  ] as const)('periodIdFor(%s, %s) = %s', (date, cadence, id) => expect(periodIdFor(date, cadence)).toBe(id));

  it.each([
    ['2026-11-29', '2026-11-23'], // Sunday → Monday before
    ['2026-11-30', '2026-11-30'], // Monday
    ['2026-01-01', '2025-12-29'], // across the year
  ])('weekStart(%s) = %s', (d, monday) => expect(weekStart(d)).toBe(monday));

  it('lists Monday to Friday only', () => {
    expect(workingDaysBetween('2026-11-27', '2026-12-01')).toEqual(['2026-11-27', '2026-11-30', '2026-12-01']);
    expect(workingDaysBetween('2026-11-29', '2026-11-28')).toEqual([]);
  });
});

describe('dateRules: the period of an activity must be open and before its input deadline', () => {
  const years = (state: string, inputDeadline: string) =>
    ({
      getWithRules: async () => ({
        year: {
          year: 2026,
          cadence: 'monthly',
          periods: [
            { id: '2026-10', kind: 'month', start: '2026-10-01', end: '2026-10-31', inputDeadline, state, version: 1 },
          ],
        },
        rules: { current: { dailyMinuteCap: 450 }, history: [] },
      }),
    }) as unknown as YearRepository;
  const at = (wib: string) => new Date(`${wib}+07:00`);

  it.each([
    ['on the deadline day, by the owner', 'open', '2026-11-05', at('2026-11-05T23:59'), 'owner', undefined],
    [
      'the day after the deadline, by the owner',
      'open',
      '2026-11-05',
      at('2026-11-06T00:00'),
      'owner',
      'activity_past_deadline',
    ],
    [
      'after the deadline, by the supervisor verifying',
      'open',
      '2026-11-05',
      at('2026-11-20T09:00'),
      'supervisor',
      undefined,
    ],
    [
      'a closed period, even for the supervisor',
      'closed',
      '2026-11-05',
      at('2026-11-02T09:00'),
      'supervisor',
      'activity_period_closed',
    ],
  ] as const)('%s', async (_n, state, deadline, now, by, code) => {
    const run = dateRules(years(state, deadline), '2026-10-15', now, by, 'body.date');
    // Named as the field the date came in, so a form shows the refusal under it.
    if (code) await expect(run).rejects.toMatchObject({ code, problems: [{ field: 'body.date', code }] });
    else await expect(run).resolves.toMatchObject({ cap: 450, period: { id: '2026-10' } });
  });
});

describe('addDays', () => {
  it.each([
    ['2026-11-29', 1, '2026-11-30'],
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-25', 14, '2027-01-08'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-11-29', 0, '2026-11-29'],
  ])('%s %+d → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});
