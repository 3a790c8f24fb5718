import { approvePlan } from '#shared/api/plans';
import { submissionProblems } from '#shared/domain/plans';
import { dayWithinYear } from '#shared/domain/time';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { planError, planToDecide, requireEffectiveStart, requireOpenYear, supervisorRhk } from '#shared/app/plans';
import { PlanRepository } from '#shared/store/plans';

export const handler = userHandler(approvePlan, async (req) => {
  const { year } = req.params;
  const [{ owner, versions, plan }, performanceYear] = await Promise.all([planToDecide(req, req.params.nip, year, 'approve'), requireOpenYear(req.scope, year)]);
  // The supervisor's plan in force may have changed since submission: the links must still hold.
  const problems = submissionProblems(plan.rhk, await supervisorRhk(req.scope, owner, year, req.now));
  if (problems.length > 0) throw planError(problems);

  // The first approved version covers the whole year, a revision applies from the day it is approved; neither
  // reaches back into a period already scored.
  const previous = versions.find((v) => v.state === 'approved');
  const effectiveFrom = requireEffectiveStart(performanceYear, previous ? dayWithinYear(req.now, year) : `${year}-01-01`);
  const ctx = writeContext(req);
  const plans = new PlanRepository(req.scope);
  const { returnNote: _note, ...rest } = plan;
  const approved = await plans.replace(
    plan,
    { ...rest, state: 'approved', decidedAt: ctx.now, decidedBy: ctx.actor, effectiveFrom },
    req.body.version,
    ctx,
    previous ? [plans.supersede(previous, effectiveFrom, ctx)] : [],
  );
  return json(approved);
});
