import { updatePlan } from '#shared/api/plans';
import { structureProblems } from '#shared/domain/plans';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { latestPlan, ownPlanNip, planError, requireState } from '#shared/app/plans';
import { PlanRepository } from '#shared/store/plans';

export const handler = userHandler(updatePlan, async (req) => {
  const nip = ownPlanNip(req.principal, req.params.nip);
  const plan = await latestPlan(req.scope, nip, req.params.year);
  requireState(plan, 'edit');
  const problems = structureProblems(req.body.rhk);
  if (problems.length > 0) throw planError(problems);
  const updated = await new PlanRepository(req.scope).replace(plan, { ...plan, rhk: req.body.rhk }, req.body.version, writeContext(req));
  return json(updated);
});
