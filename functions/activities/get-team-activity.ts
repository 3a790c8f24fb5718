import { getTeamActivity } from '#shared/api/activities';
import { teamActivity } from '#shared/app/activities';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(getTeamActivity, async (req) =>
  json(await teamActivity(req, req.params.nip, req.params.periodId)),
);
