/** What the pages may know about the signed-in person to decide what to show (from GET /me). */
import { todayWib } from './pages/activities/dates';

export interface Viewer {
  directSubordinates?: number;
  groups: string[];
  /** The Plt/Plh assignments GET /me names as held today. */
  actingAssignments?: { startDate: string; endDate: string }[];
}

/**
 * Leads a team: has direct subordinates, or stands in (Plt/Plh) for someone on today's date. The API already names
 * only today's assignments; the dates are checked again here because the page may stay open past midnight.
 */
export function leadsATeam(viewer: Viewer, today: string = todayWib()): boolean {
  if ((viewer.directSubordinates ?? 0) > 0) return true;
  return (viewer.actingAssignments ?? []).some((a) => a.startDate <= today && today <= a.endDate);
}
