import { canManagePeriods, isOrgWideReader, reasons } from '../auth/policy.ts';
import { type Evaluation, outcomeOf } from '../domain/evaluation.ts';
import {
  type DistributionViolation,
  distributionViolations,
  type Predikat,
  predikats,
  type UnitPredikat,
} from '../domain/scoring.ts';
import { DomainError, forbidden, notFound } from '../messages/errors.ts';
import { EvaluationRepository } from '../store/evaluations.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { ScoringRunRepository } from '../store/scoring.ts';
import { UnitRepository } from '../store/units.ts';
import { YearRepository } from '../store/years.ts';
import { type UseCaseContext, writeContextOf } from './context.ts';

export interface UnitDistribution {
  unitCode: string;
  unitName: string;
  unitPredikat: UnitPredikat;
  employees: number;
  counts: Record<Predikat, number>;
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

export interface DistributionReport {
  periodId: string;
  evaluations: number;
  /** Evaluations whose outcome is still the recommendation (no current review): the first REPORT_PEOPLE. */
  unreviewed: EvaluatedPerson[];
  unreviewedCount: number;
  /** Evaluations with no predikat yet (no behaviour ratings): the first REPORT_PEOPLE. */
  withoutPredikat: EvaluatedPerson[];
  withoutPredikatCount: number;
  units: UnitDistribution[];
  violations: number;
}

/**
 * The kurva distribusi check of a period: for every unit whose own predikat the leadership has set, the predikat
 * in force of the employees of its subtree against the SE MenPANRB table. Reports; never changes a predikat.
 */
export async function distributionReport(
  scope: OrgScope,
  periodId: string,
): Promise<{ report: DistributionReport; evaluations: Evaluation[] }> {
  const repo = new EvaluationRepository(scope);
  const [evaluations, tree] = await Promise.all([repo.inUnit(periodId, '/'), new UnitRepository(scope).tree()]);
  const unitPredikats = await repo.unitPredikats(
    tree.map((u) => u.code),
    periodId,
  );
  const outcomes = evaluations.map((e) => ({ e, o: outcomeOf(e) }));
  // Names from the evaluations (as scored) and the tree already read: no request per person.
  const unitNames = new Map(tree.map((u) => [u.code, u.name]));
  const person = (e: Evaluation): EvaluatedPerson => ({
    nip: e.nip,
    name: e.name ?? '',
    unitCode: e.unitCode ?? '',
    unitName: unitNames.get(e.unitCode ?? '') ?? '',
  });
  const unreviewed = outcomes.filter(({ o }) => o.source === 'recommendation').map(({ e }) => e);
  const withoutPredikat = outcomes.filter(({ o }) => !o.predikat).map(({ e }) => e);
  const units = tree
    .filter((u) => unitPredikats.has(u.code))
    .map((u): UnitDistribution => {
      const inside = outcomes
        .filter(({ e, o }) => o.predikat && (e.unitPath ?? '').startsWith(u.path))
        .map(({ o }) => o.predikat!);
      return {
        unitCode: u.code,
        unitName: u.name,
        unitPredikat: unitPredikats.get(u.code)!,
        employees: inside.length,
        counts: Object.fromEntries(predikats.map((p) => [p, inside.filter((x) => x === p).length])) as Record<
          Predikat,
          number
        >,
        violations: distributionViolations(unitPredikats.get(u.code)!, inside),
      };
    });
  return {
    evaluations,
    report: {
      periodId,
      evaluations: evaluations.length,
      unreviewed: unreviewed.slice(0, REPORT_PEOPLE).map(person),
      unreviewedCount: unreviewed.length,
      withoutPredikat: withoutPredikat.slice(0, REPORT_PEOPLE).map(person),
      withoutPredikatCount: withoutPredikat.length,
      units,
      violations: units.reduce((s, u) => s + u.violations.length, 0),
    },
  };
}

/** BKPSDM and auditors: the distribution check of a period, before (and after) finalisation. */
export async function periodDistribution(ctx: UseCaseContext, periodId: string) {
  if (!isOrgWideReader(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  const period = await new YearRepository(ctx.scope).findPeriod(periodId);
  const { report } = await distributionReport(ctx.scope, period.id);
  return { ...report, periodState: period.state };
}

/**
 * Finalises a scored period after the checks: every evaluation has a predikat, each is confirmed by its supervisor
 * (or the recommendations are accepted explicitly), and the distribution curve holds (or its violations are
 * acknowledged with a reason). From then on, evaluations change only through an appeal.
 */
export async function finaliseScoredPeriod(
  ctx: UseCaseContext,
  year: number,
  periodId: string,
  body: { version: number; acceptRecommendations?: boolean; acknowledgement?: { reason: string } },
) {
  if (!canManagePeriods(ctx.principal)) throw forbidden(reasons.bkpsdmOnly);
  if (!periodId.startsWith(String(year))) throw notFound('period');
  const years = new YearRepository(ctx.scope);
  const period = await years.findPeriod(periodId);
  if (period.state === 'finalised') throw new DomainError('period_finalised', { period: period.id });
  if (period.state !== 'scored') throw new DomainError('period_not_scored', { period: period.id, state: period.state });
  if (period.kind === 'year') {
    // The year is final only after each of its months (or quarters).
    const pending = (await years.get(year))!.periods
      .filter((p) => p.kind !== 'year' && p.state !== 'finalised')
      .map((p) => p.id);
    if (pending.length > 0)
      throw new DomainError('year_periods_not_finalised', { year, state: 'finalised', pending: pending.join(', ') });
  }
  // A run still writing figures would change what is being finalised.
  const latest = await new ScoringRunRepository(ctx.scope).latestRun(period.id);
  if (latest?.state === 'running') throw new DomainError('scoring_run_in_progress', { runId: latest.runId });
  const { report } = await distributionReport(ctx.scope, period.id);
  if (report.withoutPredikatCount > 0)
    throw new DomainError(
      'evaluations_incomplete',
      { count: report.withoutPredikatCount },
      { count: report.withoutPredikatCount, people: report.withoutPredikat },
    );
  if (report.unreviewedCount > 0 && !body.acceptRecommendations) {
    throw new DomainError(
      'evaluations_unreviewed',
      { count: report.unreviewedCount },
      { count: report.unreviewedCount, people: report.unreviewed },
    );
  }
  if (report.violations > 0 && !body.acknowledgement)
    throw new DomainError('distribution_unacknowledged', { count: report.violations }, report);
  const w = writeContextOf(ctx);
  const updated = await years.updatePeriod(
    year,
    periodId,
    body.version,
    (p) => {
      if (p.state === 'finalised') throw new DomainError('period_finalised', { period: p.id });
      return {
        state: 'finalised',
        finalisation: {
          at: w.now,
          by: w.actor,
          acceptedRecommendations: report.unreviewedCount,
          ...(body.acknowledgement
            ? { acknowledgement: { reason: body.acknowledgement.reason, violations: report.violations } }
            : {}),
        },
      };
    },
    w,
  );
  return { period: updated, report };
}
