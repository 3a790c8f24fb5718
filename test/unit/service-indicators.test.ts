import { describe, expect, it } from 'vitest';
import {
  addTotals,
  EXACT_MINUTES,
  emptyTotals,
  indicatorsOf,
  medianOf,
  minuteBucket,
  realisasiOf,
  type ServiceMetric,
  type ServiceTotals,
} from '../../shared/domain/service-indicators.ts';
import { type ElementCode, elementCodes } from '../../shared/domain/skm.ts';

const allSums = (value: number) =>
  Object.fromEntries(elementCodes.map((c) => [c, value])) as Record<ElementCode, number>;
const totals = (over: Partial<ServiceTotals>): ServiceTotals => ({ ...emptyTotals(), ...over });

describe('minuteBucket', () => {
  it('EXACT_MINUTES is a week of minutes', () => {
    expect(EXACT_MINUTES).toBe(10_080);
  });

  it.each([
    ['0 s', 0, 0],
    ['1 s (a started minute counts)', 1, 1],
    ['59 s', 59, 1],
    ['60 s', 60, 1],
    ['61 s', 61, 2],
    ['45 min exactly', 2700, 45],
    ['1 h 0 min 0.5 s (fractional seconds)', 3600.5, 61],
    ['exactly a week of minutes', EXACT_MINUTES * 60, EXACT_MINUTES],
    ['one second past a week → rounded up to the hour', EXACT_MINUTES * 60 + 1, 10_140],
    ['one minute past a week → rounded up to the hour', (EXACT_MINUTES + 1) * 60, 10_140],
    ['exactly a week and an hour', (EXACT_MINUTES + 60) * 60, 10_140],
    ['a week, an hour and one second', (EXACT_MINUTES + 60) * 60 + 1, 10_200],
  ])('%s → %i', (_label, seconds, bucket) => {
    expect(minuteBucket(seconds)).toBe(bucket);
  });

  it('past a week every bucket is a whole number of hours', () => {
    for (const seconds of [EXACT_MINUTES * 60 + 1, 700_000, 1_000_003, 5_000_000])
      expect(minuteBucket(seconds) % 60).toBe(0);
  });
});

describe('medianOf', () => {
  it.each<[label: string, histogram: Record<number, number>, median: number | undefined]>([
    ['empty', {}, undefined],
    ['only zero counts', { 3: 0, 10: 0 }, undefined],
    ['single value', { 7: 1 }, 7],
    ['single bucket with many transactions', { 12: 5 }, 12],
    ['odd count, one per bucket', { 3: 1, 5: 1, 10: 1 }, 5],
    ['odd count, the middle falls in a heavy bucket', { 1: 1, 4: 3, 90: 1 }, 4],
    ['even count: mean of the two middle values', { 3: 1, 5: 1, 10: 1, 20: 1 }, 7.5],
    ['even count split between two buckets', { 4: 2, 8: 2 }, 6],
    ['even count, both middles in one bucket', { 1: 1, 2: 2, 100: 1 }, 2],
    ['zero-count buckets ignored (odd)', { 1: 0, 5: 1, 9: 0 }, 5],
    ['zero-count buckets ignored (even)', { 1: 0, 2: 1, 3: 0, 6: 1, 50: 0 }, 4],
    ['bucket 0 counts as a value', { 0: 2, 10: 1 }, 0],
    ['long tail does not move the median', { 10: 2, 20: 1, 10140: 2 }, 20],
  ])('%s', (_label, histogram, median) => {
    expect(medianOf(histogram)).toBe(median);
  });
});

describe('addTotals', () => {
  const a = totals({
    served: 3,
    withinStandard: 2,
    serviceSeconds: 1_000,
    histogram: { 1: 1, 5: 2 },
    respondents: 2,
    sums: { u1: 8, u2: 7, u3: 6, u4: 8, u5: 7, u6: 8, u7: 8, u8: 5, u9: 6 },
    followUps: 1,
  });
  const b = totals({
    served: 4,
    withinStandard: 1,
    serviceSeconds: 2_500,
    histogram: { 5: 1, 30: 3 },
    respondents: 1,
    sums: { u1: 4, u2: 4, u3: 3, u4: 4, u5: 4, u6: 3, u7: 4, u8: 2, u9: 1 },
    followUps: 0,
  });

  it('merges histograms and sums every count', () => {
    expect(addTotals(a, b)).toEqual({
      served: 7,
      withinStandard: 3,
      serviceSeconds: 3_500,
      histogram: { 1: 1, 5: 3, 30: 3 },
      respondents: 3,
      sums: { u1: 12, u2: 11, u3: 9, u4: 12, u5: 11, u6: 11, u7: 12, u8: 7, u9: 7 },
      followUps: 1,
    });
  });

  it('is symmetric', () => {
    expect(addTotals(b, a)).toEqual(addTotals(a, b));
  });

  it('empty totals are neutral', () => {
    expect(addTotals(a, emptyTotals())).toEqual(a);
    expect(addTotals(emptyTotals(), b)).toEqual(b);
  });

  it('does not modify its inputs', () => {
    addTotals(a, b);
    expect(a.histogram).toEqual({ 1: 1, 5: 2 });
    expect(b.histogram).toEqual({ 5: 1, 30: 3 });
  });
});

describe('indicatorsOf', () => {
  it.each<[label: string, served: number, withinStandard: number, pct: number | null]>([
    ['nothing served', 0, 0, null],
    ['all within standard', 3, 3, 100],
    ['none within standard', 5, 0, 0],
    ['2 of 3 → 66.666… → 66.67', 3, 2, 66.67],
    ['1 of 3 → 33.333… → 33.33', 3, 1, 33.33],
    ['1 of 8 → 12.5', 8, 1, 12.5],
    ['1 of 32 → 3.125 → 3.13 (half-up)', 32, 1, 3.13],
    ['1 of 800 → 0.125 → 0.13 (half-up)', 800, 1, 0.13],
    ['1 of 6 → 16.666… → 16.67', 6, 1, 16.67],
    ['2 of 7 → 28.571… → 28.57', 7, 2, 28.57],
  ])('withinStandardPct: %s', (_label, served, withinStandard, pct) => {
    expect(indicatorsOf(totals({ served, withinStandard })).withinStandardPct).toBe(pct);
  });

  it('nothing served: nulls, no sample target, not provisional', () => {
    expect(indicatorsOf(emptyTotals())).toEqual({
      served: 0,
      withinStandard: 0,
      withinStandardPct: null,
      late: 0,
      latePct: null,
      medianMinutes: null,
      survey: {
        respondents: 0,
        ikm: null,
        grade: null,
        performance: null,
        nrr: null,
        sampleTarget: 0,
        provisional: false,
      },
      followUps: 0,
    });
  });

  it('reads the median, IKM, grade and performance from the totals', () => {
    // 3 respondents with every element sum 11 → NRR 3.666…, IKM 91.666… → 91.67 → A (Sangat Baik).
    const i = indicatorsOf(
      totals({
        served: 5,
        withinStandard: 4,
        histogram: { 12: 2, 30: 2, 75: 1 },
        respondents: 3,
        sums: allSums(11),
        followUps: 2,
      }),
    );
    expect(i.served).toBe(5);
    expect(i.withinStandard).toBe(4);
    expect(i.withinStandardPct).toBe(80);
    expect(i.medianMinutes).toBe(30);
    expect(i.survey.ikm).toBe(91.67);
    expect(i.survey.grade).toBe('A');
    expect(i.survey.performance).toEqual({ id: 'Sangat Baik', en: 'Very good' });
    expect(i.late).toBe(1);
    expect(i.latePct).toBe(20);
    // NRR 11/3 = 3.666… is shown half-up to two decimals, like every figure of the API.
    expect(i.survey.nrr!.u1).toBe(3.67);
    expect(i.survey.sampleTarget).toBe(5); // N=5: 4.8025 / (0.01 + 0.96025) = 4.95 → 5
    expect(i.survey.provisional).toBe(true);
    expect(i.followUps).toBe(2);
  });

  it.each<[label: string, served: number, respondents: number, sampleTarget: number, provisional: boolean]>([
    ['N=50 with 43 responses (s=44)', 50, 43, 44, true],
    ['N=50 with exactly 44 responses', 50, 44, 44, false],
    ['N=300 with 168 responses (s=169)', 300, 168, 169, true],
    ['N=300 with 169 responses', 300, 169, 169, false],
    ['N=2000 with 321 responses (s=322)', 2000, 321, 322, true],
    ['N=2000 with 400 responses', 2000, 400, 322, false],
    ['responses without any service served', 0, 2, 0, false],
  ])('survey sufficiency: %s', (_label, served, respondents, sampleTarget, provisional) => {
    const i = indicatorsOf(totals({ served, respondents, sums: allSums(3 * respondents) }));
    expect(i.survey.sampleTarget).toBe(sampleTarget);
    expect(i.survey.provisional).toBe(provisional);
    // Provisional is reported, not hidden: the IKM is there either way (all 3 → 75.00, C).
    expect(i.survey.ikm).toBe(respondents > 0 ? 75 : null);
    expect(i.survey.grade).toBe(respondents > 0 ? 'C' : null);
  });
});

describe('realisasiOf', () => {
  // served 8, 1 within standard (12.5 %), median of {10, 10, 20, 20, 20, 40, 40, 60} = (20 + 20) / 2 = 20, IKM all-4 = 100.
  const served = indicatorsOf(
    totals({
      served: 8,
      withinStandard: 1,
      histogram: { 10: 2, 20: 3, 40: 2, 60: 1 },
      respondents: 2,
      sums: allSums(8),
    }),
  );
  const none = indicatorsOf(emptyTotals());

  it.each<[metric: ServiceMetric, value: number | null, empty: number | null]>([
    ['served', 8, 0],
    ['within_standard_pct', 12.5, null],
    ['median_minutes', 20, null],
    ['ikm', 100, null],
  ])('%s', (metric, value, empty) => {
    expect(realisasiOf(metric, served)).toBe(value);
    expect(realisasiOf(metric, none)).toBe(empty);
  });
});
