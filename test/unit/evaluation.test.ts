import { describe, expect, it } from 'vitest';
import {
  computeEvaluation,
  type Evaluation,
  hashOfInputs,
  outcomeOf,
  type PersonInputs,
  planOf,
  type ScoredPerson,
  type ScoredPlan,
  type ScoringContext,
} from '../../shared/domain/evaluation.ts';
import type { Iki, Rhk } from '../../shared/domain/plans.ts';
import { defaultRules } from '../../shared/domain/rules.ts';
import type { Rating, UnitPredikat } from '../../shared/domain/scoring.ts';
import { emptyTotals, indicatorsOf } from '../../shared/domain/service-indicators.ts';

const person: ScoredPerson = {
  nip: '199001012015011001',
  name: 'Siti',
  position: 'Pengadministrasi',
  unitCode: 'DUK-IDK',
  unitPath: '/PEMKOT/DUK/DUK-IDK/',
  supervisorNip: '198501012010011002',
};
const now = '2026-12-09T01:00:00.000Z';

const november = { id: '2026-11', kind: 'month', end: '2026-11-30' } as const;
const q4 = { id: '2026-Q4', kind: 'quarter', end: '2026-12-31' } as const;
const year = { id: '2026', kind: 'year', end: '2026-12-31' } as const;
const context = (
  period: ScoringContext['period'] = november,
  unitPredikat: UnitPredikat | null = null,
): ScoringContext => ({
  period,
  rules: { ...defaultRules, rulesVersion: 3 },
  unitPredikat,
  runId: 'run-1',
});

const iki = (id: string, over: Partial<Iki> = {}): Iki => ({
  id,
  name: `IKI ${id}`,
  aspect: 'kuantitas',
  target: { kind: 'single', value: 1200 },
  unit: 'dokumen',
  direction: 'higher',
  weight: 50,
  ...over,
});
const rhk = (id: string, kind: Rhk['kind'], ikis: Iki[]): Rhk => ({ id, kind, title: `RHK ${id}`, iki: ikis });
/** A yearly plan: k1 a quantity target of 1,200 a year (100 a month), k2 a quality target of 100. */
const standardRhk = [
  rhk('r1', 'utama', [
    iki('k1', { weight: 60 }),
    iki('k2', { aspect: 'kualitas', target: { kind: 'single', value: 100 }, weight: 40 }),
  ]),
];
const plan = (planVersion: number, over: Partial<ScoredPlan> = {}): ScoredPlan => ({
  planVersion,
  state: 'approved',
  effectiveFrom: '2026-01-01',
  rhk: standardRhk,
  ...over,
});
const inputs = (
  versions: ScoredPlan[],
  approved: Record<string, number>,
  over: Partial<PersonInputs> = {},
): PersonInputs => ({ versions, approved: new Map(Object.entries(approved)), ...over });

describe('planOf: the plan a period is judged against', () => {
  const cases: [label: string, versions: ScoredPlan[], expected: number | undefined][] = [
    ['none', [], undefined],
    ['a draft only', [plan(1, { state: 'draft', effectiveFrom: undefined })], undefined],
    ['the approved one in force', [plan(1)], 1],
    [
      'the revision in force at the period end',
      [plan(1, { state: 'superseded', effectiveTo: '2026-11-14' }), plan(2, { effectiveFrom: '2026-11-15' })],
      2,
    ],
    [
      'not a revision taking effect after the end',
      [plan(1, { effectiveTo: '2026-11-30', state: 'superseded' }), plan(2, { effectiveFrom: '2026-12-01' })],
      1,
    ],
    [
      'nothing in force at the end: the last approved or superseded',
      [
        plan(1, { state: 'superseded', effectiveTo: '2026-06-30' }),
        plan(2, { state: 'draft', effectiveFrom: undefined }),
      ],
      1,
    ],
  ];
  it.each(cases)('%s', (_label, versions, expected) => {
    expect(planOf(versions, november.end)?.planVersion).toBe(expected);
  });
});

/**
 * Hand-computed: with the default rules (cap 120, above ≥ 110, meets ≥ 90), k1 (weight 60) carries 100 a month, 300
 * a quarter, 1,200 a year; k2 (weight 40) always 100. Nilai kinerja = Σ(capped × weight) / Σ weight.
 */
const scoreCases: [
  label: string,
  period: ScoringContext['period'],
  approved: Record<string, number>,
  levels: string[],
  capped: number[],
  nilai: number,
  recommended: Rating,
][] = [
  [
    'a month: 110 of 100 above, 95 meets; half the utama above, none below',
    november,
    { k1: 110, k2: 95 },
    ['above', 'meets'],
    [110, 95],
    104,
    'di_atas',
  ],
  [
    'capaian capped at 120 before weighting',
    november,
    { k1: 150, k2: 95 },
    ['above', 'meets'],
    [120, 95],
    110,
    'di_atas',
  ],
  ['both meet: sesuai', november, { k1: 100, k2: 90 }, ['meets', 'meets'], [100, 90], 96, 'sesuai'],
  [
    'one below of two: not more than half, sesuai',
    november,
    { k1: 100, k2: 89.99 },
    ['meets', 'below'],
    [100, 89.99],
    95.996,
    'sesuai',
  ],
  ['no totals: no realisasi, capaian 0, all below', november, {}, ['below', 'below'], [0, 0], 0, 'di_bawah'],
  [
    'a quarter carries 3/12 of the year: 330 of 300',
    q4,
    { k1: 330, k2: 100 },
    ['above', 'meets'],
    [110, 100],
    106,
    'di_atas',
  ],
  [
    'the year carries all of it: 1,320 of 1,200',
    year,
    { k1: 1320, k2: 100 },
    ['above', 'meets'],
    [110, 100],
    106,
    'di_atas',
  ],
];

describe('computeEvaluation: hasil kerja from the plan in force and the running totals', () => {
  it.each(scoreCases)('%s', (_label, period, approved, levels, capped, nilai, recommended) => {
    const e = computeEvaluation(person, false, context(period), inputs([plan(1)], approved), now);
    expect(e.hasilKerja.indicators.map((i) => i.level)).toEqual(levels);
    expect(e.hasilKerja.indicators.map((i) => i.cappedCapaian)).toEqual(capped);
    expect(e.hasilKerja.nilaiKinerja).toBeCloseTo(nilai, 10);
    expect(e.recommendedHasilKerja).toBe(recommended);
    expect(e.hasilKerja.recommended).toBe(recommended);
  });

  it('records the person, the plan and rules versions, the run, and where each realisasi came from', () => {
    const e = computeEvaluation(
      person,
      false,
      context(),
      inputs([plan(1), plan(2, { state: 'draft', effectiveFrom: undefined })], { k1: 110, k2: 95 }),
      now,
    );
    expect(e).toMatchObject({
      ...person,
      periodId: '2026-11',
      planVersion: 1,
      rulesVersion: 3,
      head: null,
      runId: 'run-1',
      computedAt: now,
    });
    expect(e.hasilKerja.indicators.map((i) => [i.ikiId, i.realisasi, i.months])).toEqual([
      ['k1', 110, 1],
      ['k2', 95, 12],
    ]);
    expect(e.hasilKerja.sources).toEqual({
      k1: { kind: 'activities', record: 'TOTAL#2026-11#IKI#k1', field: 'approvedQuantity' },
      k2: { kind: 'activities', record: 'TOTAL#2026-11#IKI#k2', field: 'approvedQuantity' },
    });
  });

  it('names the totals of every period of the year for a year', () => {
    const e = computeEvaluation(person, false, context(year), inputs([plan(1)], { k1: 1320 }), now);
    expect(e.hasilKerja.sources.k1!.record).toBe('TOTAL#2026-*#IKI#k1');
  });

  it('without an approved plan: no indicators, nilai 0, below expectation', () => {
    for (const versions of [[], [plan(1, { state: 'submitted', effectiveFrom: undefined })]]) {
      const e = computeEvaluation(person, false, context(), inputs(versions, { k1: 110 }), now);
      expect(e).toMatchObject({ planVersion: null, recommendedHasilKerja: 'di_bawah' });
      expect(e.hasilKerja).toMatchObject({ indicators: [], nilaiKinerja: 0, nilaiKinerjaRounded: 0, sources: {} });
    }
  });

  it('a lower-is-better indicator without totals has no realisasi (not 200)', () => {
    const lower = [
      rhk('r1', 'utama', [
        iki('k1', { aspect: 'waktu', direction: 'lower', target: { kind: 'single', value: 10 }, weight: 100 }),
      ]),
    ];
    const [none] = computeEvaluation(person, false, context(), inputs([plan(1, { rhk: lower })], {}), now).hasilKerja
      .indicators;
    expect(none).toMatchObject({ realisasi: null, capaian: null, cappedCapaian: 0, level: 'below' });
    const [eight] = computeEvaluation(person, false, context(), inputs([plan(1, { rhk: lower })], { k1: 8 }), now)
      .hasilKerja.indicators;
    expect(eight).toMatchObject({ realisasi: 8, capaian: 120, cappedCapaian: 120, level: 'above' });
  });

  it("takes a service indicator from the officer's service figures, none without them", () => {
    const service = [
      rhk('r1', 'utama', [
        iki('s1', {
          aspect: 'kualitas',
          source: 'service',
          serviceMetric: 'within_standard_pct',
          target: { kind: 'single', value: 100 },
          weight: 100,
        }),
      ]),
    ];
    const figures = indicatorsOf({ ...emptyTotals(), served: 20, withinStandard: 19 });
    const e = computeEvaluation(
      person,
      false,
      context(),
      inputs([plan(1, { rhk: service })], { s1: 999 }, { service: figures }),
      now,
    );
    expect(e.hasilKerja.indicators[0]).toMatchObject({ realisasi: 95, capaian: 95, level: 'meets' });
    expect(e.hasilKerja.sources.s1).toEqual({
      kind: 'service',
      record: 'SVCSUM#2026-11#UNIT#*',
      field: 'within_standard_pct',
    });
    expect(
      computeEvaluation(person, false, context(), inputs([plan(1, { rhk: service })], {}), now).hasilKerja
        .indicators[0]!.realisasi,
    ).toBeNull();
  });

  it('a tambahan indicator counts in nilai kinerja but not in the recommendation', () => {
    const withExtra = [
      ...standardRhk,
      rhk('r2', 'tambahan', [iki('k3', { aspect: 'kualitas', target: { kind: 'single', value: 100 }, weight: 20 })]),
    ];
    const e = computeEvaluation(
      person,
      false,
      context(),
      inputs([plan(1, { rhk: withExtra })], { k1: 110, k2: 95, k3: 0 }),
      now,
    );
    expect(e.hasilKerja.nilaiKinerja).toBeCloseTo((110 * 60 + 95 * 40 + 0 * 20) / 120, 10);
    expect(e.recommendedHasilKerja).toBe('di_atas');
  });
});

describe('computeEvaluation: the head of a unit', () => {
  const cases: [
    label: string,
    isHead: boolean,
    unitPredikat: UnitPredikat | null,
    versions: ScoredPlan[],
    recommended: Rating,
    head: unknown,
  ][] = [
    [
      'istimewa → di atas, whatever the plan says',
      true,
      'istimewa',
      [plan(1)],
      'di_atas',
      { unitPredikat: 'istimewa' },
    ],
    ['baik → sesuai', true, 'baik', [plan(1)], 'sesuai', { unitPredikat: 'baik' }],
    ['butuh perbaikan → di bawah', true, 'butuh_perbaikan', [plan(1)], 'di_bawah', { unitPredikat: 'butuh_perbaikan' }],
    ['sangat kurang → di bawah', true, 'sangat_kurang', [plan(1)], 'di_bawah', { unitPredikat: 'sangat_kurang' }],
    ['the unit rating even without a plan', true, 'baik', [], 'sesuai', { unitPredikat: 'baik' }],
    ["no unit predikat yet: the plan's recommendation", true, null, [plan(1)], 'di_atas', { unitPredikat: null }],
    ['no unit predikat and no plan: below', true, null, [], 'di_bawah', { unitPredikat: null }],
    ['not the head: the unit predikat does not count', false, 'sangat_kurang', [plan(1)], 'di_atas', null],
  ];
  it.each(cases)('%s', (_label, isHead, unitPredikat, versions, recommended, head) => {
    const e = computeEvaluation(
      person,
      isHead,
      context(november, unitPredikat),
      inputs(versions, { k1: 110, k2: 95 }),
      now,
    );
    expect(e.recommendedHasilKerja).toBe(recommended);
    expect(e.head).toEqual(head);
  });
});

describe('computeEvaluation: the inputs hash', () => {
  const base = () => computeEvaluation(person, false, context(), inputs([plan(1)], { k1: 110, k2: 95 }), now);

  it('is the hash of everything computed except the run and the time', () => {
    const { inputsHash, runId: _r, computedAt: _c, ...computed } = base();
    expect(inputsHash).toBe(hashOfInputs(computed));
    expect(
      computeEvaluation(
        person,
        false,
        { ...context(), runId: 'run-2' },
        inputs([plan(1)], { k1: 110, k2: 95 }),
        '2027-01-01T00:00:00.000Z',
      ).inputsHash,
    ).toBe(inputsHash);
  });

  it('changes with any input a review saw', () => {
    const hash = base().inputsHash;
    expect(
      computeEvaluation(person, false, context(), inputs([plan(1)], { k1: 111, k2: 95 }), now).inputsHash,
    ).not.toBe(hash);
    expect(
      computeEvaluation(
        person,
        false,
        { ...context(), rules: { ...defaultRules, rulesVersion: 4 } },
        inputs([plan(1)], { k1: 110, k2: 95 }),
        now,
      ).inputsHash,
    ).not.toBe(hash);
    expect(
      computeEvaluation(
        { ...person, supervisorNip: null },
        false,
        context(),
        inputs([plan(1)], { k1: 110, k2: 95 }),
        now,
      ).inputsHash,
    ).not.toBe(hash);
  });
});

describe('outcomeOf: the figures in force', () => {
  const allSesuai = {
    berorientasi_pelayanan: 'sesuai',
    akuntabel: 'sesuai',
    kompeten: 'sesuai',
    harmonis: 'sesuai',
    loyal: 'sesuai',
    adaptif: 'sesuai',
    kolaboratif: 'sesuai',
  } as const;
  const decision = (hasilKerja: Rating, perilaku: Rating) => ({
    hasilKerja,
    perilaku,
    predikat: 'baik' as const,
    reasons: {},
    by: 'nip:1',
    at: now,
  });
  const e = (over: Partial<Evaluation> = {}): Evaluation => ({
    nip: person.nip,
    periodId: '2026-11',
    recommendedHasilKerja: 'di_atas',
    inputsHash: 'h1',
    version: 1,
    ...over,
  });

  const cases: [label: string, evaluation: Evaluation, expected: ReturnType<typeof outcomeOf>][] = [
    [
      'no behaviour ratings: no perilaku, no predikat',
      e(),
      { hasilKerja: 'di_atas', perilaku: null, predikat: null, source: 'recommendation', reviewCurrent: false },
    ],
    [
      'the recommendation with behaviour ratings',
      e({ behaviour: { values: allSesuai, by: 'nip:1', at: now } }),
      { hasilKerja: 'di_atas', perilaku: 'sesuai', predikat: 'baik', source: 'recommendation', reviewCurrent: false },
    ],
    [
      'a review of the current figures',
      e({ review: { ...decision('sesuai', 'sesuai'), inputsHash: 'h1' } }),
      { hasilKerja: 'sesuai', perilaku: 'sesuai', predikat: 'baik', source: 'review', reviewCurrent: true },
    ],
    [
      'a review of older figures no longer counts',
      e({ review: { ...decision('sesuai', 'sesuai'), inputsHash: 'h0' } }),
      { hasilKerja: 'di_atas', perilaku: null, predikat: null, source: 'recommendation', reviewCurrent: false },
    ],
    [
      "an appeal's revision over everything",
      e({
        review: { ...decision('sesuai', 'sesuai'), inputsHash: 'h1' },
        appeal: {
          reason: 'x',
          filedAt: now,
          state: 'revised',
          decision: { outcome: 'revised', reason: 'y', by: 'nip:2', at: now, revised: decision('di_bawah', 'sesuai') },
        },
      }),
      { ...decision('di_bawah', 'sesuai'), source: 'appeal', reviewCurrent: true },
    ],
  ];
  it.each(cases)('%s', (_label, evaluation, expected) => {
    expect(outcomeOf(evaluation)).toEqual(expected);
  });
});
