import { getDistribution } from '#shared/api/evaluations';
import { periodDistribution } from '#shared/app/distribution';
import { json, userHandler } from '#shared/http/handler';

/** BKPSDM and auditors: the distribution check of a period (or one OPD), before (and after) finalisation. */
export const handler = userHandler(getDistribution, async (req) =>
  json(await periodDistribution(req, req.params.periodId, req.query.opd)),
);
