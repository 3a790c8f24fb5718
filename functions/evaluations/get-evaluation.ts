import { getEvaluation } from '#shared/api/evaluations';
import { evaluationWithOutcome } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** The evaluation with the outcome in force and, once finalised, whether it can still be appealed. */
export const handler = userHandler(getEvaluation, async (req) =>
  json(await evaluationWithOutcome(req, req.params.nip, req.params.periodId)),
);
