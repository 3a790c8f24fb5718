import { finalisePeriod } from '#shared/api/evaluations';
import { finaliseScoredPeriod } from '#shared/app/distribution';
import { json, userHandler } from '#shared/http/handler';

/** Finalises a scored period once its checks pass (see finaliseScoredPeriod); from then on only appeals change it. */
export const handler = userHandler(finalisePeriod, async (req) =>
  json(await finaliseScoredPeriod(req, req.params.year, req.params.periodId, req.body)),
);
