/**
 * The verdict on a period (domain.md "Capaian", "Rating", "Predikat", "Kurva distribusi"): capaian per indicator,
 * nilai kinerja, the recommended ratings, the predikat matrix, the distribution check and the reward order. Pure
 * and exact: every function takes its inputs explicitly, so an explanation can be recomputed from what it shows.
 */

import type { Aspect, Direction, Target } from './plans.ts';
import type { Rules } from './rules.ts';
import { addDays } from './time.ts';

export const ratings = ['di_atas', 'sesuai', 'di_bawah'] as const;
export type Rating = (typeof ratings)[number];
export const ratingNames: Record<Rating, string> = {
  di_atas: 'Di Atas Ekspektasi',
  sesuai: 'Sesuai Ekspektasi',
  di_bawah: 'Di Bawah Ekspektasi',
};

export const predikats = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type Predikat = (typeof predikats)[number];
export const predikatNames: Record<Predikat, string> = {
  sangat_baik: 'Sangat Baik',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang/Misconduct',
  sangat_kurang: 'Sangat Kurang',
};

export const berakhlak = [
  'berorientasi_pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
] as const;
export type BerakhlakValue = (typeof berakhlak)[number];
export const berakhlakNames: Record<BerakhlakValue, string> = {
  berorientasi_pelayanan: 'Berorientasi Pelayanan',
  akuntabel: 'Akuntabel',
  kompeten: 'Kompeten',
  harmonis: 'Harmonis',
  loyal: 'Loyal',
  adaptif: 'Adaptif',
  kolaboratif: 'Kolaboratif',
};

/**
 * Exact rationals for the scoring arithmetic: capaian and nilai kinerja are compared with thresholds and rounded
 * half-up, and binary floating point would put (2 − 110/100) × 100 just below 90. Inputs are decimal numbers as
 * entered (realisasi, targets, weights), so every step here is exact.
 */
interface Q {
  n: bigint;
  d: bigint;
}
const q = (x: number): Q => {
  const [mantissa, exponent] = x.toExponential().split('e') as [string, string];
  const [whole, fraction = ''] = mantissa.split('.') as [string, string?];
  const e = Number(exponent) - fraction.length;
  const digits = BigInt(`${whole}${fraction}`);
  return e >= 0 ? { n: digits * 10n ** BigInt(e), d: 1n } : { n: digits, d: 10n ** BigInt(-e) };
};
const add = (a: Q, b: Q): Q => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const sub = (a: Q, b: Q): Q => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const mul = (a: Q, b: Q): Q => ({ n: a.n * b.n, d: a.d * b.d });
const div = (a: Q, b: Q): Q => (b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n });
const cmp = (a: Q, b: Q): number => (a.n * b.d === b.n * a.d ? 0 : a.n * b.d > b.n * a.d ? 1 : -1);
const num = (a: Q): number => Number(a.n) / Number(a.d);
/** Half-up to two decimals of a non-negative rational. */
const half2 = (a: Q): number => Number((2n * 100n * a.n + a.d) / (2n * a.d)) / 100;
const HUNDRED = q(100);

/** The share of a yearly target a period carries: months/12 for quantity (kuantitas) targets, all of it otherwise. */
export const periodMonths = (kind: 'month' | 'quarter' | 'year'): number =>
  kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;

/**
 * Months of an indicator's yearly target a period carries (policy default): a quantity (kuantitas) target is
 * spread over the year, a month carrying 1/12 and a quarter 3/12; any other target holds in full in every period.
 */
export const monthsCarried = (aspect: Aspect, periodKind: 'month' | 'quarter' | 'year'): number =>
  aspect === 'kuantitas' ? periodMonths(periodKind) : 12;

/** The target a period is scored against, as shown: the yearly target × months/12, half-up to two decimals. */
export function periodTargetOf(target: Target, months: number): Target {
  if (months === 12) return target;
  const part = (x: number) => round2((x * months) / 12);
  return target.kind === 'single'
    ? { kind: 'single', value: part(target.value) }
    : { kind: 'range', lo: part(target.lo), hi: part(target.hi) };
}

function capaianQ(realisasi: number | null, target: Target, direction: Direction, months = 12): Q | null {
  if (realisasi === null) return null;
  const r = q(realisasi);
  const against = (t: number): Q | null => {
    if (t <= 0) return null;
    const ratio = div(r, mul(q(t), { n: BigInt(months), d: 12n }));
    if (direction === 'higher') return mul(ratio, HUNDRED);
    const lower = mul(sub(q(2), ratio), HUNDRED);
    return lower.n < 0n ? q(0) : lower;
  };
  if (target.kind === 'single') return against(target.value);
  const [lo, hi] = [mul(q(target.lo), { n: BigInt(months), d: 12n }), mul(q(target.hi), { n: BigInt(months), d: 12n })];
  if (cmp(r, lo) >= 0 && cmp(r, hi) <= 0) return HUNDRED;
  return against(cmp(r, hi) > 0 ? target.hi : target.lo);
}

/**
 * Capaian before the cap, or null when it cannot be computed (no realisasi yet, or a target of 0). `months` is the
 * share of the yearly target the period carries (12 for the year, or for targets that do not accumulate).
 */
export function capaianOf(realisasi: number | null, target: Target, direction: Direction, months = 12): number | null {
  const c = capaianQ(realisasi, target, direction, months);
  return c === null ? null : num(c);
}

/** What each formula says, in Bahasa Indonesia, for explanations. */
export function capaianFormula(target: Target, direction: Direction, realisasi: number | null, months = 12): string {
  if (realisasi === null) return 'Realisasi belum ada: capaian dihitung 0';
  if (months !== 12)
    return `target periode = target tahunan × ${months}/12; ${capaianFormula(periodTargetOf(target, months), direction, realisasi)}`;
  const base =
    target.kind === 'single'
      ? target.value
      : realisasi > target.hi
        ? target.hi
        : realisasi < target.lo
          ? target.lo
          : null;
  if (base === null)
    return `Realisasi ${realisasi} di dalam rentang target [${(target as { lo: number }).lo}, ${(target as { hi: number }).hi}]: capaian 100`;
  if (base <= 0) return 'Target 0: capaian tidak dapat dihitung, dihitung 0';
  return direction === 'higher'
    ? `capaian = realisasi / target × 100 = ${realisasi} / ${base} × 100`
    : `capaian = (2 − realisasi / target) × 100 = (2 − ${realisasi} / ${base}) × 100, paling rendah 0`;
}

export type Level = 'above' | 'meets' | 'below';

const levelQ = (capped: Q, rules: Pick<Rules, 'aboveThreshold' | 'meetsThreshold'>): Level =>
  cmp(capped, q(rules.aboveThreshold)) >= 0 ? 'above' : cmp(capped, q(rules.meetsThreshold)) >= 0 ? 'meets' : 'below';

export const levelOf = (capped: number, rules: Pick<Rules, 'aboveThreshold' | 'meetsThreshold'>): Level =>
  levelQ(q(capped), rules);

export interface IndicatorInput {
  rhkId: string;
  ikiId: string;
  kind: 'utama' | 'tambahan';
  name: string;
  target: Target;
  direction: Direction;
  weight: number;
  realisasi: number | null;
  /** Months of the yearly target the period carries (1 a month, 3 a quarter, 12 the year or a non-quantity target). */
  months?: number;
}

export interface IndicatorScore extends IndicatorInput {
  capaian: number | null;
  /** min(capaian, cap); 0 when capaian cannot be computed. */
  cappedCapaian: number;
  level: Level;
}

export interface HasilKerja {
  indicators: IndicatorScore[];
  /** Weighted mean of the capped capaian, full precision. */
  nilaiKinerja: number;
  /** Half-up to two decimals (shown). */
  nilaiKinerjaRounded: number;
  recommended: Rating;
}

/** Half-up to two decimals for positive numbers, avoiding binary artefacts (1.005 → 1.01). */
export const round2 = (x: number): number => Math.round((x + Number.EPSILON * Math.max(1, Math.abs(x))) * 100) / 100;

/**
 * Hasil kerja as the API shows it: capaian and nilai kinerja half-up to two decimals, like every figure it returns.
 * The stored result keeps full precision (its hash and any recomputation use that).
 */
export function shownHasilKerja<H extends HasilKerja>(hk: H): H {
  return {
    ...hk,
    indicators: hk.indicators.map((i) => ({
      ...i,
      capaian: i.capaian === null ? null : round2(i.capaian),
      cappedCapaian: round2(i.cappedCapaian),
    })),
    nilaiKinerja: hk.nilaiKinerjaRounded,
  };
}

/** The recommended hasil kerja rating over the utama indicators' levels (policy default rule of domain.md). */
export function recommendHasilKerja(utamaLevels: Level[]): Rating {
  const n = utamaLevels.length;
  const above = utamaLevels.filter((l) => l === 'above').length;
  const below = utamaLevels.filter((l) => l === 'below').length;
  if (n > 0 && below * 2 > n) return 'di_bawah';
  if (n > 0 && above * 2 >= n && below === 0) return 'di_atas';
  return 'sesuai';
}

export function scoreHasilKerja(
  inputs: IndicatorInput[],
  rules: Pick<Rules, 'capaianCap' | 'aboveThreshold' | 'meetsThreshold'>,
): HasilKerja {
  const cap = q(rules.capaianCap);
  let weighted = q(0);
  let weights = q(0);
  const indicators = inputs.map((i): IndicatorScore => {
    const capaian = capaianQ(i.realisasi, i.target, i.direction, i.months ?? 12);
    const capped = capaian === null || cmp(capaian, cap) < 0 ? (capaian ?? q(0)) : cap;
    weighted = add(weighted, mul(capped, q(i.weight)));
    weights = add(weights, q(i.weight));
    return {
      ...i,
      capaian: capaian === null ? null : num(capaian),
      cappedCapaian: num(capped),
      level: levelQ(capped, rules),
    };
  });
  const mean = weights.n > 0n ? div(weighted, weights) : q(0);
  return {
    indicators,
    nilaiKinerja: num(mean),
    nilaiKinerjaRounded: half2(mean),
    recommended: recommendHasilKerja(indicators.filter((i) => i.kind === 'utama').map((i) => i.level)),
  };
}

/** The recommended perilaku rating: the same majority rule over the seven BerAKHLAK values. */
export function recommendPerilaku(values: Partial<Record<BerakhlakValue, Rating>>): Rating | null {
  const given = berakhlak.map((v) => values[v]);
  if (given.some((r) => r === undefined)) return null;
  const levels = given.map((r): Level => (r === 'di_atas' ? 'above' : r === 'sesuai' ? 'meets' : 'below'));
  return recommendHasilKerja(levels);
}

/** PermenPANRB 6/2022 matrix: hasil kerja (rows) × perilaku (columns). */
const MATRIX: Record<Rating, Record<Rating, Predikat>> = {
  di_atas: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'sangat_baik' },
  sesuai: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'baik' },
  di_bawah: { di_bawah: 'sangat_kurang', sesuai: 'butuh_perbaikan', di_atas: 'butuh_perbaikan' },
};

export const predikatOf = (hasilKerja: Rating, perilaku: Rating): Predikat => MATRIX[hasilKerja][perilaku];

// ---- Kurva distribusi -----------------------------------------------------------------------------------------

export const unitPredikats = ['istimewa', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
export type UnitPredikat = (typeof unitPredikats)[number];

/** A unit head's hasil kerja is the unit's own rating (policy default: Istimewa → Di Atas, Baik → Sesuai, else Di Bawah). */
export const headRatingOf = (unit: UnitPredikat): Rating =>
  unit === 'istimewa' ? 'di_atas' : unit === 'baik' ? 'sesuai' : 'di_bawah';

export interface DistributionViolation {
  rule: string;
  /** The share found, in percent with two decimals, or the count when the rule is about presence. */
  found: string;
}

/**
 * One line of the SE MenPANRB table for a unit's predikat: the share of `predikats` (counted together) its
 * employees may have — at least `min` percent, at most `max` percent — or, for a presence rule, at least `minCount`
 * people. The curve is data so the distribution report can show it beside the shares found.
 */
export interface CurveBound {
  rule: string;
  predikats: Predikat[];
  min?: number;
  max?: number;
  minCount?: number;
}

/** The curve a unit's predikat expects of its employees' predikat (SE MenPANRB), in the table's order. */
export function distributionCurve(unit: UnitPredikat): CurveBound[] {
  switch (unit) {
    case 'istimewa':
      return [{ rule: 'Sangat Baik ≤ 70%', predikats: ['sangat_baik'], max: 70 }];
    case 'baik':
      return [
        { rule: 'Baik ≤ 70%', predikats: ['baik'], max: 70 },
        {
          rule: 'paling sedikit satu Butuh Perbaikan atau Kurang/Misconduct',
          predikats: ['butuh_perbaikan', 'kurang'],
          minCount: 1,
        },
      ];
    case 'butuh_perbaikan':
      return [
        { rule: 'Butuh Perbaikan ≥ 60%', predikats: ['butuh_perbaikan'], min: 60 },
        { rule: 'Sangat Baik ≤ 10%', predikats: ['sangat_baik'], max: 10 },
      ];
    case 'kurang':
      return [
        { rule: 'Kurang/Misconduct ≥ 60%', predikats: ['kurang'], min: 60 },
        { rule: 'Butuh Perbaikan ≥ 10%', predikats: ['butuh_perbaikan'], min: 10 },
        { rule: 'Sangat Baik ≤ 10%', predikats: ['sangat_baik'], max: 10 },
      ];
    case 'sangat_kurang':
      return [
        { rule: 'Sangat Kurang ≥ 60%', predikats: ['sangat_kurang'], min: 60 },
        {
          rule: 'Kurang/Misconduct atau Butuh Perbaikan ≥ 10%',
          predikats: ['kurang', 'butuh_perbaikan'],
          min: 10,
        },
        { rule: 'tidak ada Sangat Baik', predikats: ['sangat_baik'], max: 0 },
      ];
  }
}

/** Every violation of the SE MenPANRB table for a unit's predikat, given its employees' predikat. */
export function distributionViolations(unit: UnitPredikat, employees: Predikat[]): DistributionViolation[] {
  const n = employees.length;
  if (n === 0) return [];
  const out: DistributionViolation[] = [];
  for (const bound of distributionCurve(unit)) {
    const k = employees.filter((p) => bound.predikats.includes(p)).length;
    const pct = (k * 100) / n;
    if (bound.minCount !== undefined && k < bound.minCount) out.push({ rule: bound.rule, found: `${k} dari ${n}` });
    else if ((bound.min !== undefined && pct < bound.min) || (bound.max !== undefined && pct > bound.max))
      out.push({ rule: bound.rule, found: `${round2(pct)}% (${k} dari ${n})` });
  }
  return out;
}

// ---- Rewards --------------------------------------------------------------------------------------------------

export interface RewardCandidate {
  nip: string;
  predikat: Predikat;
  nilaiKinerja: number;
  perilaku: Rating;
  utamaAbove: number;
}

const perilakuRank: Record<Rating, number> = { di_atas: 0, sesuai: 1, di_bawah: 2 };

/**
 * The reward order: predikat (Sangat Baik first), then nilai kinerja (higher first, compared at the two decimals
 * shown), then the perilaku rating (Di Atas first), then the number of utama indicators above expectation (more
 * first), then NIP (ascending), so the order never depends on storage order.
 */
export function rewardOrder(a: RewardCandidate, b: RewardCandidate): number {
  return (
    predikats.indexOf(a.predikat) - predikats.indexOf(b.predikat) ||
    round2(b.nilaiKinerja) - round2(a.nilaiKinerja) ||
    perilakuRank[a.perilaku] - perilakuRank[b.perilaku] ||
    b.utamaAbove - a.utamaAbove ||
    a.nip.localeCompare(b.nip)
  );
}

// ---- Appeals --------------------------------------------------------------------------------------------------

/** The last day (WIB) a keberatan may be filed: `windowDays` after the day of finalisation. */
export const appealDeadline = (finalisedOn: string, windowDays: number): string => addDays(finalisedOn, windowDays);
