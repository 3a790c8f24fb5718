import { recordDialog } from '#shared/api/feedback';
import { created, userHandler, writeContext } from '#shared/http/handler';
import { feedbackParty, requireParty } from '#shared/app/feedback';
import { FeedbackRepository } from '#shared/store/feedback';

/** Either side of a performance dialog records it: the date, the topics and the agreed follow-ups. */
export const handler = userHandler(recordDialog, async (req) => {
  const { target, relation } = await feedbackParty(req, req.params.nip);
  requireParty(relation);
  const { date, topics, followUps, notes } = req.body;
  return created(
    await new FeedbackRepository(req.scope).recordDialog(
      { nip: target.nip, supervisorNip: target.supervisorNip ?? null, date, topics, followUps: followUps ?? [], ...(notes ? { notes } : {}), recordedBy: req.principal.nip },
      writeContext(req),
    ),
  );
});
