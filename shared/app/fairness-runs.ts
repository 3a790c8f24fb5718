/**
 * The fairness run (issue 18): per period, one task per OPD computes every member's signals, the rater pattern of
 * everyone who verified or rated, and the adoption of every unit, and stores them (shared/store/fairness.ts). The
 * pages only read those records: nothing is computed on a view. Started daily by the schedule and on demand by
 * BKPSDM; the tasks go through the fairness-tasks queue as scoring's go through theirs. Never automatic: nothing
 * here changes a score, a rating or a reward.
 */
import { randomUUID } from 'node:crypto';
import { canManagePeriods, isOrgWideReader, reasons } from '../auth/policy.ts';
import { forEachConcurrently } from '../concurrency.ts';
import { planOf } from '../domain/evaluation.ts';
import { type MemberActivityFacts, unitAdoption } from '../domain/fairness-adoption.ts';
import { compareRaters, type RatedPerson, type RaterInputs, raterPattern } from '../domain/fairness-raters.ts';
import { type EntryFacts, personSignals, type Signal, sharedOutputSignals } from '../domain/fairness-signals.ts';
import { rulesOfPeriod } from '../domain/rules.ts';
import { addTotals, emptyTotals, indicatorsOf, type ServiceTotals } from '../domain/service-indicators.ts';
import { addDays, wibDate, yearOf } from '../domain/time.ts';
import { isWithin } from '../domain/units.ts';
import { forbidden, notFound } from '../messages/errors.ts';
import { sendMessages } from '../queues.ts';
import { type Activity, ActivityRepository } from '../store/activities.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { EvaluationRepository } from '../store/evaluations.ts';
import {
  FairnessRepository,
  type FairnessRun,
  FairnessRunRepository,
  type FairnessTask,
  type OverdueQueue,
  type RaterPatternRecord,
  type UnitAdoptionRecord,
} from '../store/fairness.ts';
import { HolidayRepository } from '../store/holidays.ts';
import { type Item, OrgScope, type WriteContext } from '../store/org-scope.ts';
import { organisationIds } from '../store/organisations.ts';
import { PlanRepository, type PlanVersion } from '../store/plans.ts';
import { ServiceTotalsRepository } from '../store/service-totals.ts';
import { type Unit, UnitRepository } from '../store/units.ts';
import { type Period, YearRepository } from '../store/years.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';
import { opdsOf } from './distribution.ts';

type TaskMessage = FairnessTask & { orgId: string };

/** Days read before the day counted to, whatever the period: who last logged when, and queues left from before. */
const LOOKBACK_DAYS = 31;

/** Records a run (unless one with this id exists) with one task per OPD, then sends the tasks to their queue. */
async function startRun(
  scope: OrgScope,
  period: Period,
  rulesVersion: number,
  trigger: FairnessRun['trigger'],
  runId: string,
  ctx: WriteContext,
) {
  const opds = opdsOf(await new UnitRepository(scope).tree());
  const started = await new FairnessRunRepository(scope).start(
    { periodId: period.id, runId, trigger, rulesVersion, startedBy: ctx.actor, startedAt: ctx.now },
    opds.map((o) => o.code),
    ctx,
  );
  await sendMessages(
    'fairness-tasks',
    started.tasks.map((t): TaskMessage => ({ orgId: scope.orgId, ...t })),
  );
  return started;
}

async function periodWithRules(scope: OrgScope, periodId: string) {
  const found = await new YearRepository(scope).getWithRules(yearOf(periodId));
  const period = found?.year.periods.find((p) => p.id === periodId);
  if (!found || !period) throw notFound('period');
  return { period, rules: rulesOfPeriod(found.rules, period) };
}

/** BKPSDM (re)computes a period's fairness figures now: 202 with the run id and the number of OPD tasks. */
export async function startFairnessRun(ctx: UseCaseContext, periodId: string) {
  if (!canManagePeriods(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  const { period, rules } = await periodWithRules(ctx.scope, periodId);
  const w = writeContextOf(ctx);
  const runId = `${w.now.replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
  const { run, tasks } = await startRun(ctx.scope, period, rules.rulesVersion, 'bkpsdm', runId, w);
  return { runId: run.runId, periodId: run.periodId, units: tasks.length, rulesVersion: run.rulesVersion };
}

/** A run's progress: its counters and the OPDs still pending (BKPSDM and auditors). */
export async function fairnessRunProgress(ctx: UseCaseContext, periodId: string, runId: string) {
  if (!isOrgWideReader(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  const runs = new FairnessRunRepository(ctx.scope);
  const [run, tasks, tree] = await Promise.all([
    runs.run(periodId, runId),
    runs.tasks(periodId, runId),
    new UnitRepository(ctx.scope).tree(),
  ]);
  if (!run) throw notFound('fairness_run');
  const { taskCount, doneTasks, people, ...rest } = run;
  const names = new Map(tree.map((u) => [u.code, u.name]));
  return {
    ...rest,
    units: { total: taskCount ?? null, done: doneTasks ?? 0 },
    people: people ?? 0,
    pendingUnits: tasks
      .filter((t) => t.state !== 'done')
      .map((t) => ({ unitCode: t.opdCode, unitName: names.get(t.opdCode) ?? '' })),
  };
}

/**
 * A task the queue delivered: computes its OPD (idempotent: the same records again), marks it done, closes the run
 * when it was the last. A task already done (a message delivered twice) is left alone. Returns the people computed.
 */
export async function runDeliveredFairnessTask(task: TaskMessage, now: Date): Promise<number> {
  const scope = new OrgScope(task.orgId);
  const ctx = { actor: 'system:fairness', now: now.toISOString() };
  const runs = new FairnessRunRepository(scope);
  if ((await runs.task(task))?.state !== 'pending') return 0;
  const people = await computeOpd(scope, task.periodId, task.opdCode, now);
  await runs.markDone(task, people, ctx.now);
  await runs.finishIfComplete(task.periodId, task.runId, ctx);
  return people;
}

const nipOfActor = (actor: string | undefined) => (actor?.startsWith('nip:') ? actor.slice(4) : undefined);
const dateOf = (iso: string) => wibDate(new Date(iso));
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const factsOf = (a: Activity): EntryFacts => ({
  id: a.id,
  nip: a.nip,
  date: a.date,
  start: a.start,
  end: a.end,
  minutes: a.minutes,
  description: a.description,
  ikiId: a.ikiId,
  outputQuantity: a.outputQuantity,
  outputUnit: a.outputUnit,
  evidence: a.evidence ?? [],
  status: a.status as EntryFacts['status'],
  createdAt: a.createdAt,
  supervisorNip: a.supervisorNip,
  ...(a.verifiedBy ? { verifiedBy: a.verifiedBy } : {}),
  ...(a.verifiedAt ? { verifiedAt: a.verifiedAt } : {}),
});

interface MemberInputs {
  member: Item;
  /** Entries from the look-back start to the end of the period (all statuses). */
  entries: Activity[];
  plan: PlanVersion | undefined;
}

/**
 * Computes one OPD's figures for a period and writes them. Requests (DynamoDB), for an OPD of n active members:
 *   fixed: the year and its rules (1 query), the unit tree (1), the members (1 index query, paged), the holidays
 *     (1 batch get), and per unit of the OPD its service totals (1 query each);
 *   per member: their entries from the look-back start to the period's end (1 query, paged past 1 MB) and their
 *     plan versions of the year (1 query), eight members at a time; the service totals credited to them (1 query)
 *     only for those whose plan has service-measured indicators;
 *   per 25 members: their evaluations (2 keys each: 1 batch get per 12.5);
 *   writes: each member's signals (1 UpdateItem: a conditional-free SET that never touches the answers), the rater
 *     patterns and unit adoptions in batch writes (25 a call).
 * About three requests per member in all (test/bench/analytics.ts counts them).
 */
export async function computeOpd(scope: OrgScope, periodId: string, opdCode: string, now: Date): Promise<number> {
  const computedAt = now.toISOString();
  const { period, rules } = await periodWithRules(scope, periodId);
  const tree = await new UnitRepository(scope).tree();
  const opd = tree.find((u) => u.code === opdCode);
  if (!opd) return 0;
  const units = tree.filter((u) => isWithin(u.path, opd.path));
  const today = wibDate(now);
  // The day idle days and queue ages are counted to: today, or the period's last day once it is over.
  const asOf = [today, period.end].sort()[0]!;
  const from = [period.start, addDays(asOf, -LOOKBACK_DAYS)].sort()[0]!;
  const to = period.end;
  const totals = new ServiceTotalsRepository(scope);
  const [everyone, holidays, unitTotals] = await Promise.all([
    new EmployeeRepository(scope).allUnitMembers(opd.path),
    new HolidayRepository(scope).dates(new Set([yearOf(from), yearOf(to)])),
    loadUnitTotals(totals, units, period.id),
  ]);
  const isWorkingDay = (d: string) => {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6 && !holidays.has(d);
  };
  const members = everyone
    .filter((m) => m.status === 'active')
    .sort((a, b) => (a.nip as string).localeCompare(b.nip as string));
  const byNip = new Map(everyone.map((m) => [m.nip as string, m]));

  // Entries and plans: one query each per member, eight members at a time.
  const activities = new ActivityRepository(scope);
  const plans = new PlanRepository(scope);
  const inputs = new Array<MemberInputs>(members.length);
  await forEachConcurrently(members, 8, async (m, k) => {
    const nip = m.nip as string;
    const [entries, versions] = await Promise.all([
      activities.range(nip, from, to),
      plans.versions(nip, yearOf(period.id)),
    ]);
    inputs[k] = { member: m, entries, plan: planOf(versions, period.end) };
  });
  const inPeriod = (a: Activity) => a.date >= period.start && a.date <= period.end;
  const serviceIkis = (p: PlanVersion | undefined) =>
    (p?.rhk ?? []).flatMap((r) => r.iki.filter((i) => i.source === 'service').map((i) => i.id));

  // Credited service transactions: only for people with service-measured indicators (one query each). None is
  // "not measured" (null) when the person's unit counted nothing served in the period at all.
  const credited = new Map<string, number | null>();
  await forEachConcurrently(
    inputs.filter((i) => serviceIkis(i.plan).length > 0),
    8,
    async ({ member }) => {
      const nip = member.nip as string;
      const own = unitTotals.get(member.unitCode as string);
      const officer = await totals.officer(nip, period.id);
      credited.set(nip, officer.byUnit.size === 0 && !own?.served ? null : officer.combined.served);
    },
  );

  // Signals: each person's own, and documents shared across the OPD's people.
  const periodFacts = inputs.map((i) => i.entries.filter(inPeriod).map(factsOf));
  const shared = sharedOutputSignals(periodFacts.flat(), rules);
  const fairness = new FairnessRepository(scope);
  await forEachConcurrently(inputs, 16, async ({ member, plan }, k) => {
    const nip = member.nip as string;
    const signals: Signal[] = [
      ...personSignals(
        {
          nip,
          periodId: period.id,
          entries: periodFacts[k]!,
          inputDeadline: period.inputDeadline,
          serviceIkiIds: serviceIkis(plan),
          creditedServed: credited.get(nip) ?? null,
        },
        rules,
      ),
      ...(shared.get(nip) ?? []),
    ];
    await fairness.putPersonSignals({
      nip,
      name: member.name as string,
      unitCode: member.unitCode as string,
      unitPath: member.unitPath as string,
      supervisorNip: (member.supervisorNip as string | null | undefined) ?? null,
      periodId: period.id,
      rulesVersion: rules.rulesVersion,
      computedAt,
      signals,
    });
  });

  // Raters: who decided the period's entries, whose queues hold pending ones, who rated whom.
  const evaluations = await new EvaluationRepository(scope).getMany(
    members.map((m) => m.nip as string),
    period.id,
  );
  const raters = new Map<string, RaterInputs>();
  const raterOf = (nip: string) => {
    let r = raters.get(nip);
    if (!r) raters.set(nip, (r = { supervisorNip: nip, decided: [], pending: [], rated: [] }));
    return r;
  };
  for (const { entries } of inputs)
    for (const a of entries) {
      if (a.status === 'pending' && a.supervisorNip)
        raterOf(a.supervisorNip).pending.push({ entryId: a.id, nip: a.nip, createdAt: a.createdAt });
      const by = nipOfActor(a.verifiedBy);
      if (a.status !== 'pending' && by && a.verifiedAt && inPeriod(a))
        raterOf(by).decided.push({
          entryId: a.id,
          nip: a.nip,
          createdAt: a.createdAt,
          verifiedAt: a.verifiedAt,
          status: a.status as 'approved' | 'rejected',
        });
    }
  for (const e of evaluations) {
    const by = nipOfActor(e.review?.by);
    if (!e.review || !by) continue;
    const ratedName = byNip.get(e.nip)?.name as string | undefined;
    const rated: RatedPerson = {
      nip: e.nip,
      ...(ratedName ? { name: ratedName } : {}),
      given: e.review.hasilKerja,
      recommended: e.recommendedHasilKerja ?? null,
      overridden: e.recommendedHasilKerja !== undefined && e.review.hasilKerja !== e.recommendedHasilKerja,
      ...(e.review.reasons.hasilKerja ? { reason: e.review.reasons.hasilKerja } : {}),
    };
    raterOf(by).rated.push(rated);
  }
  // A rater outside the OPD (who verifies for it from above) is computed in their own OPD's task, not here: two
  // tasks never write the same record.
  const ownRaters = [...raters.values()].filter((r) => byNip.has(r.supervisorNip));
  const patterns = ownRaters.map((r) => raterPattern(r, rules, now));
  const comparisons = new Map(compareRaters(patterns, rules).map((c) => [c.supervisorNip, c]));
  const results = (unitPath: string) => {
    const t = [...unitTotals]
      .filter(([code]) => isWithin(units.find((u) => u.code === code)!.path, unitPath))
      .reduce((sum, [, u]) => addTotals(sum, u), emptyTotals());
    const i = indicatorsOf(t);
    return { withinStandardPct: i.withinStandardPct, ikm: i.survey.ikm };
  };
  const raterRecords: RaterPatternRecord[] = patterns.map((pattern) => {
    const m = byNip.get(pattern.supervisorNip)!;
    return {
      nip: pattern.supervisorNip,
      name: m.name as string,
      unitCode: m.unitCode as string,
      unitPath: m.unitPath as string,
      periodId: period.id,
      rulesVersion: rules.rulesVersion,
      computedAt,
      pattern,
      comparison: comparisons.get(pattern.supervisorNip)!,
      unitResults: results(m.unitPath as string),
    };
  });
  await fairness.putRaterPatterns(raterRecords);

  // Adoption of every unit of the OPD (its whole subtree), and the queues waiting too long in it.
  const lastLogged = new Map(
    inputs.map((i) => [
      i.member.nip as string,
      i.entries
        .filter((a) => a.date <= asOf)
        .map((a) => a.date)
        .sort()
        .at(-1) ?? null,
    ]),
  );
  const queues: (OverdueQueue & { unitPath: string })[] = [];
  for (const r of raters.values()) {
    const m = byNip.get(r.supervisorNip);
    if (!m || r.pending.length === 0) continue;
    const oldest = r.pending.map((p) => dateOf(p.createdAt)).sort()[0]!;
    const oldestPendingDays = Math.max(0, daysBetween(oldest, asOf));
    if (oldestPendingDays > rules.queueDeadlineDays)
      queues.push({
        supervisorNip: r.supervisorNip,
        name: m.name as string,
        pending: r.pending.length,
        oldestPendingDays,
        unitPath: m.unitPath as string,
      });
  }
  const adoptions: UnitAdoptionRecord[] = units.map((u) => {
    const facts: MemberActivityFacts[] = members
      .filter((m) => isWithin(m.unitPath as string, u.path))
      .map((m) => ({ nip: m.nip as string, lastLoggedDate: lastLogged.get(m.nip as string) ?? null, active: true }));
    return {
      unitCode: u.code,
      unitPath: u.path,
      periodId: period.id,
      computedAt,
      asOf,
      adoption: unitAdoption(facts, asOf, isWorkingDay, rules),
      overdueQueues: queues
        .filter((q) => isWithin(q.unitPath, u.path))
        .sort((a, b) => b.oldestPendingDays - a.oldestPendingDays || a.supervisorNip.localeCompare(b.supervisorNip))
        .map(({ unitPath: _, ...q }) => q),
    };
  });
  await fairness.putUnitAdoptions(adoptions);
  return members.length;
}

/** Each unit's own service totals of the period (one query a unit, eight at a time). */
async function loadUnitTotals(
  totals: ServiceTotalsRepository,
  units: Unit[],
  periodId: string,
): Promise<Map<string, ServiceTotals>> {
  const out = new Map<string, ServiceTotals>();
  await forEachConcurrently(units, 8, async (u) => {
    out.set(u.code, (await totals.unit(u.code, periodId)).unit);
  });
  return out;
}

/**
 * The periods the daily run computes on `today` (WIB): the month or quarter containing it, and the one before
 * while its input deadline has not passed (entries may still come in).
 */
export function periodsToCompute(periods: Period[], today: string): Period[] {
  return periods.filter(
    (p) =>
      p.kind !== 'year' && p.state !== 'finalised' && p.start <= today && (today <= p.end || today <= p.inputDeadline),
  );
}

/**
 * What the daily schedule does for one organisation: a run for each period to compute (see periodsToCompute),
 * named after the day, so a second invocation of the same day starts nothing. Returns the periods it started.
 */
export async function computeDuePeriods(orgId: string, now: Date): Promise<string[]> {
  const scope = new OrgScope(orgId);
  const years = new YearRepository(scope);
  const today = wibDate(now);
  const ctx = { actor: 'system:schedule', now: now.toISOString() };
  const started: string[] = [];
  for (const year of [...new Set([yearOf(addDays(today, -LOOKBACK_DAYS)), yearOf(today)])]) {
    const found = await years.getWithRules(year);
    if (!found) continue;
    for (const period of periodsToCompute(found.year.periods, today)) {
      const runId = `${today.replace(/-/g, '')}-daily`;
      const { rulesVersion } = rulesOfPeriod(found.rules, period);
      const { created } = await startRun(scope, period, rulesVersion, 'schedule', runId, ctx);
      if (created) started.push(period.id);
    }
  }
  return started;
}

/** The daily schedule over every organisation; one organisation's trouble does not hold back the others. */
export async function computeDuePeriodsEverywhere(
  now: Date,
  onFailure: (orgId: string, err: unknown) => void,
): Promise<Record<string, string[]>> {
  const started: Record<string, string[]> = {};
  for (const orgId of await organisationIds()) {
    try {
      const periods = await computeDuePeriods(orgId, now);
      if (periods.length) started[orgId] = periods;
    } catch (err) {
      onFailure(orgId, err);
    }
  }
  return started;
}
