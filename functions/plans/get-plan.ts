import { getPlan } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(getPlan, async (req) =>
  json(await plans.getPlan(req, req.params.nip, req.params.year)),
);
