/**
 * Service hours and completion time (domain.md "Service transactions"): completion time counts the unit's
 * opening hours in WIB only, minus the organisation's holidays. Pure; exact to the millisecond.
 */
export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** One opening interval of a day, `HH:MM` in WIB; `close` may be `24:00`. */
export interface Interval {
  open: string;
  close: string;
}

export type WeeklyHours = Record<Weekday, Interval[]>;

/** A unit's weekly hours from a date on (hours are data, and they change: each change is a new version). */
export interface HoursVersion {
  effectiveFrom: string;
  weekly: WeeklyHours;
}

const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export type HoursProblem = 'interval_empty' | 'intervals_overlap';

/** Intervals of each day must be non-empty and must not overlap (times themselves are checked by the schema). */
export function hoursProblems(weekly: WeeklyHours): { day: Weekday; problem: HoursProblem }[] {
  const problems: { day: Weekday; problem: HoursProblem }[] = [];
  for (const day of weekdays) {
    const sorted = [...weekly[day]].sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
    sorted.forEach((iv, i) => {
      if (minutesOf(iv.close) <= minutesOf(iv.open)) problems.push({ day, problem: 'interval_empty' });
      const next = sorted[i + 1];
      if (next && minutesOf(next.open) < minutesOf(iv.close)) problems.push({ day, problem: 'intervals_overlap' });
    });
  }
  return problems;
}

/** The hours version in force on a date: the latest that starts on or before it. */
export const hoursOn = (versions: readonly HoursVersion[], date: string): HoursVersion | undefined =>
  versions
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
    .at(-1);

/** Longest span a transaction may cover: keeps the computation bounded and catches wrong years. */
export const MAX_SPAN_DAYS = 366;

/**
 * Service time between two instants in milliseconds: the overlap of [from, to] with each day's opening intervals
 * (the hours version in force that day), skipping holidays. Nights, weekends and closed days add nothing.
 */
export function serviceMillis(
  from: Date,
  to: Date,
  versions: readonly HoursVersion[],
  holidays: ReadonlySet<string>,
): number {
  if (to.getTime() <= from.getTime()) return 0;
  const start = from.getTime() + WIB_OFFSET_MS; // WIB wall-clock milliseconds
  const end = to.getTime() + WIB_OFFSET_MS;
  let total = 0;
  for (let day = Math.floor(start / DAY_MS) * DAY_MS; day < end; day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    if (holidays.has(date)) continue;
    const hours = hoursOn(versions, date);
    if (!hours) continue;
    for (const iv of hours.weekly[weekdays[new Date(day).getUTCDay()]!]) {
      const open = Math.max(start, day + minutesOf(iv.open) * 60_000);
      const close = Math.min(end, day + minutesOf(iv.close) * 60_000);
      if (close > open) total += close - open;
    }
  }
  return total;
}

/** Monday to Friday between two dates (inclusive), minus holidays: the working days of ASN (domain.md). */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += DAY_MS) {
    const date = new Date(d).toISOString().slice(0, 10);
    const dow = new Date(d).getUTCDay();
    if (dow !== 0 && dow !== 6 && !holidays.has(date)) out.push(date);
  }
  return out;
}
