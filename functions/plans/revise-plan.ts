import { revisePlan } from '#shared/api/plans';
import * as plans from '#shared/app/plans';
import { created, userHandler } from '#shared/http/handler';

/** An approved plan is never edited in place: a revision is a new draft version, with its reason. */
export const handler = userHandler(revisePlan, async (req) =>
  created(await plans.revisePlan(req, req.params.nip, req.params.year, req.body.reason)),
);
