import { giveFeedback } from '#shared/api/feedback';
import { giveFeedbackTo } from '#shared/app/feedback';
import { created, userHandler } from '#shared/http/handler';

export const handler = userHandler(giveFeedback, async (req) =>
  created(await giveFeedbackTo(req, req.params.nip, req.body)),
);
