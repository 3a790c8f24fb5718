import { getUnitServiceIndicators } from '#shared/api/services';
import { unitServiceIndicators } from '#shared/app/services';
import { json, userHandler } from '#shared/http/handler';

/** A unit's service indicators in a period: the unit, each service type, each officer. Read from running totals. */
export const handler = userHandler(getUnitServiceIndicators, async (req) =>
  json(await unitServiceIndicators(req, req.params.code, req.params.periodId)),
);
