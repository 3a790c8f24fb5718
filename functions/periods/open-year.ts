import { openYear } from '#shared/api/plans';
import * as periods from '#shared/app/periods';
import { created, userHandler } from '#shared/http/handler';

export const handler = userHandler(openYear, async (req) =>
  created(await periods.openYear(req, req.body.year, req.body.cadence)),
);
