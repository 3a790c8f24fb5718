/**
 * The app's pages, in menu order. A new page: a component in pages/, a `page(...)` loader and a line here (path
 * under /app/, its menu label, and who sees it). Paths are relative to /app/, so they never meet the API's.
 */
import { type ComponentType, lazy } from 'react';
import type { MessageKey } from './i18n';
import { Home } from './pages/Home';
import { useUnreadCount } from './pages/inbox/data';
import {
  decidesAppeals,
  leadsATeam,
  managesPeople,
  readsAudit,
  runsPeriods,
  seesDashboard,
  seesFairness,
  type Viewer,
} from './viewer';

/**
 * A page loaded when first opened, in its own chunk: the first load carries only the frame and the home page
 * (`npm run bench -- web` measures it). `pick` names the page's export.
 */
const page = <M,>(load: () => Promise<M>, pick: (m: M) => ComponentType) =>
  lazy(() => load().then((m) => ({ default: pick(m) })));

const Activities = page(
  () => import('./pages/Activities'),
  (m) => m.Activities,
);
const Skp = page(
  () => import('./pages/Skp'),
  (m) => m.Skp,
);
const Team = page(
  () => import('./pages/Team'),
  (m) => m.Team,
);
const Evaluation = page(
  () => import('./pages/Evaluation'),
  (m) => m.Evaluation,
);
const Inbox = page(
  () => import('./pages/Inbox'),
  (m) => m.Inbox,
);
const Dashboard = page(
  () => import('./pages/Dashboard'),
  (m) => m.Dashboard,
);
const Periods = page(
  () => import('./pages/Periods'),
  (m) => m.Periods,
);
const Appeals = page(
  () => import('./pages/Appeals'),
  (m) => m.Appeals,
);
const People = page(
  () => import('./pages/People'),
  (m) => m.People,
);
const Audit = page(
  () => import('./pages/Audit'),
  (m) => m.Audit,
);
const Fairness = page(
  () => import('./pages/Fairness'),
  (m) => m.Fairness,
);
const MySignals = page(
  () => import('./pages/MySignals'),
  (m) => m.MySignals,
);
const Feedback = page(
  () => import('./pages/Feedback'),
  (m) => m.Feedback,
);

export type { Viewer } from './viewer';

export interface AppRoute {
  path: string;
  label: MessageKey;
  component: ComponentType;
  /** Shown in the menu (and reachable) only when true; everyone when absent. */
  visible?: (viewer: Viewer) => boolean;
  /**
   * Reachable at its address even when hidden from the menu: the page asks the API, and someone not allowed reads
   * the API's own refusal (403) rather than "not found".
   */
  byAddress?: boolean;
  /** A count beside the menu label (a hook, asked by the menu item) and its words for screen readers. */
  badge?: { useCount: () => number | undefined; label: MessageKey };
}

export const appRoutes: AppRoute[] = [
  { path: '/', label: 'nav.home', component: Home },
  { path: '/aktivitas', label: 'nav.activities', component: Activities },
  { path: '/skp', label: 'nav.skp', component: Skp },
  {
    path: '/tim',
    label: 'nav.team',
    component: Team,
    // Direct subordinates, or Plt/Plh for someone on today's date.
    visible: leadsATeam,
  },
  // The leaders' pages: what a head of unit, BKPSDM, an Admin OPD and an auditor steer with.
  { path: '/dasbor', label: 'nav.dashboard', component: Dashboard, visible: seesDashboard },
  { path: '/periode', label: 'nav.periods', component: Periods, visible: runsPeriods, byAddress: true },
  { path: '/keberatan', label: 'nav.appeals', component: Appeals, visible: decidesAppeals },
  { path: '/pegawai', label: 'nav.people', component: People, visible: managesPeople },
  { path: '/audit', label: 'nav.audit', component: Audit, visible: readsAudit },
  // Rater patterns, signals and adoption of a unit (issue 18); the API refuses a unit the viewer may not read.
  { path: '/keadilan', label: 'nav.fairness', component: Fairness, visible: seesFairness, byAddress: true },
  { path: '/penilaian', label: 'nav.evaluation', component: Evaluation },
  { path: '/umpan-balik', label: 'nav.feedback', component: Feedback },
  // One's own signals; another person's (?pegawai=<nip>) for their superiors, BKPSDM and auditors.
  { path: '/sinyal', label: 'nav.signals', component: MySignals },
  {
    path: '/kotak-masuk',
    label: 'nav.inbox',
    component: Inbox,
    badge: { useCount: useUnreadCount, label: 'inbox.unreadBadge' },
  },
];
