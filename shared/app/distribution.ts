import { type DistributionViolation, type Predikat, type UnitPredikat, distributionViolations, predikats } from '../domain/scoring.ts';
import { type Evaluation, EvaluationRepository, outcomeOf } from '../store/evaluations.ts';
import type { OrgScope } from '../store/org-scope.ts';
import { UnitRepository } from '../store/units.ts';

export interface UnitDistribution {
  unitCode: string;
  unitName: string;
  unitPredikat: UnitPredikat;
  employees: number;
  counts: Record<Predikat, number>;
  violations: DistributionViolation[];
}

export interface DistributionReport {
  periodId: string;
  evaluations: number;
  /** Evaluations whose outcome is still the recommendation (no current review). */
  unreviewed: string[];
  /** Evaluations with no predikat yet (no behaviour ratings). */
  withoutPredikat: string[];
  units: UnitDistribution[];
  violations: number;
}

/**
 * The kurva distribusi check of a period: for every unit whose own predikat the leadership has set, the predikat
 * in force of the employees of its subtree against the SE MenPANRB table. Reports; never changes a predikat.
 */
export async function distributionReport(scope: OrgScope, periodId: string): Promise<{ report: DistributionReport; evaluations: Evaluation[] }> {
  const repo = new EvaluationRepository(scope);
  const [evaluations, tree] = await Promise.all([repo.inUnit(periodId, '/'), new UnitRepository(scope).tree()]);
  const unitPredikats = await repo.unitPredikats(tree.map((u) => u.code), periodId);
  const outcomes = evaluations.map((e) => ({ e, o: outcomeOf(e) }));
  const units = tree
    .filter((u) => unitPredikats.has(u.code))
    .map((u): UnitDistribution => {
      const inside = outcomes.filter(({ e, o }) => o.predikat && (e.unitPath ?? '').startsWith(u.path)).map(({ o }) => o.predikat!);
      return {
        unitCode: u.code,
        unitName: u.name,
        unitPredikat: unitPredikats.get(u.code)!,
        employees: inside.length,
        counts: Object.fromEntries(predikats.map((p) => [p, inside.filter((x) => x === p).length])) as Record<Predikat, number>,
        violations: distributionViolations(unitPredikats.get(u.code)!, inside),
      };
    });
  return {
    evaluations,
    report: {
      periodId,
      evaluations: evaluations.length,
      unreviewed: outcomes.filter(({ o }) => o.source === 'recommendation').map(({ e }) => e.nip),
      withoutPredikat: outcomes.filter(({ o }) => !o.predikat).map(({ e }) => e.nip),
      units,
      violations: units.reduce((s, u) => s + u.violations.length, 0),
    },
  };
}
