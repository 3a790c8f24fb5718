import { listFeedback } from '#shared/api/feedback';
import { feedbackReceived } from '#shared/app/feedback';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listFeedback, async (req) =>
  json(await feedbackReceived(req, req.params.nip, req.query)),
);
