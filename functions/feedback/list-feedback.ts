import { listFeedback } from '#shared/api/feedback';
import { json, userHandler } from '#shared/http/handler';
import { feedbackParty } from '#shared/app/feedback';
import { FeedbackRepository } from '#shared/store/feedback';

/** Feedback an employee received, newest first: the employee, their supervisors and admins read it. */
export const handler = userHandler(listFeedback, async (req) => {
  const { target } = await feedbackParty(req, req.params.nip);
  return json(await new FeedbackRepository(req.scope).list(target.nip, req.query.limit ?? 25, req.query.cursor));
});
