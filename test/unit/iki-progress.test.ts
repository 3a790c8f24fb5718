import { describe, expect, it } from 'vitest';
import { computeEvaluation, type ScoredPerson } from '../../shared/domain/evaluation.ts';
import { ikiProgress } from '../../shared/domain/iki-progress.ts';
import type { PeriodKind } from '../../shared/domain/periods.ts';
import type { Aspect, Direction, Iki, Rhk, Target } from '../../shared/domain/plans.ts';
import { defaultRules } from '../../shared/domain/rules.ts';
import { monthsCarried, periodTargetOf } from '../../shared/domain/scoring.ts';

describe('monthsCarried', () => {
  it.each<[aspect: Aspect, kind: PeriodKind, months: number]>([
    ['kuantitas', 'month', 1],
    ['kuantitas', 'quarter', 3],
    ['kuantitas', 'year', 12],
    ['kualitas', 'month', 12],
    ['waktu', 'quarter', 12],
    ['biaya', 'month', 12],
  ])('%s in a %s: %i', (aspect, kind, months) => {
    expect(monthsCarried(aspect, kind)).toBe(months);
  });
});

describe('periodTargetOf', () => {
  it.each<[label: string, target: Target, months: number, expected: Target]>([
    ['a month of 2,400', { kind: 'single', value: 2400 }, 1, { kind: 'single', value: 200 }],
    ['a quarter of 2,400', { kind: 'single', value: 2400 }, 3, { kind: 'single', value: 600 }],
    ['the year: unchanged', { kind: 'single', value: 2400 }, 12, { kind: 'single', value: 2400 }],
    ['a month of 100: half-up to two decimals', { kind: 'single', value: 100 }, 1, { kind: 'single', value: 8.33 }],
    ['a month of 1,000 (83.333…)', { kind: 'single', value: 1000 }, 1, { kind: 'single', value: 83.33 }],
    ['a month of 0.3 (0.025 → 0.03, half-up)', { kind: 'single', value: 0.3 }, 1, { kind: 'single', value: 0.03 }],
    ['a range, each bound', { kind: 'range', lo: 120, hi: 240 }, 3, { kind: 'range', lo: 30, hi: 60 }],
  ])('%s', (_label, target, months, expected) => {
    expect(periodTargetOf(target, months)).toEqual(expected);
  });
});

const iki = (id: string, over: Partial<Iki> = {}): Iki => ({
  id,
  name: `IKI ${id}`,
  aspect: 'kuantitas',
  target: { kind: 'single', value: 2400 },
  unit: 'dokumen',
  direction: 'higher',
  weight: 50,
  source: 'activities',
  ...over,
});
const plan = (...ikis: Iki[]): Rhk[] => [{ id: 'r-1', kind: 'utama', title: 'Hasil kerja', iki: ikis }];

describe('ikiProgress', () => {
  it.each<
    [
      label: string,
      over: Partial<Iki>,
      kind: PeriodKind,
      realisasi: number | null,
      expected: { months: number; periodTarget: Target; capaian: number | null; level: string },
    ]
  >([
    [
      'the issue’s case: 146 in a month of a yearly 2,400 is 73% of 200, below',
      {},
      'month',
      146,
      { months: 1, periodTarget: { kind: 'single', value: 200 }, capaian: 73, level: 'below' },
    ],
    [
      'the same 146 over the year would be 6.08%',
      {},
      'year',
      146,
      { months: 12, periodTarget: { kind: 'single', value: 2400 }, capaian: 6.08, level: 'below' },
    ],
    [
      'a quarter: 3/12 of the target',
      {},
      'quarter',
      600,
      { months: 3, periodTarget: { kind: 'single', value: 600 }, capaian: 100, level: 'meets' },
    ],
    [
      'above: capaian shown before the cap',
      {},
      'month',
      300,
      { months: 1, periodTarget: { kind: 'single', value: 200 }, capaian: 150, level: 'above' },
    ],
    [
      'a quality target holds in full every month',
      { aspect: 'kualitas', target: { kind: 'single', value: 90 } },
      'month',
      81,
      { months: 12, periodTarget: { kind: 'single', value: 90 }, capaian: 90, level: 'meets' },
    ],
    [
      'lower is better (time): (2 − 75/60) × 100',
      { aspect: 'waktu', target: { kind: 'single', value: 60 }, direction: 'lower' as Direction },
      'month',
      75,
      { months: 12, periodTarget: { kind: 'single', value: 60 }, capaian: 75, level: 'below' },
    ],
    [
      'a range scaled to the month, realisasi inside it',
      { target: { kind: 'range', lo: 1200, hi: 2400 } },
      'month',
      150,
      { months: 1, periodTarget: { kind: 'range', lo: 100, hi: 200 }, capaian: 100, level: 'meets' },
    ],
    [
      'a third: 1 of a yearly 36 in a month is 33.33, rounded half-up',
      { target: { kind: 'single', value: 36 } },
      'month',
      1,
      { months: 1, periodTarget: { kind: 'single', value: 3 }, capaian: 33.33, level: 'below' },
    ],
    [
      'no realisasi yet: no capaian, counted 0 (below)',
      {},
      'month',
      null,
      { months: 1, periodTarget: { kind: 'single', value: 200 }, capaian: null, level: 'below' },
    ],
  ])('%s', (_label, over, kind, realisasi, expected) => {
    const progress = ikiProgress(plan(iki('k', over)), () => realisasi, kind, defaultRules);
    expect(progress.get('k')).toEqual(expected);
  });

  it('agrees with what a scoring run computes from the same plan and totals', () => {
    const ikis = [iki('a'), iki('b', { target: { kind: 'single', value: 1000 } }), iki('c', { aspect: 'kualitas' })];
    const approved = new Map([
      ['a', 146],
      ['b', 77],
    ]);
    const period = { id: '2026-11', kind: 'month' as const, start: '2026-11-01', end: '2026-11-30' };
    const person: ScoredPerson = {
      nip: '199001152015031003',
      name: 'X',
      position: 'Y',
      unitCode: 'U',
      unitPath: '/U/',
      supervisorNip: null,
    };
    const rules = { ...defaultRules, rulesVersion: 1 };
    const run = computeEvaluation(
      person,
      false,
      { period, rules, unitPredikat: null, runId: 'r' } as never,
      {
        versions: [{ planVersion: 1, state: 'approved', rhk: plan(...ikis), effectiveFrom: '2026-01-01' }],
        approved,
      },
      '2026-12-01T00:00:00Z',
    );
    const progress = ikiProgress(plan(...ikis), (k) => approved.get(k.id) ?? null, 'month', defaultRules);
    for (const scored of run.hasilKerja.indicators) {
      const shown = progress.get(scored.ikiId)!;
      expect(shown.months, scored.ikiId).toBe(scored.months);
      expect(shown.level, scored.ikiId).toBe(scored.level);
      expect(shown.capaian, scored.ikiId).toBe(scored.capaian === null ? null : Math.round(scored.capaian * 100) / 100);
    }
  });
});
