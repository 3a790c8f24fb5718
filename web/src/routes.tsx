/**
 * The app's pages, in menu order. A new page: a component in pages/, a `page(...)` loader and a line here (path
 * under /app/, its menu label, and who sees it). Paths are relative to /app/, so they never meet the API's.
 */
import { type ComponentType, lazy } from 'react';
import type { MessageKey } from './i18n';
import { Home } from './pages/Home';

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
const Inbox = page(
  () => import('./pages/Inbox'),
  (m) => m.Inbox,
);

/** What a page may know about the person to decide whether to show itself (GET /me). */
export interface Viewer {
  directSubordinates?: number;
  groups: string[];
}

export interface AppRoute {
  path: string;
  label: MessageKey;
  component: ComponentType;
  /** Shown in the menu (and reachable) only when true; everyone when absent. */
  visible?: (viewer: Viewer) => boolean;
}

export const appRoutes: AppRoute[] = [
  { path: '/', label: 'nav.home', component: Home },
  { path: '/aktivitas', label: 'nav.activities', component: Activities },
  { path: '/skp', label: 'nav.skp', component: Skp },
  {
    path: '/tim',
    label: 'nav.team',
    component: Team,
    visible: (viewer) => (viewer.directSubordinates ?? 0) > 0,
  },
  { path: '/kotak-masuk', label: 'nav.inbox', component: Inbox },
];
