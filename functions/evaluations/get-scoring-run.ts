import { getScoringRun } from '#shared/api/evaluations';
import { scoringRunProgress } from '#shared/app/scoring';
import { json, userHandler } from '#shared/http/handler';

/** A run's progress: its exact counters, and the units still pending. */
export const handler = userHandler(getScoringRun, async (req) =>
  json(await scoringRunProgress(req, req.params.periodId, req.params.runId)),
);
