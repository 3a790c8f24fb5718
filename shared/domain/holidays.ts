/**
 * The organisation's holiday calendar (domain.md "Holidays"): national holidays and cuti bersama are set each year
 * by a joint decree (SKB 3 Menteri), and Islamic dates move, so the calendar is data that Admin BKPSDM keeps, one
 * version per change. Pure.
 */
export const holidayKinds = ['libur_nasional', 'cuti_bersama', 'libur_daerah'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
}

export type HolidayProblem = { date: string; problem: 'holiday_outside_year' | 'holiday_duplicate' };

/** Every date must fall in the calendar's year and appear once. */
export function holidayProblems(year: number, days: readonly Holiday[]): HolidayProblem[] {
  const seen = new Set<string>();
  const problems: HolidayProblem[] = [];
  for (const d of days) {
    if (!d.date.startsWith(`${year}-`)) problems.push({ date: d.date, problem: 'holiday_outside_year' });
    else if (seen.has(d.date)) problems.push({ date: d.date, problem: 'holiday_duplicate' });
    seen.add(d.date);
  }
  return problems;
}
