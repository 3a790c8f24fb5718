/** What plan handlers share: ownership, state checks, the open year, and the supervisor's plan for cascading. */
import { type AccessContext, decidesFor, ownNip, readableEmployee } from './access.ts';
import { reasons } from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import { type PlanAction, type PlanProblem, allows, effectiveStart, planActions, versionInForce } from '../domain/plans.ts';
import { dayWithinYear } from '../domain/time.ts';
import { DomainError, forbidden, notFound, problemsError } from '../messages/errors.ts';

import type { Employee } from '../store/employees.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { type PlanVersion, PlanRepository } from '../store/plans.ts';
import { type PerformanceYear, YearRepository } from '../store/years.ts';

/** Plans are written, submitted and revised by their owner only. */
export const ownPlanNip = (principal: UserPrincipal, nipParam: string): string => ownNip(principal, nipParam, reasons.ownPlanOnly);

export async function latestPlan(scope: OrgScope, nip: string, year: number): Promise<PlanVersion> {
  const plan = await new PlanRepository(scope).latest(nip, year);
  if (!plan) throw notFound('plan');
  return plan;
}

/** A step the plan's state does not allow is a conflict with its current state: 409, naming what is allowed. */
export function requireState(plan: PlanVersion, action: PlanAction): void {
  if (!allows(action, plan.state)) {
    throw new DomainError('plan_state', { planVersion: plan.planVersion, state: plan.state, action, allowed: planActions[action].join(', ') }, { current: plan });
  }
}

/** The year, which BKPSDM must have opened; 422 otherwise. */
export async function requireOpenYear(scope: OrgScope, year: number): Promise<PerformanceYear> {
  const found = await new YearRepository(scope).get(year);
  if (!found) throw new DomainError('year_not_open', { year });
  return found;
}

/**
 * The day a plan approved now takes effect: `candidate`, past any period already scored or finalised (whose
 * scores must not be re-based; corrections go through an appeal). 409 when the year has no open day left.
 */
export function requireEffectiveStart(year: PerformanceYear, candidate: string): string {
  const day = effectiveStart(year.periods, candidate);
  if (!day) {
    const whole = year.periods.find((p) => p.kind === 'year')!;
    throw new DomainError('plan_period_locked', { period: whole.id, state: whole.state === 'open' || whole.state === 'closed' ? 'scored' : whole.state });
  }
  return day;
}

/**
 * The RHK of the direct supervisor's plan in force (within the year), which the owner's RHK must cascade from;
 * null for a head with no supervisor. A supervisor's draft or pending revision does not count.
 */
export async function supervisorRhk(scope: OrgScope, owner: Employee, year: number, now: Date): Promise<{ nip: string; rhkIds: Set<string> } | null> {
  if (!owner.supervisorNip) return null;
  const versions = await new PlanRepository(scope).versions(owner.supervisorNip, year);
  const plan = versionInForce(versions, dayWithinYear(now, year));
  if (!plan) throw new DomainError('supervisor_plan_not_approved', { supervisor: owner.supervisorNip, year });
  return { nip: owner.supervisorNip, rhkIds: new Set(plan.rhk.map((r) => r.id)) };
}

/** Plan rule problems → one error naming the first, every problem in details with its path. */
export const planError = (problems: PlanProblem[]): DomainError =>
  problemsError(problems.map((p) => ({ field: `body.${p.path}`, code: p.code, params: p.params })));

/**
 * The plan the caller is asked to approve or return, checked: the caller decides for its owner (BKPSDM never
 * for one of its own superiors), and the latest version allows the action.
 */
export async function planToDecide(ctx: AccessContext, nipParam: string, year: number, action: 'approve' | 'return'): Promise<{ owner: Employee; versions: PlanVersion[]; plan: PlanVersion }> {
  const { target: owner, relation } = await readableEmployee(ctx, nipParam);
  if (!(await decidesFor(ctx, owner, relation))) throw forbidden(reasons.notDirectSupervisor);
  const versions = await new PlanRepository(ctx.scope).versions(owner.nip, year);
  const plan = versions.at(-1);
  if (!plan) throw notFound('plan');
  requireState(plan, action);
  return { owner, versions, plan };
}
