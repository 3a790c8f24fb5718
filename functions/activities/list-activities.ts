import { listActivities } from '#shared/api/activities';
import { activitiesBetween } from '#shared/app/activities';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listActivities, async (req) =>
  json(await activitiesBetween(req, req.params.nip, req.query)),
);
