import { replyFeedback } from '#shared/api/feedback';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { feedbackParty, requireParty } from '#shared/store/feedback-context';
import { FeedbackRepository } from '#shared/store/feedback';

/** The employee replies, and the supervisor may answer: the feedback becomes a dialog. */
export const handler = userHandler(replyFeedback, async (req) => {
  const { target, relation } = await feedbackParty(req, req.params.nip);
  requireParty(relation);
  const ctx = writeContext(req);
  const saved = await new FeedbackRepository(req.scope).change(
    target.nip,
    req.params.id,
    req.body.version,
    (f) => ({ replies: [...f.replies, { by: req.principal.nip, text: req.body.text, at: ctx.now }] }),
    ctx,
  );
  return json(saved);
});
