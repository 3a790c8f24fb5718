import { replyFeedback } from '#shared/api/feedback';
import { DomainError } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { feedbackParty, requireParty } from '#shared/app/feedback';
import { FeedbackRepository } from '#shared/store/feedback';

const MAX_REPLIES = 50;

/** The employee replies, and the supervisor may answer: the feedback becomes a dialog. */
export const handler = userHandler(replyFeedback, async (req) => {
  const { target, relation } = await feedbackParty(req, req.params.nip);
  requireParty(relation);
  const ctx = writeContext(req);
  const saved = await new FeedbackRepository(req.scope).change(
    target.nip,
    req.params.id,
    req.body.version,
    (f) => {
      // A thread is one record: past this many replies, a new conversation is a new feedback or a dialog.
      if (f.replies.length >= MAX_REPLIES) throw new DomainError('feedback_thread_full', { max: MAX_REPLIES });
      return { replies: [...f.replies, { by: req.principal.nip, text: req.body.text, at: ctx.now }] };
    },
    ctx,
  );
  return json(saved);
});
