/** Calendar dates (YYYY-MM-DD, a WIB day) for people, in their language; the date itself never shifts a day. */
export function formatDate(date: string, locale: string, style: 'medium' | 'full' = 'medium'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
