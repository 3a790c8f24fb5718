import { startScoringRun } from '#shared/api/evaluations';
import { startScoring } from '#shared/app/scoring';
import { json, userHandler } from '#shared/http/handler';

/** BKPSDM starts (or re-runs) scoring for a period, or for one unit's subtree; the tasks run through the stream. */
export const handler = userHandler(startScoringRun, async (req) =>
  json(await startScoring(req, req.body.periodId, req.body.unitCode), 202),
);
