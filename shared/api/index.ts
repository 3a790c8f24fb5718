/** Every HTTP operation's spec, by manifest function name: the OpenAPI document is built from this. */
import * as audit from './audit.ts';
import * as people from './people.ts';
import type { RouteSpec } from './route.ts';
import * as system from './system.ts';
import * as units from './units.ts';

export const routeSpecs: RouteSpec[] = [system, people, units, audit].flatMap((area) => Object.values(area) as RouteSpec[]);
