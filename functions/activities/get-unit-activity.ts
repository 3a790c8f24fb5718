import { getUnitActivity } from '#shared/api/activities';
import { unitActivity } from '#shared/app/activities';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(getUnitActivity, async (req) =>
  json(await unitActivity(req, req.params.code, req.params.periodId, req.query)),
);
