import { createActivity } from '#shared/api/activities';
import { logActivity } from '#shared/app/activities';
import { createdOrReplayed, userHandler } from '#shared/http/handler';

export const handler = userHandler(createActivity, async (req) => {
  const { response, replayed } = await logActivity(req, req.params.nip, req.body, req.headers['idempotency-key']);
  return createdOrReplayed(response, replayed);
});
