import { getActivityTotals } from '#shared/api/activities';
import { activityTotals } from '#shared/app/activities';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(getActivityTotals, async (req) =>
  json(await activityTotals(req, req.params.nip, req.params.periodId)),
);
