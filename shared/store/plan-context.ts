/** What plan handlers share: ownership, state checks, the open year, and the supervisor's plan for cascading. */
import { resolveNip } from '../auth/access.ts';
import { reasons } from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import { type PlanAction, type PlanProblem, allows, planActions } from '../domain/plans.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { type Lang, render } from '../http/messages.ts';
import type { Employee } from './employees.ts';
import type { OrgScope } from './org-scope.ts';
import { type PlanVersion, PlanRepository } from './plans.ts';
import { type PerformanceYear, YearRepository } from './years.ts';

/** Plans are written, submitted and revised by their owner only. */
export function ownPlanNip(principal: UserPrincipal, nipParam: string): string {
  const nip = resolveNip(principal, nipParam);
  if (nip !== principal.nip) throw forbidden(reasons.ownPlanOnly);
  return nip;
}

export async function latestPlan(scope: OrgScope, nip: string, year: number): Promise<PlanVersion> {
  const plan = await new PlanRepository(scope).latest(nip, year);
  if (!plan) throw notFound('plan');
  return plan;
}

/** A step the plan's state does not allow is a conflict with its current state: 409, naming what is allowed. */
export function requireState(plan: PlanVersion, action: PlanAction): void {
  if (!allows(action, plan.state)) {
    throw new AppError(409, 'plan_state', { planVersion: plan.planVersion, state: plan.state, action, allowed: planActions[action].join(', ') }, { current: plan });
  }
}

export async function openYear(scope: OrgScope, year: number): Promise<PerformanceYear> {
  const found = await new YearRepository(scope).get(year);
  if (!found) throw new AppError(422, 'year_not_open', { year });
  return found;
}

/** The direct supervisor's RHK, which the owner's RHK must cascade from; null for a head with no supervisor. */
export async function supervisorRhk(scope: OrgScope, owner: Employee, year: number): Promise<{ nip: string; rhkIds: Set<string> } | null> {
  if (!owner.supervisorNip) return null;
  const plan = await new PlanRepository(scope).latest(owner.supervisorNip, year);
  if (!plan) throw new AppError(422, 'supervisor_plan_missing', { supervisor: owner.supervisorNip, year });
  return { nip: owner.supervisorNip, rhkIds: new Set(plan.rhk.map((r) => r.id)) };
}

/** Plan rule problems → one 422 naming the first, every problem localised in details with its path. */
export function planError(problems: PlanProblem[], lang: Lang): AppError {
  const first = problems[0]!;
  return new AppError(
    422,
    first.code,
    first.params,
    problems.map((p) => ({ field: `body.${p.path}`, code: p.code, message: render(p.code, lang, p.params) })),
  );
}
