import { getFairnessRun } from '#shared/api/fairness-runs';
import { fairnessRunProgress } from '#shared/app/fairness-runs';
import { json, userHandler } from '#shared/http/handler';

/** A fairness run's progress: its counters and the OPDs still pending. */
export const handler = userHandler(getFairnessRun, async (req) =>
  json(await fairnessRunProgress(req, req.params.periodId, req.params.runId)),
);
