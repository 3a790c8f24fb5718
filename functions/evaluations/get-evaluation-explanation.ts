import { getEvaluationExplanation } from '#shared/api/evaluations';
import { explainEvaluation } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** Every number of an evaluation with its inputs and formula, in Bahasa Indonesia: what an employee can check and contest. */
export const handler = userHandler(getEvaluationExplanation, async (req) =>
  json(await explainEvaluation(req, req.params.nip, req.params.periodId)),
);
