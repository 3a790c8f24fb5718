/**
 * The app's pages, in menu order. A new page: a component in pages/, a line here (path under /app/, its menu
 * label, and who sees it). Paths are relative to /app/, so they never meet the API's.
 */
import type { ComponentType } from 'react';
import type { MessageKey } from './i18n';
import { Activities } from './pages/Activities';
import { Home } from './pages/Home';
import { Inbox } from './pages/Inbox';
import { Skp } from './pages/Skp';
import { Team } from './pages/Team';

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
