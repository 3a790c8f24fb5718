/** Every HTTP operation's spec, by manifest function name: the OpenAPI document is built from this. */
import * as activities from './activities.ts';
import * as audit from './audit.ts';
import * as documentsPrint from './documents-print.ts';
import * as evaluations from './evaluations.ts';
import * as fairness from './fairness.ts';
import * as fairnessRuns from './fairness-runs.ts';
import * as feedback from './feedback.ts';
import * as notifications from './notifications.ts';
import * as people from './people.ts';
import * as plans from './plans.ts';
import * as recap from './recap.ts';
import type { RouteSpec } from './route.ts';
import * as services from './services.ts';
import * as system from './system.ts';
import * as units from './units.ts';

const isRouteSpec = (x: unknown): x is RouteSpec => typeof x === 'object' && x !== null && 'name' in x && 'docs' in x;

export const routeSpecs: RouteSpec[] = [
  system,
  people,
  units,
  audit,
  plans,
  activities,
  services,
  evaluations,
  feedback,
  notifications,
  recap,
  documentsPrint,
  fairness,
  fairnessRuns,
].flatMap((area) => Object.values(area).filter(isRouteSpec));
