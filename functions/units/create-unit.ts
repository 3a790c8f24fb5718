import { createUnit } from '#shared/api/units';
import * as units from '#shared/app/units';
import { createdOrReplayed, userHandler } from '#shared/http/handler';

export const handler = userHandler(createUnit, async (req) => {
  const { unit, replayed } = await units.createUnit(req, req.body);
  return createdOrReplayed(unit, replayed);
});
