import { getScoringRun } from '#shared/api/evaluations';
import { json, userHandler } from '#shared/http/handler';
import { scoringRunProgress } from '#shared/app/scoring';

/** A run's progress: its exact counters, and the units still pending. */
export const handler = userHandler(getScoringRun, async (req) => json(await scoringRunProgress(req, req.params.periodId, req.params.runId)));
