import { getEvaluation } from '#shared/api/evaluations';
import { json, userHandler } from '#shared/http/handler';
import { readableEvaluation } from '#shared/store/evaluation-context';
import { outcomeOf } from '#shared/store/evaluations';

/** The evaluation with the outcome in force and, once finalised, whether it can still be appealed. */
export const handler = userHandler(getEvaluation, async (req) => {
  const { evaluation, period } = await readableEvaluation(req, req.params.nip, req.params.periodId);
  return json({ ...evaluation, periodState: period.state, outcome: outcomeOf(evaluation) });
});
