import { createPlan } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { created, userHandler } from '#shared/http/handler';

export const handler = userHandler(createPlan, async (req) =>
  created(await plans.createPlan(req, req.params.nip, req.params.year, req.body)),
);
