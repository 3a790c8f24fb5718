import { getEvaluation } from '#shared/api/evaluations';
import { json, userHandler } from '#shared/http/handler';
import { readableEvaluation } from '#shared/app/evaluations';
import { inputSummary, outcomeOf } from '#shared/store/evaluations';

/** The evaluation with the outcome in force and, once finalised, whether it can still be appealed. */
export const handler = userHandler(getEvaluation, async (req) => {
  const { evaluation, input, period } = await readableEvaluation(req, req.params.nip, req.params.periodId);
  // 360° input beside the supervisor's ratings: counts and comments, never who gave them, never averaged in.
  return json({ ...evaluation, periodState: period.state, outcome: outcomeOf(evaluation), input360: inputSummary(input) });
});
