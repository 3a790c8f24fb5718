import { rateBehaviour } from '#shared/api/evaluations';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { reviewableEvaluation } from '#shared/app/evaluations';
import { EvaluationRepository, outcomeOf } from '#shared/store/evaluations';

/** The direct supervisor's BerAKHLAK ratings of the period; the recommended perilaku follows from them. */
export const handler = userHandler(rateBehaviour, async (req) => {
  const { target, period } = await reviewableEvaluation(req, req.params.nip, req.params.periodId);
  const ctx = writeContext(req);
  const saved = await new EvaluationRepository(req.scope).change(
    target.nip,
    period.id,
    req.body.version,
    // New ratings change the recommendation a review confirmed or overrode: the review must be made again.
    (e) => ({ behaviour: { values: req.body.values, ...(req.body.note ? { note: req.body.note } : {}), by: ctx.actor, at: ctx.now }, ...(e.review ? { review: undefined } : {}) }),
    ctx,
  );
  return json({ ...saved, outcome: outcomeOf(saved) });
});
