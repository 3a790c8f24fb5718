import { returnPlan } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(returnPlan, async (req) =>
  json(await plans.returnPlan(req, req.params.nip, req.params.year, req.body)),
);
