import { approvePlan } from '#shared/api/plans';
import { readableEmployee } from '#shared/auth/access';
import { canDecidePlan, reasons } from '#shared/auth/policy';
import { actorId } from '#shared/auth/principal';
import { dayBefore, submissionProblems } from '#shared/domain/plans';
import { dayWithinYear } from '#shared/domain/time';
import { forbidden, notFound } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { openYear, planError, requireState, supervisorRhk } from '#shared/store/plan-context';
import { PlanRepository } from '#shared/store/plans';

export const handler = userHandler(approvePlan, async (req) => {
  const { target, relation } = await readableEmployee(req, req.params.nip);
  if (!canDecidePlan(req.principal, relation, !!target.supervisorNip)) throw forbidden(reasons.notDirectSupervisor);
  const { year } = req.params;
  const plans = new PlanRepository(req.scope);
  const [versions] = await Promise.all([plans.versions(target.nip, year), openYear(req.scope, year)]);
  const plan = versions.at(-1);
  if (!plan) throw notFound('plan');
  requireState(plan, 'approve');
  // The supervisor's own plan may have changed since submission: the links must still hold.
  const problems = submissionProblems(plan.rhk, await supervisorRhk(req.scope, target, year));
  if (problems.length > 0) throw planError(problems, req.lang);

  // The first approved version covers the whole year; a revision takes effect from the day it is approved.
  const previous = versions.find((v) => v.state === 'approved');
  const effectiveFrom = previous ? dayWithinYear(req.now, year) : `${year}-01-01`;
  const ctx = { actor: actorId(req.principal), now: req.now.toISOString(), requestId: req.requestId };
  const { returnNote: _note, ...rest } = plan;
  const approved = await plans.replace(
    plan,
    { ...rest, state: 'approved', decidedAt: ctx.now, decidedBy: ctx.actor, effectiveFrom },
    req.body.version,
    ctx,
    previous ? [plans.supersede(previous, dayBefore(effectiveFrom), ctx)] : [],
  );
  return json(approved);
});
