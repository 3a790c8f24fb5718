import { canManagePeriods, isOrgWideReader, reasons } from '../auth/policy.ts';
import { forEachConcurrently } from '../concurrency.ts';
import { type Evaluation, outcomeOf } from '../domain/evaluation.ts';
import {
  afterFinalising,
  type Finalisation,
  type FinalisationRefusal,
  finalisationOf,
  finalisationRefusal,
  pendingOpds,
} from '../domain/evaluation-finalisation.ts';
import {
  type CurveBound,
  type DistributionViolation,
  distributionCurve,
  distributionViolations,
  type Predikat,
  predikats,
  type UnitPredikat,
} from '../domain/scoring.ts';
import { isWithin } from '../domain/units.ts';
import { DomainError, forbidden, notFound } from '../messages/errors.ts';
import { EmployeeRepository } from '../store/employees.ts';
import { EvaluationRepository } from '../store/evaluations.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { ScoringRunRepository } from '../store/scoring.ts';
import { type Unit, UnitRepository } from '../store/units.ts';
import { type Period, YearRepository } from '../store/years.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';

export interface UnitDistribution {
  unitCode: string;
  unitName: string;
  unitPredikat: UnitPredikat;
  employees: number;
  counts: Record<Predikat, number>;
  /** What the unit's predikat expects of its employees' shares (SE MenPANRB), so a chart can draw it. */
  curve: CurveBound[];
  violations: DistributionViolation[];
}

/** Someone a report names: NIP, name (as scored), and unit with its name. */
export interface EvaluatedPerson {
  nip: string;
  name: string;
  unitCode: string;
  unitName: string;
}

/** At most this many people in each list of a report (by unit, then NIP); the count gives the total. */
export const REPORT_PEOPLE = 100;

/** Where one OPD stands: finalised, or what its finalisation still waits for. */
export interface OpdSummary {
  opdCode: string;
  opdName: string;
  state: 'finalised' | 'pending';
  finalisedAt: string | null;
  evaluations: number;
  unscoredCount: number;
  withoutPredikatCount: number;
  unreviewedCount: number;
  violations: number;
  /** Everyone scored and with a predikat: finalising may go ahead (accepting recommendations, acknowledging violations). */
  complete: boolean;
}

export interface DistributionReport {
  periodId: string;
  /** The OPD the report is about, or null for the whole organisation. */
  opd: string | null;
  evaluations: number;
  /** Active people with no evaluation (registered after the run): the first REPORT_PEOPLE. The next run scores them. */
  unscored: EvaluatedPerson[];
  unscoredCount: number;
  /** Evaluations whose outcome is still the recommendation (no current review): the first REPORT_PEOPLE. */
  unreviewed: EvaluatedPerson[];
  unreviewedCount: number;
  /** Evaluations with no predikat yet (no behaviour ratings): the first REPORT_PEOPLE. */
  withoutPredikat: EvaluatedPerson[];
  withoutPredikatCount: number;
  units: UnitDistribution[];
  violations: number;
  /** Each OPD of the report: the unit of the check and of finalisation. */
  opds: OpdSummary[];
}

/** The OPDs of a unit tree: its top units. */
export const opdsOf = (tree: Unit[]): Unit[] => tree.filter((u) => u.path === `/${u.code}/`);

/**
 * The kurva distribusi check of a period, per OPD (all, or the `only` ones): for every unit whose own predikat the
 * leadership has set, the predikat in force of the employees of its subtree against the SE MenPANRB table; and
 * who is still unscored, without a predikat or unreviewed. Reports; never changes a predikat.
 */
export async function distributionReport(
  scope: OrgScope,
  period: Period,
  only?: readonly string[],
): Promise<{ report: DistributionReport; evaluations: Evaluation[] }> {
  const repo = new EvaluationRepository(scope);
  const tree = await new UnitRepository(scope).tree();
  const opds = opdsOf(tree).filter((o) => !only || only.includes(o.code));
  const inside = (path: string) => opds.some((o) => isWithin(path, o.path));
  const [evaluations, unitPredikats, members, evaluatedAnywhere] = await Promise.all([
    only?.length === 1
      ? repo.inUnit(period.id, opds[0]?.path ?? `/${only[0]}/`)
      : repo.inUnit(period.id, '/').then((all) => (only ? all.filter((e) => inside(e.unitPath ?? '')) : all)),
    repo.unitPredikats(
      tree.filter((u) => inside(u.path)).map((u) => u.code),
      period.id,
    ),
    activeMembers(scope, opds),
    // Someone moved here after the run is scored elsewhere, not missing (the next run scores them here).
    only ? repo.evaluatedNips(period.id) : undefined,
  ]);
  const outcomes = evaluations.map((e) => ({ e, o: outcomeOf(e) }));
  // Names from the evaluations (as scored), the members and the tree already read: no request per person.
  const unitNames = new Map(tree.map((u) => [u.code, u.name]));
  const person = (e: { nip: string; name?: string; unitCode?: string }): EvaluatedPerson => ({
    nip: e.nip,
    name: e.name ?? '',
    unitCode: e.unitCode ?? '',
    unitName: unitNames.get(e.unitCode ?? '') ?? '',
  });
  const scored = evaluatedAnywhere ?? new Set(evaluations.map((e) => e.nip));
  const unscored = members.filter((m) => !scored.has(m.nip));
  const unreviewed = outcomes.filter(({ o }) => o.source === 'recommendation').map(({ e }) => e);
  const withoutPredikat = outcomes.filter(({ o }) => !o.predikat).map(({ e }) => e);
  const units = tree
    .filter((u) => unitPredikats.has(u.code))
    .map((u): UnitDistribution => {
      const rated = outcomes
        .filter(({ e, o }) => o.predikat && isWithin(e.unitPath ?? '', u.path))
        .map(({ o }) => o.predikat!);
      return {
        unitCode: u.code,
        unitName: u.name,
        unitPredikat: unitPredikats.get(u.code)!,
        employees: rated.length,
        counts: Object.fromEntries(predikats.map((p) => [p, rated.filter((x) => x === p).length])) as Record<
          Predikat,
          number
        >,
        curve: distributionCurve(unitPredikats.get(u.code)!),
        violations: distributionViolations(unitPredikats.get(u.code)!, rated),
      };
    });
  const opdSummaries = opds.map((o): OpdSummary => {
    const within = (path: string | undefined) => isWithin(path ?? '', o.path);
    const finalised = finalisationOf(period, o.code);
    const check = {
      unscoredCount: unscored.filter((m) => within(m.unitPath)).length,
      withoutPredikatCount: withoutPredikat.filter((e) => within(e.unitPath)).length,
      unreviewedCount: unreviewed.filter((e) => within(e.unitPath)).length,
      violations: units
        .filter((u) => within(tree.find((t) => t.code === u.unitCode)?.path))
        .reduce((n, u) => n + u.violations.length, 0),
    };
    return {
      opdCode: o.code,
      opdName: o.name,
      state: finalised ? 'finalised' : 'pending',
      finalisedAt: finalised?.at ?? null,
      evaluations: evaluations.filter((e) => within(e.unitPath)).length,
      ...check,
      complete: check.unscoredCount === 0 && check.withoutPredikatCount === 0,
    };
  });
  return {
    evaluations,
    report: {
      periodId: period.id,
      opd: only?.length === 1 ? only[0]! : null,
      evaluations: evaluations.length,
      unscored: unscored.slice(0, REPORT_PEOPLE).map(person),
      unscoredCount: unscored.length,
      unreviewed: unreviewed.slice(0, REPORT_PEOPLE).map(person),
      unreviewedCount: unreviewed.length,
      withoutPredikat: withoutPredikat.slice(0, REPORT_PEOPLE).map(person),
      withoutPredikatCount: withoutPredikat.length,
      units,
      violations: units.reduce((s, u) => s + u.violations.length, 0),
      opds: opdSummaries,
    },
  };
}

interface Member {
  nip: string;
  name: string;
  unitCode: string;
  unitPath: string;
}

/** The active people of the OPDs, by unit path then NIP (eight OPDs read at a time). */
async function activeMembers(scope: OrgScope, opds: Unit[]): Promise<Member[]> {
  const employees = new EmployeeRepository(scope);
  const found = new Array<Member[]>(opds.length);
  await forEachConcurrently(opds, 8, async (o, k) => {
    found[k] = (await employees.allUnitMembers(o.path))
      .filter((m) => m.status === 'active')
      .map((m) => ({
        nip: m.nip as string,
        name: m.name as string,
        unitCode: m.unitCode as string,
        unitPath: m.unitPath as string,
      }));
  });
  return found.flat();
}

/** The OPDs the period waits for: those with anyone in them (one small read each, eight at a time). */
async function opdsWithPeople(scope: OrgScope, opds: Unit[]): Promise<string[]> {
  const employees = new EmployeeRepository(scope);
  const has = new Array<boolean>(opds.length);
  await forEachConcurrently(opds, 8, async (o, k) => {
    has[k] = (await employees.unitMembers(o.path, 1)).items.length > 0;
  });
  return opds.filter((_, k) => has[k]).map((o) => o.code);
}

/** BKPSDM and auditors: the distribution check of a period (or of one OPD), before (and after) finalisation. */
export async function periodDistribution(ctx: UseCaseContext, periodId: string, opd?: string) {
  if (!isOrgWideReader(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  if (opd) await requireOpd(ctx.scope, opd);
  const { report } = await distributionReport(ctx.scope, period, opd ? [opd] : undefined);
  return { ...report, periodState: period.state };
}

async function requireOpd(scope: OrgScope, code: string): Promise<Unit> {
  const unit = await new UnitRepository(scope).get(code);
  if (!unit) throw notFound('unit');
  if (unit.path !== `/${unit.code}/`) throw new DomainError('finalise_not_opd', { unit: unit.code });
  return unit;
}

const refusalDetails = (code: FinalisationRefusal, report: DistributionReport) => {
  switch (code) {
    case 'evaluations_unscored':
      return [{ count: report.unscoredCount }, { count: report.unscoredCount, people: report.unscored }] as const;
    case 'evaluations_incomplete':
      return [
        { count: report.withoutPredikatCount },
        { count: report.withoutPredikatCount, people: report.withoutPredikat },
      ] as const;
    case 'evaluations_unreviewed':
      return [{ count: report.unreviewedCount }, { count: report.unreviewedCount, people: report.unreviewed }] as const;
    case 'distribution_unacknowledged':
      return [{ count: report.violations }, report] as const;
  }
};

/**
 * Finalises the evaluations of one OPD of a scored period (`opd`), or of every OPD not finalised yet, after the
 * checks: everyone scored, every evaluation with a predikat, each confirmed by its supervisor (or the
 * recommendations accepted explicitly), and the distribution curve held (or its violations acknowledged with a
 * reason). The period is finalised with its last OPD. From then on, those evaluations change only through an appeal.
 */
export async function finaliseScoredPeriod(
  ctx: UseCaseContext,
  year: number,
  periodId: string,
  body: { version: number; opd?: string; acceptRecommendations?: boolean; acknowledgement?: { reason: string } },
) {
  if (!canManagePeriods(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  if (!periodId.startsWith(String(year))) throw notFound('period');
  const years = new YearRepository(ctx.scope);
  const period = await years.findPeriod(periodId);
  if (period.state === 'finalised') throw new DomainError('period_finalised', { period: period.id });
  if (period.state !== 'scored') throw new DomainError('period_not_scored', { period: period.id, state: period.state });
  if (body.opd) {
    await requireOpd(ctx.scope, body.opd);
    if (finalisationOf(period, body.opd)) throw new DomainError('opd_finalised', { period: period.id, opd: body.opd });
  }
  const opds = opdsOf(await new UnitRepository(ctx.scope).tree());
  const withPeople = await opdsWithPeople(ctx.scope, opds);
  const targets = body.opd ? [body.opd] : pendingOpds(period, withPeople);
  if (period.kind === 'year') {
    // The year is final (for an OPD) only after each of its months (or quarters) is.
    const pending = (await years.get(year))!.periods
      .filter((p) => p.kind !== 'year' && targets.some((code) => !finalisationOf(p, code)))
      .map((p) => p.id);
    if (pending.length > 0)
      throw new DomainError('year_periods_not_finalised', { year, state: 'finalised', pending: pending.join(', ') });
  }
  // A run still writing figures would change what is being finalised.
  const latest = await new ScoringRunRepository(ctx.scope).latestRun(period.id);
  if (latest?.state === 'running') throw new DomainError('scoring_run_in_progress', { runId: latest.runId });
  const { report } = await distributionReport(ctx.scope, period, targets);
  const refusal = finalisationRefusal(report, {
    acceptRecommendations: body.acceptRecommendations,
    acknowledged: !!body.acknowledgement,
  });
  if (refusal) {
    const [params, details] = refusalDetails(refusal, report);
    throw new DomainError(refusal, params, details);
  }
  const w = writeContextOf(ctx);
  const records = Object.fromEntries(
    report.opds.map((o): [string, Finalisation] => [
      o.opdCode,
      {
        at: w.now,
        by: w.actor,
        acceptedRecommendations: o.unreviewedCount,
        ...(body.acknowledgement && o.violations > 0
          ? { acknowledgement: { reason: body.acknowledgement.reason, violations: o.violations } }
          : {}),
      },
    ]),
  );
  const updated = await years.updatePeriod(
    year,
    periodId,
    body.version,
    (p) => {
      if (p.state === 'finalised') throw new DomainError('period_finalised', { period: p.id });
      const already = targets.find((code) => p.opds?.[code]);
      if (already) throw new DomainError('opd_finalised', { period: p.id, opd: already });
      return afterFinalising(p, records, withPeople, { at: w.now, by: w.actor });
    },
    w,
  );
  return { period: updated, finalisedOpds: targets, report };
}
