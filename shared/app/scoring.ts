import { canManagePeriods, isOrgWideReader, reasons } from '../auth/policy.ts';
import { forEachConcurrently } from '../concurrency.ts';
import {
  computeEvaluation,
  type PersonInputs,
  planOf,
  type ScoredPerson,
  type ScoringContext,
} from '../domain/evaluation.ts';
import { isFinalisedAt } from '../domain/evaluation-finalisation.ts';
import { rulesOfPeriod } from '../domain/rules.ts';
import { indicatorsOf } from '../domain/service-indicators.ts';
import { yearOf } from '../domain/time.ts';
import { unitHeads } from '../domain/units.ts';
import { forbidden, notFound } from '../messages/errors.ts';
import { sendMessages } from '../queues.ts';
import { ActivityRepository } from '../store/activities.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { EvaluationRepository } from '../store/evaluations.ts';
import { type Item, OrgScope, type WriteContext } from '../store/org-scope.ts';
import { PlanRepository, type PlanVersion } from '../store/plans.ts';
import { type ScoringRun, ScoringRunRepository, type ScoringTask, SLICE } from '../store/scoring.ts';
import { ServiceTotalsRepository } from '../store/service-totals.ts';
import { UnitRepository } from '../store/units.ts';
import { type Period, YearRepository } from '../store/years.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';

/**
 * Starts a run whose tasks go through the scoring-tasks queue: they are recorded (with the run's exact task
 * count) first, then sent. A start killed before the sending leaves a run that never finishes; starting again
 * gives the figures of one clean run (tasks write each person's record whole).
 */
export async function startQueuedRun(
  scope: OrgScope,
  period: Period,
  unitCode: string | null,
  ctx: WriteContext,
): Promise<{ run: ScoringRun; tasks: ScoringTask[] }> {
  const started = await new ScoringRunRepository(scope).start(period, yearOf(period.id), unitCode, 'queue', ctx);
  await sendMessages(
    'scoring-tasks',
    started.tasks.map((t) => taskMessage(scope, t)),
  );
  return started;
}

const taskMessage = (scope: OrgScope, t: ScoringTask) => ({ orgId: scope.orgId, ...t });

/** BKPSDM starts (or re-runs) scoring for a period, or for one unit's subtree; the tasks run through their queue. */
export async function startScoring(ctx: UseCaseContext, periodId: string, unitCode: string | undefined) {
  if (!canManagePeriods(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  const { run, tasks } = await startQueuedRun(ctx.scope, period, unitCode ?? null, writeContextOf(ctx));
  return { runId: run.runId, periodId: run.periodId, tasks: tasks.length, rulesVersion: run.rulesVersion };
}

/** A run's progress: its exact counters, and the units still pending (with their names). */
export async function scoringRunProgress(ctx: UseCaseContext, periodId: string, runId: string) {
  if (!isOrgWideReader(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  const runs = new ScoringRunRepository(ctx.scope);
  const [run, tasks, tree] = await Promise.all([
    runs.run(periodId, runId),
    runs.tasks(periodId, runId),
    new UnitRepository(ctx.scope).tree(),
  ]);
  if (!run) throw notFound('scoring_run');
  const { doneTasks, taskCount, scored, ...rest } = run;
  const unitNames = new Map(tree.map((u) => [u.code, u.name]));
  // A large unit has several slices: named once.
  const pending = [...new Set(tasks.filter((t) => t.state !== 'done').map((t) => t.unitCode))];
  return {
    ...rest,
    tasks: { total: taskCount ?? null, done: doneTasks ?? 0 },
    employeesScored: scored ?? 0,
    pendingUnits: pending.map((unitCode) => ({ unitCode, unitName: unitNames.get(unitCode) ?? '' })),
  };
}

/**
 * A task the queue delivered: scores its employees (idempotent: a redelivered or re-run task writes the same
 * figures), sends the next slice of a large unit, marks the task done, and closes the run when it was the last.
 * A task already done (a message delivered twice) is left alone. Returns how many it scored.
 */
export async function runDeliveredTask(task: ScoringTask & { orgId: string }, now: Date): Promise<number> {
  const scope = new OrgScope(task.orgId);
  const ctx = { actor: 'system:scoring', now: now.toISOString() };
  const runs = new ScoringRunRepository(scope);
  if ((await runs.task(task))?.state !== 'pending') return 0;
  const { scored, next } = await runScoringTask(scope, task, ctx);
  // Sent on every delivery, before this task counts as done: a delivery killed after recording the next slice
  // but before sending it is delivered again and sends it then (running a slice twice changes no figure).
  if (next) await sendMessages('scoring-tasks', [taskMessage(scope, next)]);
  await runs.markDone(task, scored, ctx.now);
  await runs.finishIfComplete(task.periodId, task.runId, ctx);
  return scored;
}

/** Scores one task's employees (see the chunk loop for the requests it makes). */
export async function runScoringTask(
  scope: OrgScope,
  task: ScoringTask,
  ctx: WriteContext,
  onProgress?: (done: number) => void,
): Promise<{ scored: number; next?: ScoringTask }> {
  const year = yearOf(task.periodId);
  const years = new YearRepository(scope);
  const [unit, found] = await Promise.all([new UnitRepository(scope).get(task.unitCode), years.getWithRules(year)]);
  const period = found?.year.periods.find((p) => p.id === task.periodId);
  // A finalised OPD (or period) is left alone: only appeals change it.
  if (!unit || !found || !period || isFinalisedAt(period, unit.path)) return { scored: 0 };
  const rules = rulesOfPeriod(found.rules, period);
  const evaluations = new EvaluationRepository(scope);
  const everyone = (await new EmployeeRepository(scope).allUnitMembers(unit.path)).filter(
    (m) => m.unitCode === unit.code,
  );
  // Heads: members whose supervisor is not in the unit (anyone in it, active or not, still counts as inside).
  const heads = new Set(unitHeads(everyone).map((m) => m.nip as string));
  const all = everyone
    .filter((m) => m.status === 'active')
    .sort((a, b) => (a.nip as string).localeCompare(b.nip as string));
  const members = all.slice(task.slice * SLICE, (task.slice + 1) * SLICE).map(scoredPerson);
  let next: ScoringTask | undefined;
  if (all.length > (task.slice + 1) * SLICE) {
    next = { ...task, slice: task.slice + 1, state: 'pending' };
    await new ScoringRunRepository(scope).addTask(next);
  }
  const unitPredikat = (await evaluations.unitPredikat(unit.code, period.id))?.predikat ?? null;
  const shared: ScoringContext = { period, rules, unitPredikat, runId: task.runId };

  // Chunks of 100: plan versions one query each (eight at once), the running totals in batch reads, the results
  // in batch writes — about one request per person, plus one per 25 for the totals and one per 25 for the writes.
  // The next chunk's reads overlap this chunk's writes.
  let done = 0;
  const chunks = Array.from({ length: Math.ceil(members.length / 100) }, (_, c) =>
    members.slice(c * 100, c * 100 + 100),
  );
  let reading = chunks[0] ? loadInputs(scope, chunks[0], period) : undefined;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const inputs = await reading!;
    reading = chunks[c + 1] ? loadInputs(scope, chunks[c + 1]!, period) : undefined;
    const results = chunk.map((m, k) => computeEvaluation(m, heads.has(m.nip), shared, inputs[k]!, ctx.now));
    // An OPD (or period) finalised while the run goes on is left alone from then on (checked every 1,000 people).
    if (c > 0 && c % 10 === 0) {
      const now = (await years.get(year))?.periods.find((p) => p.id === period.id);
      if (!now || isFinalisedAt(now, unit.path)) break;
    }
    await evaluations.saveComputed(results, ctx);
    done += chunk.length;
    onProgress?.(done);
  }
  await reading?.catch(() => undefined);
  return { scored: done, ...(next ? { next } : {}) };
}

const scoredPerson = (m: Item): ScoredPerson => ({
  nip: m.nip as string,
  name: m.name as string,
  position: m.position as string,
  unitCode: m.unitCode as string,
  unitPath: m.unitPath as string,
  supervisorNip: (m.supervisorNip as string | null) ?? null,
});

async function loadInputs(
  scope: OrgScope,
  chunk: ScoredPerson[],
  period: Period,
): Promise<PersonInputs<PlanVersion>[]> {
  const plans = new PlanRepository(scope);
  const versions = new Array<PlanVersion[]>(chunk.length);
  await forEachConcurrently(chunk, 8, async (m, k) => {
    versions[k] = await plans.versions(m.nip, yearOf(period.id));
  });
  const plan = (k: number) => planOf(versions[k]!, period.end);
  const ikiIds = (k: number) =>
    (plan(k)?.rhk ?? []).flatMap((r) => r.iki.filter((i) => i.source !== 'service').map((i) => i.id));
  // The year adds up its months (or quarters).
  const approved = await new ActivityRepository(scope).approvedQuantities(
    period.id,
    chunk.map((m, k) => ({ nip: m.nip, ikiIds: ikiIds(k) })),
    period.kind === 'year',
  );
  const services = await Promise.all(
    chunk.map(async (m, k) =>
      (plan(k)?.rhk ?? []).some((r) => r.iki.some((i) => i.source === 'service'))
        ? indicatorsOf((await new ServiceTotalsRepository(scope).officer(m.nip, period.id)).combined)
        : undefined,
    ),
  );
  return chunk.map((_, k) => ({
    versions: versions[k]!,
    approved: approved[k]!,
    ...(services[k] ? { service: services[k] } : {}),
  }));
}
