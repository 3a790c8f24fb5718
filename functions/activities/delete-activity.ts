import { deleteActivity } from '#shared/api/activities';
import { removeActivity } from '#shared/app/activities';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(deleteActivity, async (req) => {
  await removeActivity(req, req.params.nip, req.params.date, req.params.id, req.query.version);
  return json({ deleted: true });
});
