/** What the home page says of one's own entries: today's count and minutes, the week's entries by status. */
// The schema's type, not activities/data's: this stays a pure module that tests import without React or the DOM.
import type { components } from '../../api/schema';

export type Activity = components['schemas']['Activity'];

export interface MyWeek {
  todayCount: number;
  todayMinutes: number;
  pending: number;
  approved: number;
  rejected: Activity[];
}

/** `entries` are the week's (Monday to today); today's are those dated `today`, whatever their status. */
export function summarise(entries: Activity[], today: string): MyWeek {
  const todays = entries.filter((e) => e.date === today);
  return {
    todayCount: todays.length,
    todayMinutes: todays.reduce((sum, e) => sum + e.minutes, 0),
    pending: entries.filter((e) => e.status === 'pending').length,
    approved: entries.filter((e) => e.status === 'approved').length,
    // Newest first, as the Aktivitas page lists them.
    rejected: entries
      .filter((e) => e.status === 'rejected')
      .sort((a, b) => b.date.localeCompare(a.date) || b.start.localeCompare(a.start)),
  };
}
