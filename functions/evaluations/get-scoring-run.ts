import { getScoringRun } from '#shared/api/evaluations';
import { isOrgWideReader, reasons } from '#shared/auth/policy';
import { forbidden, notFound } from '#shared/http/errors';
import { json, userHandler } from '#shared/http/handler';
import { ScoringRunRepository } from '#shared/store/scoring';

export const handler = userHandler(getScoringRun, async (req) => {
  if (!isOrgWideReader(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const found = await new ScoringRunRepository(req.scope).run(req.params.periodId, req.params.runId);
  if (!found) throw notFound('scoring_run');
  const done = found.tasks.filter((t) => t.state === 'done');
  return json({
    ...found.run,
    tasks: { total: found.tasks.length, done: done.length },
    employeesScored: done.reduce((s, t) => s + (t.scored ?? 0), 0),
    pendingUnits: found.tasks.filter((t) => t.state !== 'done').map((t) => t.unitCode),
  });
});
