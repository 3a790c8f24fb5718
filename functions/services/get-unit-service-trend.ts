import { getUnitServiceTrend } from '#shared/api/services';
import { unitServiceTrend } from '#shared/app/services';
import { json, userHandler } from '#shared/http/handler';

/** A unit's service indicators per month (or quarter) of a year, rolled up over its subtree. Read from running totals. */
export const handler = userHandler(getUnitServiceTrend, async (req) =>
  json(await unitServiceTrend(req, req.params.code, req.params.year)),
);
