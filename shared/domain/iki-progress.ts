/**
 * A plan's progress in a period as scoring would judge it today: for each IKI, the part of the yearly target the
 * period carries, the capaian so far and its level. Built with the very functions scoring uses (monthsCarried,
 * scoreHasilKerja), so what a person sees during the period is what the run will compute from the same totals. Pure.
 */
import type { PeriodKind } from './periods.ts';
import type { Iki, Rhk, Target } from './plans.ts';
import type { Rules } from './rules.ts';
import { type Level, monthsCarried, periodTargetOf, round2, scoreHasilKerja } from './scoring.ts';

export interface IkiProgress {
  /** Months of the yearly target the period carries (1 a month, 3 a quarter, 12 the year or a non-quantity target). */
  months: number;
  /** The target the period is scored against (the yearly target × months/12, half-up to two decimals). */
  periodTarget: Target;
  /** Capaian so far, half-up to two decimals, before the cap; null while there is no realisasi (or a target of 0). */
  capaian: number | null;
  /** Above, meets or below expectation, from the capped capaian (no realisasi counts as 0: below). */
  level: Level;
}

/**
 * Each IKI's progress by its id. `realisasi` gives what scoring would take as the IKI's realisasi now (null when
 * there is none yet: no approved activity, no service data).
 */
export function ikiProgress(
  rhk: readonly Rhk[],
  realisasi: (k: Iki) => number | null,
  periodKind: PeriodKind,
  rules: Pick<Rules, 'capaianCap' | 'aboveThreshold' | 'meetsThreshold'>,
): Map<string, IkiProgress> {
  const scored = scoreHasilKerja(
    rhk.flatMap((r) =>
      r.iki.map((k) => ({
        rhkId: r.id,
        ikiId: k.id,
        kind: r.kind,
        name: k.name,
        target: k.target,
        direction: k.direction,
        weight: k.weight,
        realisasi: realisasi(k),
        months: monthsCarried(k.aspect, periodKind),
      })),
    ),
    rules,
  );
  return new Map(
    scored.indicators.map((i) => [
      i.ikiId,
      {
        months: i.months!,
        periodTarget: periodTargetOf(i.target, i.months!),
        capaian: i.capaian === null ? null : round2(i.capaian),
        level: i.level,
      },
    ]),
  );
}
