/** Dates as the API counts them: calendar days in WIB (Asia/Jakarta), YYYY-MM-DD. */
const wibDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });

export const todayWib = (): string => wibDay.format(new Date());

/** The Monday of the week `date` falls in (weeks run Monday to Sunday). */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));
