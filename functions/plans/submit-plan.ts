import { submitPlan } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(submitPlan, async (req) =>
  json(await plans.submitPlan(req, req.params.nip, req.params.year, req.body.version)),
);
