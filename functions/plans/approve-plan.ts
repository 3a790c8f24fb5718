import { approvePlan } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(approvePlan, async (req) =>
  json(await plans.approvePlan(req, req.params.nip, req.params.year, req.body.version)),
);
