import { listDialogs } from '#shared/api/feedback';
import { json, userHandler } from '#shared/http/handler';
import { feedbackParty } from '#shared/app/feedback';
import { FeedbackRepository } from '#shared/store/feedback';

export const handler = userHandler(listDialogs, async (req) => {
  const { target } = await feedbackParty(req, req.params.nip);
  return json(await new FeedbackRepository(req.scope).dialogs(target.nip, req.query.limit ?? 25, req.query.cursor));
});
