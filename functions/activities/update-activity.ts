import { updateActivity } from '#shared/api/activities';
import { editActivity } from '#shared/app/activities';
import { json, userHandler } from '#shared/http/handler';

/** The owner fixes an entry not yet verified, or one that was rejected; it goes back to the queue as pending. */
export const handler = userHandler(updateActivity, async (req) =>
  json(await editActivity(req, req.params.nip, req.params.date, req.params.id, req.body)),
);
