import { returnPlan } from '#shared/api/plans';
import { readableEmployee } from '#shared/auth/access';
import { canDecidePlan, reasons } from '#shared/auth/policy';
import { actorId } from '#shared/auth/principal';
import { forbidden } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { latestPlan, requireState } from '#shared/store/plan-context';
import { PlanRepository } from '#shared/store/plans';

export const handler = userHandler(returnPlan, async (req) => {
  const { target, relation } = await readableEmployee(req, req.params.nip);
  if (!canDecidePlan(req.principal, relation, !!target.supervisorNip)) throw forbidden(reasons.notDirectSupervisor);
  const plan = await latestPlan(req.scope, target.nip, req.params.year);
  requireState(plan, 'return');
  const ctx = { actor: actorId(req.principal), now: req.now.toISOString(), requestId: req.requestId };
  const returned = await new PlanRepository(req.scope).replace(
    plan,
    { ...plan, state: 'returned', returnNote: req.body.note, decidedAt: ctx.now, decidedBy: ctx.actor },
    req.body.version,
    ctx,
  );
  return json(returned);
});
