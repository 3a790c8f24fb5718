/** The plan's shapes as the API's schema names them (no React here: pure modules and tests import these). */
import type { components } from '../../api/schema';

export type Plan = components['schemas']['Plan'];
export type PlanVersion = components['schemas']['PlanVersion'];
export type SupervisorPlan = components['schemas']['SupervisorPlan'];
export type Rhk = PlanVersion['rhk'][number];
export type Iki = Rhk['iki'][number];
