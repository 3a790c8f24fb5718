import { acknowledgeFeedback } from '#shared/api/feedback';
import { ownNip } from '#shared/app/access';
import { reasons } from '#shared/auth/policy';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { FeedbackRepository } from '#shared/store/feedback';

/** The employee confirms having read and understood the feedback (once; later calls keep the first time). */
export const handler = userHandler(acknowledgeFeedback, async (req) => {
  const nip = ownNip(req.principal, req.params.nip, reasons.feedbackParties);
  const ctx = writeContext(req);
  const saved = await new FeedbackRepository(req.scope).change(nip, req.params.id, req.body.version, (f) => ({ acknowledgedAt: f.acknowledgedAt ?? ctx.now }), ctx);
  return json(saved);
});
