import { acknowledgeFeedback } from '#shared/api/feedback';
import { acknowledgeOwnFeedback } from '#shared/app/feedback';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(acknowledgeFeedback, async (req) =>
  json(await acknowledgeOwnFeedback(req, req.params.nip, req.params.id, req.body.version)),
);
