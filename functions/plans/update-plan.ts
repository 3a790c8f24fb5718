import { updatePlan } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(updatePlan, async (req) =>
  json(await plans.updatePlan(req, req.params.nip, req.params.year, req.body)),
);
