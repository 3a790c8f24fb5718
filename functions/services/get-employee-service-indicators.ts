import { getEmployeeServiceIndicators } from '#shared/api/services';
import { employeeServiceIndicators } from '#shared/app/services';
import { json, userHandler } from '#shared/http/handler';

/** An officer's service indicators in a period: combined over the units served, and per unit. */
export const handler = userHandler(getEmployeeServiceIndicators, async (req) =>
  json(await employeeServiceIndicators(req, req.params.nip, req.params.periodId)),
);
