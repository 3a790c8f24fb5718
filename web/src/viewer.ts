/** What the pages may know about the signed-in person to decide what to show (from GET /me). */
import { todayWib } from './pages/activities/dates';

export interface Viewer {
  directSubordinates?: number;
  groups: string[];
  /** The Plt/Plh assignments GET /me names as held today. */
  actingAssignments?: { startDate: string; endDate: string }[];
}

/** The viewer as GET /me describes them (nobody in particular until it is read). */
export const viewerOf = (me: Partial<Viewer> | undefined): Viewer => ({
  groups: me?.groups ?? [],
  directSubordinates: me?.directSubordinates,
  actingAssignments: me?.actingAssignments,
});

/**
 * Leads a team: has direct subordinates, or stands in (Plt/Plh) for someone on today's date. The API already names
 * only today's assignments; the dates are checked again here because the page may stay open past midnight.
 */
export function leadsATeam(viewer: Viewer, today: string = todayWib()): boolean {
  if ((viewer.directSubordinates ?? 0) > 0) return true;
  return (viewer.actingAssignments ?? []).some((a) => a.startDate <= today && today <= a.endDate);
}

const inGroup = (viewer: Viewer, ...groups: string[]) => viewer.groups.some((g) => groups.includes(g));

/** The unit dashboard: whoever leads people, and the organisation's admins and auditors. */
export const seesDashboard = (viewer: Viewer, today?: string): boolean =>
  leadsATeam(viewer, today) || inGroup(viewer, 'admin_bkpsdm', 'admin_opd', 'auditor');

/** Years, periods, rules, scoring runs, distribution, finalisation and rewards: BKPSDM (auditors read). */
export const runsPeriods = (viewer: Viewer): boolean => inGroup(viewer, 'admin_bkpsdm', 'auditor');

/** The appeals queue: BKPSDM, and supervisors, who decide their subordinates' subordinates' appeals. */
export const decidesAppeals = (viewer: Viewer, today?: string): boolean =>
  leadsATeam(viewer, today) || inGroup(viewer, 'admin_bkpsdm');

/** People, units, imports, Plt/Plh and machine clients: BKPSDM anywhere, Admin OPD in their OPD. */
export const managesPeople = (viewer: Viewer): boolean => inGroup(viewer, 'admin_bkpsdm', 'admin_opd');

/** The organisation's audit trail: auditors (Inspektorat). */
export const readsAudit = (viewer: Viewer): boolean => inGroup(viewer, 'auditor');

/**
 * Keadilan (rater patterns, signals, adoption of a unit): whoever leads people (a head of unit reads their own
 * subtree), BKPSDM and auditors. The API decides which unit each may read.
 */
export const seesFairness = (viewer: Viewer, today?: string): boolean =>
  leadsATeam(viewer, today) || inGroup(viewer, 'admin_bkpsdm', 'auditor');

/** Runs the fairness computation on demand ("Hitung sekarang"): BKPSDM. */
export const runsFairness = (viewer: Viewer): boolean => inGroup(viewer, 'admin_bkpsdm');
