import { startFairnessRun } from '#shared/api/fairness-runs';
import { startFairnessRun as start } from '#shared/app/fairness-runs';
import { json, userHandler } from '#shared/http/handler';

/** BKPSDM recomputes a period's fairness figures now; the OPD tasks run through the fairness-tasks queue. */
export const handler = userHandler(startFairnessRun, async (req) => json(await start(req, req.params.periodId), 202));
