import { returnPlan } from '#shared/api/plans';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { planToDecide } from '#shared/app/plans';
import { PlanRepository } from '#shared/store/plans';

export const handler = userHandler(returnPlan, async (req) => {
  const { plan } = await planToDecide(req, req.params.nip, req.params.year, 'return');
  const ctx = writeContext(req);
  const returned = await new PlanRepository(req.scope).replace(
    plan,
    { ...plan, state: 'returned', returnNote: req.body.note, decidedAt: ctx.now, decidedBy: ctx.actor },
    req.body.version,
    ctx,
  );
  return json(returned);
});
