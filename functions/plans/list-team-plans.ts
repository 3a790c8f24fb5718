import { listTeamPlans } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { json, userHandler } from '#shared/http/handler';

/** A supervisor's team, with where each plan stands. */
export const handler = userHandler(listTeamPlans, async (req) =>
  json(await plans.listTeamPlans(req, req.params.nip, req.params.year)),
);
