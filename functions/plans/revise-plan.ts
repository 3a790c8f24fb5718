import { revisePlan } from '#shared/api/plans';
import { actorId } from '#shared/auth/principal';
import { json, userHandler } from '#shared/http/handler';
import { latestPlan, ownPlanNip, requireState } from '#shared/store/plan-context';
import { PlanRepository } from '#shared/store/plans';

/** An approved plan is never edited in place: a revision is a new draft version, with its reason. */
export const handler = userHandler(revisePlan, async (req) => {
  const nip = ownPlanNip(req.principal, req.params.nip);
  const plan = await latestPlan(req.scope, nip, req.params.year);
  requireState(plan, 'revise');
  const draft = await new PlanRepository(req.scope).add(
    { nip, year: plan.year, planVersion: plan.planVersion + 1, state: 'draft', rhk: plan.rhk, reason: req.body.reason },
    { actor: actorId(req.principal), now: req.now.toISOString(), requestId: req.requestId },
  );
  return { status: 201, json: draft };
});
