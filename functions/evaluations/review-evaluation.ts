import { reviewEvaluation } from '#shared/api/evaluations';
import { reviewEvaluationOf } from '#shared/app/evaluations';
import { json, userHandler } from '#shared/http/handler';

/** Confirms or overrides each recommended rating; an override needs a written reason. */
export const handler = userHandler(reviewEvaluation, async (req) =>
  json(await reviewEvaluationOf(req, req.params.nip, req.params.periodId, req.body)),
);
