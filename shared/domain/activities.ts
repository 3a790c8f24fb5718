/**
 * Daily activities (laporan aktivitas harian): times, overlaps, periods and the counted-minutes arithmetic. Pure.
 * Times are HH:MM in WIB on the activity's date; 24:00 closes the day.
 */
import type { Cadence } from './periods.ts';
import { addDays } from './time.ts';

export type ActivityStatus = 'pending' | 'approved' | 'rejected';

export const toMinutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** The sub-period (month or quarter) of a date, as the year's periods name them. */
export function periodIdFor(date: string, cadence: Cadence): string {
  const [y, m] = [date.slice(0, 4), Number(date.slice(5, 7))];
  return cadence === 'monthly' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${Math.ceil(m / 3)}`;
}

export interface Slot {
  start: string;
  end: string;
}

/** Two slots of one day overlap when each starts before the other ends (touching ends do not overlap). */
export const overlaps = (a: Slot, b: Slot): boolean =>
  toMinutes(a.start) < toMinutes(b.end) && toMinutes(b.start) < toMinutes(a.end);

/** An activity is in the future if its day is after today, or it is today and it ends after now (WIB). */
export function isFuture(date: string, end: string, today: string, nowHhmm: string): boolean {
  return date > today || (date === today && toMinutes(end) > toMinutes(nowHhmm));
}

/** Monday of the ISO week of a date (YYYY-MM-DD). */
export const weekStart = (date: string): string =>
  addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
