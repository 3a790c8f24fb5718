/**
 * The rules a new or edited activity must pass, assembled once (admitEntry): whatever order the reads answer in,
 * a request breaking several rules gets the first of them — its times, the old date (an edit), the date, the plan,
 * the day without overlap.
 */
import { describe, expect, it } from 'vitest';
import { admitEntry } from '../../shared/app/activities.ts';
import type { Activity, ActivityRepository } from '../../shared/store/activities.ts';
import type { PlanRepository } from '../../shared/store/plans.ts';
import type { YearRepository } from '../../shared/store/years.ts';

const later = <T>(ms: number, value: () => T): Promise<T> =>
  new Promise((resolve) => setTimeout(() => resolve(value()), ms));

/** October open (deadline far ahead), September closed; each read answers after `delay` ms. */
const years = (delay = 0) =>
  ({
    getWithRules: (year: number) =>
      later(delay, () =>
        year !== 2026
          ? undefined
          : {
              year: {
                year: 2026,
                cadence: 'monthly',
                periods: [
                  {
                    id: '2026-09',
                    kind: 'month',
                    start: '2026-09-01',
                    end: '2026-09-30',
                    inputDeadline: '2026-12-31',
                    state: 'closed',
                    version: 2,
                  },
                  {
                    id: '2026-10',
                    kind: 'month',
                    start: '2026-10-01',
                    end: '2026-10-31',
                    inputDeadline: '2026-12-31',
                    state: 'open',
                    version: 1,
                  },
                ],
              },
              rules: { current: { dailyMinuteCap: 450 }, history: [] },
            },
      ),
  }) as unknown as YearRepository;

const plans = (delay = 0) =>
  ({
    versions: () =>
      later(delay, () => [
        {
          planVersion: 3,
          state: 'approved',
          effectiveFrom: '2026-01-01',
          rhk: [{ id: 'r-1', iki: [{ id: 'r-1-a' }] }],
        },
      ]),
  }) as unknown as PlanRepository;

const existing = {
  id: 'other',
  date: '2026-10-15',
  start: '08:00',
  end: '10:00',
  status: 'pending',
  minutes: 120,
} as Activity;
const activities = (delay = 0, loggedMinutes = 120) =>
  ({
    day: (_nip: string, date: string) =>
      later(delay, () => ({ date, loggedMinutes, approvedMinutes: 0, countedMinutes: 0, dayVersion: 1 })),
    range: () => later(delay, () => [existing]),
  }) as unknown as ActivityRepository;

const ctx = { now: new Date('2026-11-02T09:00:00+07:00'), lang: 'en' as const };
const entry = (over: Partial<{ id: string; date: string; start: string; end: string; ikiId: string }> = {}) => ({
  date: '2026-10-15',
  start: '13:00',
  end: '14:00',
  rhkId: 'r-1',
  ikiId: 'r-1-a',
  ...over,
});
const breaking = {
  times: { start: '10:00', end: '09:00' },
  date: { date: '2026-09-15' },
  plan: { ikiId: 'not-in-plan' },
  overlap: { start: '09:00', end: '11:00' },
};

describe('admitEntry: the first rule broken answers, whichever read is slowest', () => {
  it.each([
    [
      'times, date, plan and overlap',
      { ...breaking.date, ...breaking.plan, ...breaking.times },
      'activity_time_invalid',
      'body.end',
    ],
    [
      'date, plan and overlap',
      { ...breaking.date, ...breaking.plan, ...breaking.overlap },
      'activity_period_closed',
      'body.date',
    ],
    ['plan and overlap', { ...breaking.plan, ...breaking.overlap }, 'activity_iki_not_in_plan', 'body.ikiId'],
    ['overlap only', breaking.overlap, 'activity_overlap', 'body.start'],
  ])('%s', async (_n, over, code, field) => {
    // The later a rule is in the order, the sooner its read answers.
    const repos = { years: years(30), plans: plans(15), activities: activities(0) };
    await expect(admitEntry(repos, ctx, 'n', entry(over))).rejects.toMatchObject({ code, problems: [{ field, code }] });
  });

  it('an edit moving an entry out of a closed period is refused for the old date first', async () => {
    const current = { ...existing, id: 'mine', date: '2026-09-15' } as Activity;
    const repos = { years: years(30), plans: plans(0), activities: activities(0) };
    const run = admitEntry(repos, ctx, 'n', entry({ ...breaking.plan, id: 'mine' }), current);
    await expect(run).rejects.toMatchObject({
      code: 'activity_period_closed',
      params: { period: '2026-09' },
      problems: [{ field: 'body.date' }],
    });
  });

  it('admits an entry breaking nothing, with the period, cap, plan version and day as read', async () => {
    const repos = { years: years(), plans: plans(), activities: activities() };
    const admitted = await admitEntry(repos, ctx, 'n', entry());
    expect(admitted).toMatchObject({
      minutes: 60,
      period: { id: '2026-10' },
      cap: 450,
      planVersion: 3,
      day: { loggedMinutes: 120 },
    });
    expect(admitted.notice).toBeUndefined();
  });

  it.each([
    ['a new entry past the cap', undefined, 400, 'daily_cap_exceeded'],
    [
      'the same entry edited within its day, its earlier minutes not counted twice',
      { ...existing, id: 'mine', start: '13:00', end: '14:00', minutes: 60 },
      400,
      undefined,
    ],
    [
      'an edit of a rejected entry, whose minutes the day does not hold',
      { ...existing, id: 'mine', start: '13:00', end: '14:00', minutes: 60, status: 'rejected' },
      400,
      'daily_cap_exceeded',
    ],
  ] as const)('cap notice: %s', async (_n, current, logged, code) => {
    const repos = { years: years(), plans: plans(), activities: activities(0, logged) };
    const admitted = await admitEntry(repos, ctx, 'n', entry(), current as Activity | undefined);
    expect(admitted.notice?.code).toBe(code);
  });
});
