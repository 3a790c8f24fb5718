import { listRaterPatterns } from '#shared/api/fairness';
import { unitRaterPatterns } from '#shared/app/fairness';
import { json, userHandler } from '#shared/http/handler';

/** The rater patterns of a unit subtree's supervisors, with the OPD's pooled ratings beside them. */
export const handler = userHandler(listRaterPatterns, async (req) =>
  json(await unitRaterPatterns(req, req.params.code, req.params.periodId)),
);
