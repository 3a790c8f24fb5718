/** The rules an activity write must pass, gathered once: period open and before its deadline, plan in force, no overlap. */
import { ownNip } from './access.ts';
import { reasons } from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import { type ActivityStatus, isFuture, overlaps, periodIdFor, toMinutes, weekStart } from '../domain/activities.ts';
import { versionInForce } from '../domain/plans.ts';
import { workingDaysBetween } from '../domain/service-hours.ts';
import { wibDate } from '../domain/time.ts';
import { DomainError } from '../messages/errors.ts';
import { type Lang, render } from '../messages/catalogue.ts';
import type { Activity, ActivityRepository, DayTotals } from '../store/activities.ts';
import { PlanRepository } from '../store/plans.ts';
import { type Period, YearRepository } from '../store/years.ts';

export const ownActivityNip = (principal: UserPrincipal, nipParam: string): string => ownNip(principal, nipParam, reasons.ownActivitiesOnly);

/** The notice an entry carries when its day's logged minutes pass the daily cap (kept, but not counted). */
export function capNotice(date: string, logged: number, cap: number, lang: Lang): { code: string; message: string } | undefined {
  return logged > cap ? { code: 'daily_cap_exceeded', message: render('daily_cap_exceeded', lang, { date, logged, cap }) } : undefined;
}

/** The WIB date and HH:MM of an instant. */
export const wibClock = (now: Date) => ({ today: wibDate(now), time: new Date(now.getTime() + 7 * 3600_000).toISOString().slice(11, 16) });

export interface DateRules {
  period: Period;
  cap: number;
}

/**
 * The period of a date must be open and, for the employee's own input, before its input deadline (supervisors
 * verify after it, until the period closes). Answers with the daily cap of the rules in force.
 */
export async function dateRules(years: YearRepository, date: string, now: Date, by: 'owner' | 'supervisor' = 'owner'): Promise<DateRules> {
  const year = Number(date.slice(0, 4));
  const found = await years.getWithRules(year);
  if (!found) throw new DomainError('year_not_open', { year });
  const { year: performanceYear, rules } = found;
  const period = performanceYear.periods.find((p) => p.id === periodIdFor(date, performanceYear.cadence))!;
  if (period.state !== 'open') throw new DomainError('activity_period_closed', { period: period.id, state: period.state });
  if (by === 'owner' && wibClock(now).today > period.inputDeadline) throw new DomainError('activity_past_deadline', { period: period.id, deadline: period.inputDeadline, date });
  return { period, cap: rules.current.dailyMinuteCap };
}

export function checkTimes(a: { date: string; start: string; end: string }, now: Date): number {
  const minutes = toMinutes(a.end) - toMinutes(a.start);
  if (minutes <= 0) throw new DomainError('activity_time_invalid', { start: a.start, end: a.end });
  const clock = wibClock(now);
  if (isFuture(a.date, a.end, clock.today, clock.time)) throw new DomainError('activity_future', a);
  return minutes;
}

/** The IKI must belong to the owner's plan in force on the activity's date; answers with that plan's version. */
export async function planVersionFor(plans: PlanRepository, nip: string, a: { date: string; rhkId: string; ikiId: string }): Promise<number> {
  const plan = versionInForce(await plans.versions(nip, Number(a.date.slice(0, 4))), a.date);
  if (!plan) throw new DomainError('activity_no_plan', { date: a.date });
  const found = plan.rhk.find((r) => r.id === a.rhkId)?.iki.some((k) => k.id === a.ikiId);
  if (!found) throw new DomainError('activity_iki_not_in_plan', { iki: a.ikiId, rhk: a.rhkId, date: a.date });
  return plan.planVersion;
}

/**
 * Reads the day (its version guards the write) and then its activities, and refuses an overlap with any entry
 * not rejected. Returns the day as read, for the write to condition on.
 */
export async function dayWithoutOverlap(repo: ActivityRepository, nip: string, a: { id?: string; date: string; start: string; end: string }): Promise<DayTotals> {
  const day = await repo.day(nip, a.date);
  const others = (await repo.range(nip, a.date, a.date, true)).filter((o) => o.id !== a.id && o.status !== 'rejected');
  const clash = others.find((o) => overlaps(o, a));
  if (clash) throw new DomainError('activity_overlap', { ...a, otherStart: clash.start, otherEnd: clash.end }, { existing: clash });
  return day;
}

export function requireStatus(a: Activity, action: string, allowed: ActivityStatus[]): void {
  if (!allowed.includes(a.status)) throw new DomainError('activity_state', { status: a.status, action, allowed: allowed.join(', ') }, { current: a });
}

/**
 * One monitoring row: the period's totals, counted minutes per working day so far (Monday–Friday minus the
 * organisation's holidays), realisasi per IKI, and whether anything was logged this week. Three queries of the
 * person's partition.
 */
export async function monitoringRow(
  repo: ActivityRepository,
  member: { nip: string; name: string; position: string; unitCode: string },
  period: Period,
  now: Date,
  holidays: ReadonlySet<string>,
) {
  const { today } = wibClock(now);
  const monday = weekStart(today);
  const last = today < period.end ? today : period.end;
  const [totals, days, week] = await Promise.all([
    repo.totals(member.nip, period.id),
    last >= period.start ? repo.days(member.nip, period.start, last) : Promise.resolve([]),
    repo.days(member.nip, monday, today),
  ]);
  const byDate = new Map(days.map((d) => [d.date, d]));
  return {
    nip: member.nip,
    name: member.name,
    position: member.position,
    unitCode: member.unitCode,
    pending: totals.period.pending,
    approved: totals.period.approved,
    rejected: totals.period.rejected,
    countedMinutes: totals.period.countedMinutes,
    workingDays: workingDaysBetween(period.start, last, holidays).map((date) => {
      const d = byDate.get(date);
      return { date, countedMinutes: d?.countedMinutes ?? 0, loggedMinutes: d?.loggedMinutes ?? 0 };
    }),
    realisasi: totals.iki.map((k) => ({ ikiId: k.ikiId, quantity: k.approvedQuantity, count: k.approvedCount })),
    loggedThisWeek: week.some((d) => d.loggedMinutes > 0),
  };
}

