/**
 * The SE MenPANRB curve as data (what the distribution report shows beside the shares) says exactly what the check
 * enforces: for every unit predikat and every line of its curve, a crowd just inside the line breaks nothing of it,
 * and a crowd just outside breaks that line, named by the same rule.
 */
import { describe, expect, it } from 'vitest';
import {
  type CurveBound,
  distributionCurve,
  distributionViolations,
  type Predikat,
  predikats,
  unitPredikats,
} from '../../shared/domain/scoring.ts';

/** `k` of 100 people in the bound's first predikat, the rest in a predikat the bound does not count. */
function crowd(bound: CurveBound, k: number, n = 100): Predikat[] {
  const other = predikats.find((p) => !bound.predikats.includes(p))!;
  return [...Array(k).fill(bound.predikats[0]), ...Array(n - k).fill(other)];
}

const lines = unitPredikats.flatMap((unit) => distributionCurve(unit).map((bound) => [unit, bound] as const));

describe('distributionCurve', () => {
  it('has at least one line for every unit predikat, each with exactly one kind of limit', () => {
    for (const unit of unitPredikats) expect(distributionCurve(unit).length).toBeGreaterThan(0);
    for (const [, b] of lines) expect([b.min, b.max, b.minCount].filter((x) => x !== undefined)).toHaveLength(1);
  });

  it.each(lines.map(([unit, bound]) => [unit, bound.rule, bound] as const))('%s: %s', (unit, rule, bound) => {
    const broken = (employees: Predikat[]) => distributionViolations(unit, employees).some((v) => v.rule === rule);
    if (bound.minCount !== undefined) {
      expect(broken(crowd(bound, bound.minCount))).toBe(false);
      expect(broken(crowd(bound, bound.minCount - 1))).toBe(true);
    } else if (bound.min !== undefined) {
      expect(broken(crowd(bound, bound.min))).toBe(false);
      expect(broken(crowd(bound, bound.min - 1))).toBe(true);
    } else {
      expect(broken(crowd(bound, bound.max!))).toBe(false);
      expect(broken(crowd(bound, bound.max! + 1))).toBe(true);
    }
  });

  it('names every violation the check can report as a line of the curve', () => {
    for (const unit of unitPredikats)
      for (const p of predikats) {
        const rules = distributionCurve(unit).map((b) => b.rule);
        for (const v of distributionViolations(unit, Array(10).fill(p))) expect(rules).toContain(v.rule);
      }
  });
});
