import { getRaterPattern } from '#shared/api/fairness';
import { raterPatternOf } from '#shared/app/fairness';
import { json, userHandler } from '#shared/http/handler';

/** One supervisor's rater pattern of a period. */
export const handler = userHandler(getRaterPattern, async (req) =>
  json(await raterPatternOf(req, req.params.nip, req.params.periodId)),
);
