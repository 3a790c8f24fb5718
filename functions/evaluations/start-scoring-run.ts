import { startScoringRun } from '#shared/api/evaluations';
import { canManagePeriods, reasons } from '#shared/auth/policy';
import { forbidden } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { ScoringRunRepository } from '#shared/store/scoring';
import { YearRepository } from '#shared/store/years';

/** BKPSDM starts (or re-runs) scoring for a period, or for one unit's subtree; the tasks run through the stream. */
export const handler = userHandler(startScoringRun, async (req) => {
  if (!canManagePeriods(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const period = await new YearRepository(req.scope).findPeriod(req.body.periodId);
  const { run, tasks } = await new ScoringRunRepository(req.scope).start(period, Number(period.id.slice(0, 4)), req.body.unitCode ?? null, 'stream', writeContext(req));
  return json({ runId: run.runId, periodId: run.periodId, tasks: tasks.length, rulesVersion: run.rulesVersion }, 202);
});
