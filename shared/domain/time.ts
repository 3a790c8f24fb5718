/** WIB (UTC+7, Asia/Jakarta) has no daylight saving, so a fixed offset is exact. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in WIB, YYYY-MM-DD. */
export const wibDate = (at: Date): string => new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);

/** The calendar month in WIB, YYYY-MM. */
export const wibMonth = (at: Date): string => wibDate(at).slice(0, 7);

/** Today in WIB if it falls in `year`, else the nearest day of that year (its first or last). */
export function dayWithinYear(at: Date, year: number): string {
  const today = wibDate(at);
  const [first, last] = [`${year}-01-01`, `${year}-12-31`];
  // biome-ignore lint/complexity/useMathMinMax: these are date strings, compared as text (Math.min would give NaN)
  return today < first ? first : today > last ? last : today;
}

/** A calendar date (YYYY-MM-DD) moved by whole days (negative: back), across months, years and leap days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The year of a calendar date (`2026-11-30`), a month (`2026-11`) or a period id (`2026-Q4`, `2026`). */
export const yearOf = (dateOrPeriodId: string): number => Number(dateOrPeriodId.slice(0, 4));
