import { updatePeriod } from '#shared/api/plans';
import * as periods from '#shared/app/periods';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(updatePeriod, async (req) =>
  json(await periods.updatePeriod(req, req.params.year, req.params.periodId, req.body)),
);
