import { submitPlan } from '#shared/api/plans';
import { submissionProblems } from '#shared/domain/plans';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { latestPlan, ownPlanNip, planError, requireOpenYear, requireState, supervisorRhk } from '#shared/app/plans';
import { PlanRepository } from '#shared/store/plans';

export const handler = userHandler(submitPlan, async (req) => {
  const nip = ownPlanNip(req.principal, req.params.nip);
  const { year } = req.params;
  const [plan] = await Promise.all([latestPlan(req.scope, nip, year), requireOpenYear(req.scope, year)]);
  requireState(plan, 'submit');
  const problems = submissionProblems(plan.rhk, await supervisorRhk(req.scope, req.actor, year, req.now));
  if (problems.length > 0) throw planError(problems);
  const submitted = await new PlanRepository(req.scope).replace(
    plan,
    { ...plan, state: 'submitted', supervisorNip: req.actor.supervisorNip ?? null, submittedAt: req.now.toISOString() },
    req.body.version,
    writeContext(req),
  );
  return json(submitted);
});
