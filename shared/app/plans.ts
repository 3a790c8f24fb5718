/**
 * Plans (SKP): the owner writes, submits and revises their plan; the direct supervisor approves or returns it;
 * readers see a plan, a team's plans, and a unit's cascade.
 */

import { canReadUnitPlans, reasons } from '../auth/policy.ts';
import type { UserPrincipal } from '../auth/principal.ts';
import {
  allows,
  cascadeTree,
  copyForNewYear,
  effectiveStart,
  type PlanAction,
  type PlanProblem,
  planActions,
  type Rhk,
  structureProblems,
  submissionProblems,
  versionInForce,
} from '../domain/plans.ts';
import { dayWithinYear, wibDate } from '../domain/time.ts';
import { DomainError, forbidden, notFound, problemsError } from '../messages/errors.ts';
import { ActingRepository } from '../store/acting.ts';
import { type Employee, EmployeeRepository } from '../store/employees.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { PlanRepository, type PlanVersion } from '../store/plans.ts';
import { summary } from '../store/summaries.ts';
import { UnitRepository } from '../store/units.ts';
import { type PerformanceYear, YearRepository } from '../store/years.ts';
import { type AccessContext, decidesFor, ownNip, readableEmployee, teamOf } from './access.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';
import { withSupervisorNames } from './names.ts';

/** A new draft, version 1: the RHK given, or those of the plan of year `copyFrom` (links cleared). */
export async function createPlan(
  ctx: UseCaseContext,
  nipParam: string,
  year: number,
  from: { rhk?: Rhk[]; copyFrom?: number },
): Promise<PlanVersion> {
  const nip = ownPlanNip(ctx.principal, nipParam);
  await requireOpenYear(ctx.scope, year);
  const plans = new PlanRepository(ctx.scope);

  let rhk = from.rhk;
  if (from.copyFrom !== undefined) {
    const source = await plans.versions(nip, from.copyFrom);
    const copied = versionInForce(source, dayWithinYear(ctx.now, from.copyFrom)) ?? source.at(-1);
    if (!copied) throw new DomainError('copy_source_missing', { year: from.copyFrom });
    rhk = copyForNewYear(copied.rhk);
  }
  const problems = structureProblems(rhk!);
  if (problems.length > 0) throw planError(problems);
  return plans.add({ nip, year, planVersion: 1, state: 'draft', rhk: rhk! }, writeContextOf(ctx));
}

/** The owner edits a draft or returned plan. */
export async function updatePlan(
  ctx: UseCaseContext,
  nipParam: string,
  year: number,
  { version, rhk }: { version: number; rhk: Rhk[] },
): Promise<PlanVersion> {
  const nip = ownPlanNip(ctx.principal, nipParam);
  const plan = await latestPlan(ctx.scope, nip, year);
  requireState(plan, 'edit');
  const problems = structureProblems(rhk);
  if (problems.length > 0) throw planError(problems);
  return new PlanRepository(ctx.scope).replace(plan, { ...plan, rhk }, version, writeContextOf(ctx));
}

/** The owner submits a complete plan, cascading from the supervisor's plan in force, to the direct supervisor. */
export async function submitPlan(
  ctx: UseCaseContext,
  nipParam: string,
  year: number,
  version: number,
): Promise<PlanVersion> {
  const nip = ownPlanNip(ctx.principal, nipParam);
  const [plan] = await Promise.all([latestPlan(ctx.scope, nip, year), requireOpenYear(ctx.scope, year)]);
  requireState(plan, 'submit');
  const problems = submissionProblems(plan.rhk, await supervisorRhk(ctx.scope, ctx.actor, year, ctx.now));
  if (problems.length > 0) throw planError(problems);
  return new PlanRepository(ctx.scope).replace(
    plan,
    { ...plan, state: 'submitted', supervisorNip: ctx.actor.supervisorNip ?? null, submittedAt: ctx.now.toISOString() },
    version,
    writeContextOf(ctx),
  );
}

/**
 * The supervisor approves a submitted plan. The first approved version covers the whole year, a revision applies
 * from the day it is approved (superseding the one before); neither reaches back into a period already scored.
 */
export async function approvePlan(
  ctx: UseCaseContext,
  nipParam: string,
  year: number,
  version: number,
): Promise<PlanVersion> {
  const [{ owner, versions, plan }, performanceYear] = await Promise.all([
    planToDecide(ctx, nipParam, year, 'approve'),
    requireOpenYear(ctx.scope, year),
  ]);
  // The supervisor's plan in force may have changed since submission: the links must still hold.
  const problems = submissionProblems(plan.rhk, await supervisorRhk(ctx.scope, owner, year, ctx.now));
  if (problems.length > 0) throw planError(problems);

  const previous = versions.find((v) => v.state === 'approved');
  const effectiveFrom = requireEffectiveStart(
    performanceYear,
    previous ? dayWithinYear(ctx.now, year) : `${year}-01-01`,
  );
  const write = writeContextOf(ctx);
  const plans = new PlanRepository(ctx.scope);
  const { returnNote: _note, ...rest } = plan;
  return plans.replace(
    plan,
    { ...rest, state: 'approved', decidedAt: write.now, decidedBy: write.actor, effectiveFrom },
    version,
    write,
    previous ? [plans.supersede(previous, effectiveFrom, write)] : [],
  );
}

/** The supervisor returns a submitted plan to its owner, with a note. */
export async function returnPlan(
  ctx: UseCaseContext,
  nipParam: string,
  year: number,
  { version, note }: { version: number; note: string },
): Promise<PlanVersion> {
  const { plan } = await planToDecide(ctx, nipParam, year, 'return');
  const write = writeContextOf(ctx);
  return new PlanRepository(ctx.scope).replace(
    plan,
    { ...plan, state: 'returned', returnNote: note, decidedAt: write.now, decidedBy: write.actor },
    version,
    write,
  );
}

/** An approved plan is never edited in place: a revision is a new draft version, with its reason. */
export async function revisePlan(
  ctx: UseCaseContext,
  nipParam: string,
  year: number,
  reason: string,
): Promise<PlanVersion> {
  const nip = ownPlanNip(ctx.principal, nipParam);
  const [plan, performanceYear] = await Promise.all([
    latestPlan(ctx.scope, nip, year),
    requireOpenYear(ctx.scope, year),
  ]);
  requireState(plan, 'revise');
  // A revision could only take effect on a day not yet scored; with none left in the year, it is refused now.
  requireEffectiveStart(performanceYear, dayWithinYear(ctx.now, year));
  return new PlanRepository(ctx.scope).add(
    { nip, year: plan.year, planVersion: plan.planVersion + 1, state: 'draft', rhk: plan.rhk, reason },
    writeContextOf(ctx),
  );
}

/** A readable person's plan: the latest version, the one in force, and the history of versions. */
export async function getPlan(ctx: UseCaseContext, nipParam: string, year: number) {
  const { target } = await readableEmployee(ctx, nipParam);
  const versions = await new PlanRepository(ctx.scope).versions(target.nip, year);
  const latest = versions.at(-1);
  if (!latest) throw notFound('plan');
  return {
    latest,
    // In force today, or — for a year not begun or already past — on its nearest day.
    inForce: versionInForce(versions, dayWithinYear(ctx.now, year)),
    versions: versions.map(({ planVersion, state, effectiveFrom, effectiveTo, reason }) => ({
      planVersion,
      state,
      effectiveFrom,
      effectiveTo,
      reason,
    })),
  };
}

/**
 * A supervisor's team, with where each plan stands: who has not written one, whose plan waits for a decision, and
 * the `version` of the latest plan version, which an approval or return must send.
 */
export async function listTeamPlans(ctx: UseCaseContext, nipParam: string, year: number) {
  const { target, relation } = await readableEmployee(ctx, nipParam);
  const visible = await teamOf(ctx, target, relation);

  const plans = new PlanRepository(ctx.scope);
  const onDay = dayWithinYear(ctx.now, year);
  const items = await Promise.all(
    visible.map(async (member) => {
      const versions = await plans.versions(member.nip as string, year);
      const latest = versions.at(-1);
      const inForce = versionInForce(versions, onDay);
      return {
        ...summary(member),
        state: latest?.state ?? 'none',
        ...(latest ? { planVersion: latest.planVersion, version: latest.version } : {}),
        ...(inForce ? { inForceVersion: inForce.planVersion } : {}),
        // Every member reports to a position held here, so a submitted plan waits for this supervisor.
        waitingForMe: latest?.state === 'submitted',
      };
    }),
  );
  items.sort((a, b) => Number(b.waitingForMe) - Number(a.waitingForMe) || a.nip.localeCompare(b.nip));
  const counts: Record<string, number> = {};
  for (const i of items) counts[i.state] = (counts[i.state] ?? 0) + 1;
  return { items: await withSupervisorNames(ctx.scope, items, new Map([[target.nip, target.name]])), counts };
}

/**
 * The plan in force of the caller's direct supervisor on record, for linking RHK to: the supervisor's name and
 * the RHK (id, kind, title) of the version in force, on the same day a submission is checked against. A Plt/Plh
 * acting for that supervisor decides in their stead but holds no plan of the position: the links still go to the
 * holder's plan, and today's acting officials are listed beside it. 404 without a supervisor or an approved plan.
 */
export async function supervisorPlan(ctx: UseCaseContext, nipParam: string, year: number) {
  ownNip(ctx.principal, nipParam, reasons.notYourData);
  const supervisorNip = ctx.actor.supervisorNip;
  if (!supervisorNip) throw notFound('plan');
  const today = wibDate(ctx.now);
  const [versions, covering] = await Promise.all([
    new PlanRepository(ctx.scope).versions(supervisorNip, year),
    new ActingRepository(ctx.scope).covering(supervisorNip),
  ]);
  const plan = versionInForce(versions, dayWithinYear(ctx.now, year));
  if (!plan) throw notFound('plan');
  const acting = covering.filter((a) => a.startDate <= today && a.endDate >= today);
  const names = await new EmployeeRepository(ctx.scope).namesOf([supervisorNip, ...acting.map((a) => a.actingNip)]);
  return {
    supervisorNip,
    supervisorName: names.get(supervisorNip) ?? null,
    year,
    planVersion: plan.planVersion,
    ...(plan.effectiveFrom ? { effectiveFrom: plan.effectiveFrom } : {}),
    ...(plan.effectiveTo ? { effectiveTo: plan.effectiveTo } : {}),
    rhk: plan.rhk.map(({ id, kind, title }) => ({ id, kind, title })),
    actingToday: acting.map((a) => ({
      nip: a.actingNip,
      name: names.get(a.actingNip) ?? null,
      kind: a.kind,
      startDate: a.startDate,
      endDate: a.endDate,
    })),
  };
}

/** Which subordinate RHK serve which RHK above them, in a unit subtree. */
export async function unitCascade(ctx: UseCaseContext, code: string, year: number) {
  const unit = await new UnitRepository(ctx.scope).get(code);
  if (!unit) throw notFound('unit');
  if (!canReadUnitPlans(ctx.principal, ctx.actor.unitPath, unit.path)) throw forbidden(reasons.notYourUnit);
  const members = await new EmployeeRepository(ctx.scope).allUnitMembers(unit.path);
  const plans = new PlanRepository(ctx.scope);
  const onDay = dayWithinYear(ctx.now, year);
  const shown = await Promise.all(
    members.map(async (m) => {
      const versions = await plans.versions(m.nip as string, year);
      // The plan in force, else the one awaiting a decision; a draft is its owner's own business.
      const plan = versionInForce(versions, onDay) ?? versions.findLast((v) => v.state === 'submitted');
      return plan
        ? [
            {
              owner: {
                nip: m.nip as string,
                name: m.name as string,
                supervisorNip: m.supervisorNip as string | null | undefined,
              },
              plan,
            },
          ]
        : [];
    }),
  );
  return { roots: cascadeTree(shown.flat()) };
}

/** Plans are written, submitted and revised by their owner only. */
const ownPlanNip = (principal: UserPrincipal, nipParam: string): string =>
  ownNip(principal, nipParam, reasons.ownPlanOnly);

async function latestPlan(scope: OrgScope, nip: string, year: number): Promise<PlanVersion> {
  const plan = await new PlanRepository(scope).latest(nip, year);
  if (!plan) throw notFound('plan');
  return plan;
}

/** A step the plan's state does not allow is a conflict with its current state: 409, naming what is allowed. */
function requireState(plan: PlanVersion, action: PlanAction): void {
  if (!allows(action, plan.state)) {
    throw new DomainError(
      'plan_state',
      { planVersion: plan.planVersion, state: plan.state, action, allowed: planActions[action].join(', ') },
      { current: plan },
    );
  }
}

/** The year, which BKPSDM must have opened; 422 otherwise. */
async function requireOpenYear(scope: OrgScope, year: number): Promise<PerformanceYear> {
  const found = await new YearRepository(scope).get(year);
  if (!found) throw new DomainError('year_not_open', { year });
  return found;
}

/**
 * The day a plan approved now takes effect: `candidate`, past any period already scored or finalised (whose
 * scores must not be re-based; corrections go through an appeal). 409 when the year has no open day left.
 */
function requireEffectiveStart(year: PerformanceYear, candidate: string): string {
  const day = effectiveStart(year.periods, candidate);
  if (!day) {
    const whole = year.periods.find((p) => p.kind === 'year')!;
    throw new DomainError('plan_period_locked', {
      period: whole.id,
      state: whole.state === 'open' || whole.state === 'closed' ? 'scored' : whole.state,
    });
  }
  return day;
}

/**
 * The RHK of the direct supervisor's plan in force (within the year), which the owner's RHK must cascade from;
 * null for a head with no supervisor. A supervisor's draft or pending revision does not count.
 */
async function supervisorRhk(
  scope: OrgScope,
  owner: Employee,
  year: number,
  now: Date,
): Promise<{ nip: string; rhkIds: Set<string> } | null> {
  if (!owner.supervisorNip) return null;
  const versions = await new PlanRepository(scope).versions(owner.supervisorNip, year);
  const plan = versionInForce(versions, dayWithinYear(now, year));
  if (!plan) throw new DomainError('supervisor_plan_not_approved', { supervisor: owner.supervisorNip, year });
  return { nip: owner.supervisorNip, rhkIds: new Set(plan.rhk.map((r) => r.id)) };
}

/** Plan rule problems → one error naming the first, every problem in details with its path. */
const planError = (problems: PlanProblem[]): DomainError =>
  problemsError(problems.map((p) => ({ field: `body.${p.path}`, code: p.code, params: p.params })));

/**
 * The plan the caller is asked to approve or return, checked: the caller decides for its owner (BKPSDM never
 * for one of its own superiors), and the latest version allows the action.
 */
async function planToDecide(
  ctx: AccessContext,
  nipParam: string,
  year: number,
  action: 'approve' | 'return',
): Promise<{ owner: Employee; versions: PlanVersion[]; plan: PlanVersion }> {
  const { target: owner, relation } = await readableEmployee(ctx, nipParam);
  if (!(await decidesFor(ctx, owner, relation))) throw forbidden(reasons.notDirectSupervisor);
  const versions = await new PlanRepository(ctx.scope).versions(owner.nip, year);
  const plan = versions.at(-1);
  if (!plan) throw notFound('plan');
  requireState(plan, action);
  return { owner, versions, plan };
}
