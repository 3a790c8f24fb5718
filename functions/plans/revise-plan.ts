import { revisePlan } from '#shared/api/plans';
import { dayWithinYear } from '#shared/domain/time';
import { created, userHandler, writeContext } from '#shared/http/handler';
import { latestPlan, ownPlanNip, requireEffectiveStart, requireOpenYear, requireState } from '#shared/app/plans';
import { PlanRepository } from '#shared/store/plans';

/** An approved plan is never edited in place: a revision is a new draft version, with its reason. */
export const handler = userHandler(revisePlan, async (req) => {
  const nip = ownPlanNip(req.principal, req.params.nip);
  const [plan, year] = await Promise.all([latestPlan(req.scope, nip, req.params.year), requireOpenYear(req.scope, req.params.year)]);
  requireState(plan, 'revise');
  // A revision could only take effect on a day not yet scored; with none left in the year, it is refused now.
  requireEffectiveStart(year, dayWithinYear(req.now, req.params.year));
  const draft = await new PlanRepository(req.scope).add(
    { nip, year: plan.year, planVersion: plan.planVersion + 1, state: 'draft', rhk: plan.rhk, reason: req.body.reason },
    writeContext(req),
  );
  return created(draft);
});
