/**
 * Service indicators per officer, service type and unit, per period (domain.md "Service transactions"): number
 * served, % completed within standard, median completion time, IKM with grade and sample sufficiency. They are
 * read from running totals, so the totals are shaped for exact answers: counts, sums, and a histogram of
 * completion minutes from which the median is read. Pure.
 */
import type { Summing } from './roll-up.ts';
import { round2 } from './scoring.ts';
import { type ElementCode, elementCodes, type Grade, gradePerformance, ikmOf, krejcieMorgan } from './skm.ts';

export interface ServiceTotals {
  /** Completed transactions. */
  served: number;
  /** Of which completed within the service type's standard time. */
  withinStandard: number;
  /** Sum of completion times in service seconds (shown in explanations). */
  serviceSeconds: number;
  /** Completion time bucket (whole service minutes, see minuteBucket) → number of transactions. */
  histogram: Record<number, number>;
  respondents: number;
  /** Sum of the answers to each SKM element. */
  sums: Record<ElementCode, number>;
  /** Responses flagged for the unit head's follow-up. */
  followUps: number;
}

export const emptyTotals = (): ServiceTotals => ({
  served: 0,
  withinStandard: 0,
  serviceSeconds: 0,
  histogram: {},
  respondents: 0,
  sums: Object.fromEntries(elementCodes.map((c) => [c, 0])) as Record<ElementCode, number>,
  followUps: 0,
});

/** Exact minutes up to a week of service time; beyond that, whole hours (keeps a totals record small). */
export const EXACT_MINUTES = 7 * 24 * 60;

/**
 * The histogram bucket of a completion time: whole service minutes, a started minute counting as a minute
 * (59 s → 1, 60 s → 1, 61 s → 2); past a week of service time, rounded up to the hour.
 */
export function minuteBucket(serviceSeconds: number): number {
  const minutes = Math.ceil(serviceSeconds / 60);
  return minutes <= EXACT_MINUTES ? minutes : Math.ceil(minutes / 60) * 60;
}

/** Median of a histogram (the mean of the two middle values for an even count); undefined when empty. */
export function medianOf(histogram: Record<number, number>): number | undefined {
  const buckets = Object.entries(histogram)
    .map(([k, n]) => [Number(k), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const count = buckets.reduce((s, [, n]) => s + n, 0);
  if (count === 0) return undefined;
  const at = (position: number) => {
    let seen = 0;
    for (const [value, n] of buckets) {
      seen += n;
      if (seen >= position) return value;
    }
    return buckets.at(-1)![0];
  };
  return count % 2 === 1 ? at((count + 1) / 2) : (at(count / 2) + at(count / 2 + 1)) / 2;
}

/** Adds two totals (an officer who served in two units, a unit's service types). */
export function addTotals(a: ServiceTotals, b: ServiceTotals): ServiceTotals {
  const histogram = { ...a.histogram };
  for (const [k, n] of Object.entries(b.histogram)) histogram[Number(k)] = (histogram[Number(k)] ?? 0) + n;
  return {
    served: a.served + b.served,
    withinStandard: a.withinStandard + b.withinStandard,
    serviceSeconds: a.serviceSeconds + b.serviceSeconds,
    histogram,
    respondents: a.respondents + b.respondents,
    sums: Object.fromEntries(elementCodes.map((c) => [c, a.sums[c] + b.sums[c]])) as Record<ElementCode, number>,
    followUps: a.followUps + b.followUps,
  };
}

/** How totals are summed: a roll-up adds counts, sums and histograms, then derives its indicators from them. */
export const serviceTotalsSum: Summing<ServiceTotals> = { empty: emptyTotals, add: addTotals };

/** Percentage rounded half-up to two decimals, in integer arithmetic. */
const percent = (part: number, whole: number) => Math.floor((2 * 10_000 * part + whole) / (2 * whole)) / 100;

export interface ServiceIndicators {
  served: number;
  withinStandard: number;
  /** % completed within standard (higher is better); null when nothing was served. */
  withinStandardPct: number | null;
  /** Completed later than the standard time. */
  late: number;
  /** % completed later than the standard (lower is better; 100 − withinStandardPct); null when nothing was served. */
  latePct: number | null;
  /** Median completion time in service minutes (lower is better); null when nothing was served. */
  medianMinutes: number | null;
  survey: {
    respondents: number;
    /** IKM rounded to two decimals (higher is better); null without responses. */
    ikm: number | null;
    grade: Grade | null;
    performance: { id: string; en: string } | null;
    /** NRR per element (mean answer, 1–4), half-up to two decimals. */
    nrr: Record<ElementCode, number> | null;
    /** Krejcie–Morgan sample size for the number served. */
    sampleTarget: number;
    /** Fewer responses than the sample size: the IKM is reported as provisional, not hidden. */
    provisional: boolean;
  };
  followUps: number;
}

export function indicatorsOf(t: ServiceTotals): ServiceIndicators {
  const ikm = ikmOf(t.sums, t.respondents);
  const sampleTarget = krejcieMorgan(t.served);
  const withinStandardPct = t.served > 0 ? percent(t.withinStandard, t.served) : null;
  return {
    served: t.served,
    withinStandard: t.withinStandard,
    withinStandardPct,
    late: t.served - t.withinStandard,
    // The complement in hundredths, so the two shares always add up to 100.
    latePct: withinStandardPct === null ? null : (10_000 - Math.round(withinStandardPct * 100)) / 100,
    medianMinutes: medianOf(t.histogram) ?? null,
    survey: {
      respondents: t.respondents,
      ikm: ikm?.ikmRounded ?? null,
      grade: ikm?.grade ?? null,
      performance: ikm ? gradePerformance[ikm.grade] : null,
      nrr: ikm
        ? (Object.fromEntries(elementCodes.map((c) => [c, round2(ikm.nrr[c])])) as Record<ElementCode, number>)
        : null,
      sampleTarget,
      provisional: t.respondents < sampleTarget,
    },
    followUps: t.followUps,
  };
}

/** What an IKI measured from service data takes as its realisasi. */
export const serviceMetrics = ['served', 'within_standard_pct', 'median_minutes', 'ikm'] as const;
export type ServiceMetric = (typeof serviceMetrics)[number];

export function realisasiOf(metric: ServiceMetric, i: ServiceIndicators): number | null {
  switch (metric) {
    case 'served':
      return i.served;
    case 'within_standard_pct':
      return i.withinStandardPct;
    case 'median_minutes':
      return i.medianMinutes;
    case 'ikm':
      return i.survey.ikm;
  }
}
