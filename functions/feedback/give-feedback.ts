import { giveFeedback } from '#shared/api/feedback';
import { reasons } from '#shared/auth/policy';
import { forbidden } from '#shared/messages/errors';
import { created, userHandler, writeContext } from '#shared/http/handler';
import { checkAbout, feedbackParty } from '#shared/app/feedback';
import { FeedbackRepository } from '#shared/store/feedback';

/** The direct supervisor (or today's Plt/Plh of the position) gives feedback to a subordinate. */
export const handler = userHandler(giveFeedback, async (req) => {
  const { target, relation } = await feedbackParty(req, req.params.nip);
  if (relation !== 'direct_supervisor') throw forbidden(reasons.directSupervisorOnly);
  await checkAbout(req.scope, target.nip, req.body.about);
  return created(await new FeedbackRepository(req.scope).give(target.nip, req.principal.nip, req.body.about, req.body.text, writeContext(req)));
});
