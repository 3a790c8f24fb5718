/**
 * A unit's distribution as rows to draw and to read: one per predikat, and one per group of predikat a line of
 * the curve counts together (e.g. "Kurang/Misconduct + Butuh Perbaikan ≥ 10%"), each with its count, its share
 * of the unit's rated employees and the bound the unit's predikat expects of it, if any. Pure: table-tested.
 */

/** One line of the curve, as the API's CurveBound (declared here so this module stays free of the app's imports). */
export interface CurveBound {
  rule: string;
  predikats: string[];
  min?: number;
  max?: number;
  minCount?: number;
}

/** What of a unit's distribution (the API's UnitDistribution) the rows need. */
export interface UnitShares {
  employees: number;
  counts: Partial<Record<string, number>>;
  curve: CurveBound[];
  violations: Array<{ rule: string }>;
}

export const predikatOrder = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type PredikatKey = (typeof predikatOrder)[number];

export interface CurveRow {
  /** The predikat counted in this row (one, or a curve line's group). */
  predikats: PredikatKey[];
  count: number;
  /** Percent of the unit's rated employees; 0 when none are rated. */
  share: number;
  /** The curve's line about exactly these predikat, if the unit's predikat has one. */
  bound?: CurveBound;
  /** The line is broken by what was found (the API's violations name it). */
  violated: boolean;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function curveRows(unit: UnitShares): CurveRow[] {
  const n = unit.employees;
  const countOf = (ps: readonly string[]) => ps.reduce((sum, p) => sum + (unit.counts[p] ?? 0), 0);
  const violated = (bound?: CurveBound) => !!bound && unit.violations.some((v) => v.rule === bound.rule);
  const row = (predikats: PredikatKey[]): CurveRow => {
    const count = countOf(predikats);
    const bound = unit.curve.find((b) => sameSet(b.predikats, predikats));
    return { predikats, count, share: n === 0 ? 0 : (count * 100) / n, bound, violated: violated(bound) };
  };
  const singles = predikatOrder.map((p) => row([p]));
  const groups = unit.curve
    .filter((b) => b.predikats.length > 1)
    .map((b) => row(b.predikats.filter((p): p is PredikatKey => (predikatOrder as readonly string[]).includes(p))));
  return [...singles, ...groups];
}

/** Where the curve's line sits on the share axis: its percent, or none for a count ("at least one person"). */
export const boundShare = (bound: CurveBound): number | undefined => bound.min ?? bound.max;
