import { replyFeedback } from '#shared/api/feedback';
import { replyToFeedback } from '#shared/app/feedback';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(replyFeedback, async (req) =>
  json(await replyToFeedback(req, req.params.nip, req.params.id, req.body)),
);
