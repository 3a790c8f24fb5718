import { answerSignal } from '#shared/api/fairness';
import { answerSignal as answer } from '#shared/app/fairness';
import { json, userHandler } from '#shared/http/handler';

/** The person answers one of their signals with a note; supervisors and BKPSDM read it beside the signal. */
export const handler = userHandler(answerSignal, async (req) =>
  json(await answer(req, req.params.nip, req.params.periodId, req.params.signalId, req.body)),
);
