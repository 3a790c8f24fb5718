import { getScoringRun } from '#shared/api/evaluations';
import { isOrgWideReader, reasons } from '#shared/auth/policy';
import { forbidden, notFound } from '#shared/messages/errors';
import { json, userHandler } from '#shared/http/handler';
import { ScoringRunRepository } from '#shared/store/scoring';

/** A run's progress: its exact counters, and the units still pending. */
export const handler = userHandler(getScoringRun, async (req) => {
  if (!isOrgWideReader(req.principal)) throw forbidden(reasons.bkpsdmOnly);
  const runs = new ScoringRunRepository(req.scope);
  const [run, tasks] = await Promise.all([runs.run(req.params.periodId, req.params.runId), runs.tasks(req.params.periodId, req.params.runId)]);
  if (!run) throw notFound('scoring_run');
  const { doneTasks, taskCount, scored, ...rest } = run;
  return json({
    ...rest,
    tasks: { total: taskCount ?? null, done: doneTasks ?? 0 },
    employeesScored: scored ?? 0,
    pendingUnits: tasks.filter((t) => t.state !== 'done').map((t) => t.unitCode),
  });
});
