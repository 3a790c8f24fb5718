import { describe, expect, it } from 'vitest';
import type { Direction, Target } from '../../shared/domain/plans.ts';
import { defaultRules } from '../../shared/domain/rules.ts';
import {
  appealDeadline,
  type BerakhlakValue,
  berakhlak,
  berakhlakNames,
  capaianOf,
  distributionViolations,
  headRatingOf,
  type IndicatorInput,
  type Level,
  type Predikat,
  predikatOf,
  type Rating,
  type RewardCandidate,
  recommendHasilKerja,
  recommendPerilaku,
  rewardOrder,
  scoreHasilKerja,
  type UnitPredikat,
  unitPredikats,
} from '../../shared/domain/scoring.ts';

const single = (value: number): Target => ({ kind: 'single', value });
const range = (lo: number, hi: number): Target => ({ kind: 'range', lo, hi });

// ---- Capaian of one indicator ----------------------------------------------------------------------------------

/** domain.md "Capaian of one indicator": higher r/t×100; lower (2 − r/t)×100, never below 0; ranges. */
const capaianCases: [
  label: string,
  realisasi: number | null,
  target: Target,
  direction: Direction,
  capaian: number | null,
][] = [
  // higher is better: realisasi / target × 100
  ['higher: 80 of 100 → 80', 80, single(100), 'higher', 80],
  ['higher: 100 of 100 → 100', 100, single(100), 'higher', 100],
  ['higher: exceeding, 150 of 100 → 150 (uncapped here)', 150, single(100), 'higher', 150],
  ['higher: 0 of 100 → 0', 0, single(100), 'higher', 0],
  ['higher: 1 of 3 → 33.33…', 1, single(3), 'higher', 100 / 3],
  ['higher: 45 of 40 → 112.5', 45, single(40), 'higher', 112.5],
  // lower is better: (2 − realisasi / target) × 100, floor 0
  ['lower: 100 of 100 → 100', 100, single(100), 'lower', 100],
  ['lower: 50 of 100 → 150', 50, single(100), 'lower', 150],
  ['lower: 0 of 100 → 200', 0, single(100), 'lower', 200],
  ['lower: 150 of 100 → 50', 150, single(100), 'lower', 50],
  ['lower: 12 of 10 days → 80', 12, single(10), 'lower', 80],
  ['lower: 199 of 100 → 1', 199, single(100), 'lower', 1],
  // range, higher: inside → 100; above hi against hi; below lo against lo
  ['range higher [90,110]: 100 inside → 100', 100, range(90, 110), 'higher', 100],
  ['range higher [90,110]: 132 above hi → 132/110 = 120 (not against lo: 146.67)', 132, range(90, 110), 'higher', 120],
  ['range higher [90,110]: 45 below lo → 45/90 = 50 (not against hi: 40.91)', 45, range(90, 110), 'higher', 50],
  ['range higher [90,110]: 0 below lo → 0', 0, range(90, 110), 'higher', 0],
  // range, lower
  ['range lower [10,20]: 15 inside → 100', 15, range(10, 20), 'lower', 100],
  ['range lower [10,20]: 30 above hi → (2 − 30/20) = 50 (against lo it would be 0)', 30, range(10, 20), 'lower', 50],
  ['range lower [10,20]: 5 below lo → (2 − 5/10) = 150 (against hi it would be 175)', 5, range(10, 20), 'lower', 150],
  ['range lower [10,20]: 25 above hi → (2 − 25/20) = 75', 25, range(10, 20), 'lower', 75],
  ['range lower [10,20]: 50 above hi, 2.5×hi → floor 0', 50, range(10, 20), 'lower', 0],
  // not computable
  ['higher: realisasi null → null', null, single(100), 'higher', null],
  ['lower: realisasi null → null', null, single(100), 'lower', null],
  ['range higher: realisasi null → null', null, range(90, 110), 'higher', null],
  ['range lower: realisasi null → null', null, range(10, 20), 'lower', null],
  ['higher: target 0 → null', 5, single(0), 'higher', null],
  ['lower: target 0 → null', 5, single(0), 'lower', null],
  ['higher: target 0 and realisasi 0 → null', 0, single(0), 'higher', null],
  ['lower: target 0 and realisasi 0 → null', 0, single(0), 'lower', null],
  ['range higher [0,0]: realisasi 1 above hi 0 → null (target 0)', 1, range(0, 0), 'higher', null],
];

/** Values that must come out exactly, not merely close. */
const exactCapaianCases: [label: string, realisasi: number, target: Target, direction: Direction, capaian: number][] = [
  ['lower: r = 2t (200 of 100) → exactly 0', 200, single(100), 'lower', 0],
  ['lower: r = 2t (3 of 1.5) → exactly 0', 3, single(1.5), 'lower', 0],
  ['lower: r > 2t (250 of 100) → floor 0, not −50', 250, single(100), 'lower', 0],
  ['lower: r ≫ 2t (10 000 of 1) → floor 0', 10_000, single(1), 'lower', 0],
  ['range higher [90,110]: exactly lo 90 → 100', 90, range(90, 110), 'higher', 100],
  ['range higher [90,110]: exactly hi 110 → 100', 110, range(90, 110), 'higher', 100],
  ['range higher [90,110]: 100.5 inside → 100', 100.5, range(90, 110), 'higher', 100],
  ['range lower [10,20]: exactly lo 10 → 100', 10, range(10, 20), 'lower', 100],
  ['range lower [10,20]: exactly hi 20 → 100', 20, range(10, 20), 'lower', 100],
  ['range [5,5] (degenerate): 5 → 100', 5, range(5, 5), 'higher', 100],
  ['range higher [0,10]: 0 inside (0 is a bound) → 100', 0, range(0, 10), 'higher', 100],
];

describe('capaianOf', () => {
  it.each(capaianCases)('%s', (_label, realisasi, target, direction, capaian) => {
    const got = capaianOf(realisasi, target, direction);
    if (capaian === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(capaian, 9);
  });

  it.each(exactCapaianCases)('%s', (_label, realisasi, target, direction, capaian) => {
    expect(capaianOf(realisasi, target, direction)).toBe(capaian);
  });
});

// ---- Hasil kerja -------------------------------------------------------------------------------------------

let seq = 0;
const ind = (
  realisasi: number | null,
  weight: number,
  opts: { target?: Target; direction?: Direction; kind?: 'utama' | 'tambahan' } = {},
): IndicatorInput => {
  seq += 1;
  return {
    rhkId: `R${seq}`,
    ikiId: `I${seq}`,
    kind: opts.kind ?? 'utama',
    name: `IKI ${seq}`,
    target: opts.target ?? single(100),
    direction: opts.direction ?? 'higher',
    weight,
    realisasi,
  };
};
const tambahan = (realisasi: number | null, weight = 0) => ind(realisasi, weight, { kind: 'tambahan' });

/** The cap of 120 applies per indicator before weighting; uncomputable capaian counts 0. */
const capCases: [
  label: string,
  inputs: IndicatorInput[],
  capaian: (number | null)[],
  capped: number[],
  nilaiKinerja: number,
][] = [
  ['150% alone counts 120', [ind(150, 100)], [150], [120], 120],
  ['exactly 120% stays 120', [ind(120, 100)], [120], [120], 120],
  ['119% stays 119', [ind(119, 100)], [119], [119], 119],
  [
    '150% (60) + 80% (40) → (120×60 + 80×40)/100 = 104, not 122',
    [ind(150, 60), ind(80, 40)],
    [150, 80],
    [120, 80],
    104,
  ],
  ['lower, realisasi 0 → capaian 200 counts 120', [ind(0, 100, { direction: 'lower' })], [200], [120], 120],
  ['range above hi: 165 of [90,110] → 150 counts 120', [ind(165, 100, { target: range(90, 110) })], [150], [120], 120],
  ['realisasi null (50) + 100% (50) → 0 and 100 → 50', [ind(null, 50), ind(100, 50)], [null, 100], [0, 100], 50],
  [
    'target 0 (40) + 110% (60) → 0 and 110 → 66',
    [ind(10, 40, { target: single(0) }), ind(110, 60)],
    [null, 110],
    [0, 110],
    66,
  ],
  ['all uncomputable → 0', [ind(null, 70), ind(null, 30)], [null, null], [0, 0], 0],
];

/** Weighted mean of the capped capaian. */
const meanCases: [label: string, inputs: IndicatorInput[], nilaiKinerja: number][] = [
  ['60/40: 100 and 90 → 96', [ind(100, 60), ind(90, 40)], 96],
  ['60/40: 90 and 100 → 94 (weights follow their indicator)', [ind(90, 60), ind(100, 40)], 94],
  ['30/30/40: 100, 80, 110 → 98', [ind(100, 30), ind(80, 30), ind(110, 40)], 98],
  ['50/50: 120 and 60 → 90', [ind(120, 50), ind(60, 50)], 90],
  ['25/25/25/25: 100, 100, 100, 60 → 90', [ind(100, 25), ind(100, 25), ind(100, 25), ind(60, 25)], 90],
  ['single indicator 87.5 → 87.5', [ind(87.5, 100)], 87.5],
  [
    'mixed directions 50/50: higher 110, lower 12 of 10 (80) → 95',
    [ind(110, 50), ind(12, 50, { target: single(10), direction: 'lower' })],
    95,
  ],
];

/** Half-up to two decimals (domain.md: nilai kinerja shown with two decimals). Values are exact rationals. */
const roundingCases: [label: string, inputs: IndicatorInput[], exactMean: string, rounded: number][] = [
  ['weights 1/1/1: 100, 100, 101 → 100.333… → 100.33', [ind(100, 1), ind(100, 1), ind(101, 1)], '301/3', 100.33],
  [
    'weights 1/1/1: 100, 101, 101 → 100.666… → 100.67 (not truncated)',
    [ind(100, 1), ind(101, 1), ind(101, 1)],
    '302/3',
    100.67,
  ],
  ['weights 1/7: 81 and 80 → 80.125 → 80.13 (half up)', [ind(81, 1), ind(80, 7)], '641/8', 80.13],
  ['weights 3/5: 81 and 80 → 80.375 → 80.38 (half up)', [ind(81, 3), ind(80, 5)], '643/8', 80.38],
  [
    'weights 1/199: 101 and 100 → 100.005 → 100.01 (binary 100.00499…)',
    [ind(101, 1), ind(100, 199)],
    '20001/200',
    100.01,
  ],
  ['weights 1/199: 80 and 113 → 112.835 → 112.84', [ind(80, 1), ind(113, 199)], '22567/200', 112.84],
  [
    'weights 70/30: 23.65 of 20 (118.25) and 5.48 of 20 (27.4) → 90.995 → 91.00',
    [ind(23.65, 70, { target: single(20) }), ind(5.48, 30, { target: single(20) })],
    '(118.25×70 + 27.4×30)/100',
    91,
  ],
  [
    'weights 55/45: 48.66 of 100 (48.66) and 52.58 of 50 (105.16) → 74.085 → 74.09',
    [ind(48.66, 55), ind(52.58, 45, { target: single(50) })],
    '(48.66×55 + 105.16×45)/100',
    74.09,
  ],
];

/** Per indicator: above ≥ 110, meets 90 ≤ c < 110, below < 90 (on the capped capaian). */
const levelCases: [label: string, input: IndicatorInput, level: Level][] = [
  ['higher 110 of 100 (capaian 110) → above', ind(110, 100), 'above'],
  ['higher 109.99 of 100 (capaian 109.99) → meets', ind(109.99, 100), 'meets'],
  ['higher 100 of 100 → meets', ind(100, 100), 'meets'],
  ['higher 90 of 100 (capaian 90) → meets', ind(90, 100), 'meets'],
  ['higher 89.99 of 100 (capaian 89.99) → below', ind(89.99, 100), 'below'],
  ['higher 120 of 100 → above', ind(120, 100), 'above'],
  ['higher 150 of 100 (capped 120) → above', ind(150, 100), 'above'],
  ['higher 11 of 10 (capaian 110) → above', ind(11, 100, { target: single(10) }), 'above'],
  ['higher 27 of 30 (capaian 90) → meets', ind(27, 100, { target: single(30) }), 'meets'],
  ['higher 0 of 100 → below', ind(0, 100), 'below'],
  ['realisasi null → below', ind(null, 100), 'below'],
  ['target 0 → below', ind(5, 100, { target: single(0) }), 'below'],
  ['lower 90 of 100 (capaian 110) → above', ind(90, 100, { direction: 'lower' }), 'above'],
  ['lower 90.01 of 100 (capaian 109.99) → meets', ind(90.01, 100, { direction: 'lower' }), 'meets'],
  ['lower 110 of 100 (capaian (2 − 1.1)×100 = 90) → meets', ind(110, 100, { direction: 'lower' }), 'meets'],
  ['lower 110.01 of 100 (capaian 89.99) → below', ind(110.01, 100, { direction: 'lower' }), 'below'],
  ['range higher [90,110]: 95 inside (100) → meets', ind(95, 100, { target: range(90, 110) }), 'meets'],
  ['range higher [90,110]: 121 above hi (110) → above', ind(121, 100, { target: range(90, 110) }), 'above'],
  ['range higher [90,110]: 81 below lo (90) → meets', ind(81, 100, { target: range(90, 110) }), 'meets'],
];

describe('scoreHasilKerja with defaultRules', () => {
  it.each(capCases)('cap and uncomputable: %s', (_label, inputs, capaian, capped, nilaiKinerja) => {
    const h = scoreHasilKerja(inputs, defaultRules);
    h.indicators.forEach((i, k) => {
      const c = capaian[k];
      if (c === null || c === undefined) expect(i.capaian).toBeNull();
      else expect(i.capaian).toBeCloseTo(c, 9);
    });
    expect(h.indicators.map((i) => i.cappedCapaian)).toEqual(capped.map((c) => expect.closeTo(c, 9)));
    expect(h.nilaiKinerja).toBeCloseTo(nilaiKinerja, 9);
  });

  it('keeps each input on its score, in input order', () => {
    const inputs = [ind(150, 60), ind(null, 40, { kind: 'tambahan' })];
    const h = scoreHasilKerja(inputs, defaultRules);
    expect(h.indicators).toHaveLength(2);
    expect(h.indicators[0]).toMatchObject(inputs[0]!);
    expect(h.indicators[1]).toMatchObject({ ...inputs[1], capaian: null, cappedCapaian: 0, level: 'below' });
  });

  it.each(meanCases)('weighted mean: %s', (_label, inputs, nilaiKinerja) => {
    expect(scoreHasilKerja(inputs, defaultRules).nilaiKinerja).toBeCloseTo(nilaiKinerja, 9);
  });

  it.each(roundingCases)('nilaiKinerjaRounded half-up: %s', (_label, inputs, _exact, rounded) => {
    expect(scoreHasilKerja(inputs, defaultRules).nilaiKinerjaRounded).toBe(rounded);
  });

  it.each(levelCases)('level: %s', (_label, input, level) => {
    expect(scoreHasilKerja([input], defaultRules).indicators[0]!.level).toBe(level);
  });

  it('uses the rules it is given (cap 100: 150% counts 100; above at 100)', () => {
    const h = scoreHasilKerja([ind(150, 50), ind(80, 50)], {
      capaianCap: 100,
      aboveThreshold: 100,
      meetsThreshold: 80,
    });
    expect(h.indicators.map((i) => [i.cappedCapaian, i.level])).toEqual([
      [100, 'above'],
      [80, 'meets'],
    ]);
    expect(h.nilaiKinerja).toBeCloseTo(90, 9);
  });
});

// ---- Recommended hasil kerja rating ---------------------------------------------------------------------------

const A: Level = 'above';
const M: Level = 'meets';
const B: Level = 'below';

/** Di Atas: ≥ half of utama above and none below; Di Bawah: > half below; Sesuai otherwise. */
const recommendCases: [label: string, levels: Level[], rating: Rating][] = [
  ['empty → sesuai', [], 'sesuai'],
  // one utama
  ['1: above → di_atas', [A], 'di_atas'],
  ['1: meets → sesuai', [M], 'sesuai'],
  ['1: below → di_bawah', [B], 'di_bawah'],
  // two utama
  ['2: above, above → di_atas', [A, A], 'di_atas'],
  ['2: above, meets (exactly half above) → di_atas', [A, M], 'di_atas'],
  ['2: meets, above (order does not matter) → di_atas', [M, A], 'di_atas'],
  ['2: meets, meets → sesuai', [M, M], 'sesuai'],
  ['2: above, below (1 above 1 below) → sesuai', [A, B], 'sesuai'],
  ['2: below, meets (exactly half below is not more than half) → sesuai', [B, M], 'sesuai'],
  ['2: below, below → di_bawah', [B, B], 'di_bawah'],
  // three utama
  ['3: above ×3 → di_atas', [A, A, A], 'di_atas'],
  ['3: above, above, meets → di_atas', [A, A, M], 'di_atas'],
  ['3: above, meets, meets (1 of 3 is less than half) → sesuai', [A, M, M], 'sesuai'],
  ['3: above, above, below (one below) → sesuai', [A, A, B], 'sesuai'],
  ['3: below, meets, meets → sesuai', [B, M, M], 'sesuai'],
  ['3: below, below, meets → di_bawah', [B, B, M], 'di_bawah'],
  ['3: below, below, above → di_bawah', [B, B, A], 'di_bawah'],
  ['3: below ×3 → di_bawah', [B, B, B], 'di_bawah'],
  // four utama
  ['4: above ×4 → di_atas', [A, A, A, A], 'di_atas'],
  ['4: 2 above, 2 meets, 0 below (exactly half) → di_atas', [A, A, M, M], 'di_atas'],
  ['4: meets, above, meets, above (exactly half, interleaved) → di_atas', [M, A, M, A], 'di_atas'],
  ['4: 1 above, 3 meets → sesuai', [A, M, M, M], 'sesuai'],
  ['4: 3 above, 1 below → sesuai', [A, A, A, B], 'sesuai'],
  ['4: 2 below, 2 meets (exactly half below) → sesuai', [B, B, M, M], 'sesuai'],
  ['4: 2 below, 2 above → sesuai', [B, B, A, A], 'sesuai'],
  ['4: 3 below, 1 meets → di_bawah', [B, B, B, M], 'di_bawah'],
  ['4: 3 below, 1 above → di_bawah', [B, A, B, B], 'di_bawah'],
  ['4: below ×4 → di_bawah', [B, B, B, B], 'di_bawah'],
];

/** Only utama indicators count; each case would come out differently if tambahan were counted. */
const tambahanCases: [label: string, inputs: IndicatorInput[], rating: Rating][] = [
  ['utama 2 above; tambahan 2 below → di_atas', [ind(115, 50), ind(120, 50), tambahan(10), tambahan(null)], 'di_atas'],
  [
    'utama 2 below, 1 meets; tambahan 3 above → di_bawah',
    [ind(50, 30), ind(60, 30), ind(100, 40), tambahan(120), tambahan(115), tambahan(110)],
    'di_bawah',
  ],
  ['utama 1 meets; tambahan 2 above → sesuai', [ind(100, 100), tambahan(120), tambahan(115)], 'sesuai'],
  [
    'utama 1 above, 1 meets; tambahan 3 below → di_atas',
    [ind(110, 50), ind(100, 50), tambahan(0), tambahan(0), tambahan(0)],
    'di_atas',
  ],
  ['no utama; tambahan 1 above → sesuai', [tambahan(120, 100)], 'sesuai'],
  ['no utama; tambahan 1 below → sesuai', [tambahan(10, 100)], 'sesuai'],
];

/** The recommendation over scored utama indicators: uncomputable counts below. */
const scoredRecommendCases: [label: string, inputs: IndicatorInput[], rating: Rating][] = [
  ['utama: null realisasi + 100% → 1 below of 2 → sesuai', [ind(null, 50), ind(100, 50)], 'sesuai'],
  ['utama: null, null, 100% → 2 below of 3 → di_bawah', [ind(null, 30), ind(null, 30), ind(100, 40)], 'di_bawah'],
  ['utama: 110%, target 0 → above but one below → sesuai', [ind(110, 50), ind(1, 50, { target: single(0) })], 'sesuai'],
  ['utama: 150% (capped) and 100% → di_atas', [ind(150, 50), ind(100, 50)], 'di_atas'],
];

describe('recommendHasilKerja', () => {
  it.each(recommendCases)('%s', (_label, levels, rating) => {
    expect(recommendHasilKerja(levels)).toBe(rating);
  });
});

describe('scoreHasilKerja recommendation', () => {
  it.each(tambahanCases)('tambahan do not count: %s', (_label, inputs, rating) => {
    expect(scoreHasilKerja(inputs, defaultRules).recommended).toBe(rating);
  });

  it.each(scoredRecommendCases)('%s', (_label, inputs, rating) => {
    expect(scoreHasilKerja(inputs, defaultRules).recommended).toBe(rating);
  });
});

// ---- Perilaku -------------------------------------------------------------------------------------------

/** Assign ratings to the seven values in the given order: `atas` di_atas, then `sesuai`, then `bawah`. */
const perilaku = (atas: number, sesuai: number, bawah: number, order: readonly BerakhlakValue[] = berakhlak) => {
  const ratingsInOrder: Rating[] = [
    ...Array<Rating>(atas).fill('di_atas'),
    ...Array<Rating>(sesuai).fill('sesuai'),
    ...Array<Rating>(bawah).fill('di_bawah'),
  ];
  expect(ratingsInOrder).toHaveLength(7);
  return Object.fromEntries(order.map((v, k) => [v, ratingsInOrder[k]!])) as Record<BerakhlakValue, Rating>;
};

const perilakuCases: [label: string, atas: number, sesuai: number, bawah: number, rating: Rating][] = [
  ['7 di_atas → di_atas', 7, 0, 0, 'di_atas'],
  ['7 sesuai → sesuai', 0, 7, 0, 'sesuai'],
  ['7 di_bawah → di_bawah', 0, 0, 7, 'di_bawah'],
  ['4 di_atas + 3 sesuai → di_atas', 4, 3, 0, 'di_atas'],
  ['3 di_atas + 4 sesuai → sesuai', 3, 4, 0, 'sesuai'],
  ['4 di_atas + 2 sesuai + 1 di_bawah → sesuai', 4, 2, 1, 'sesuai'],
  ['6 di_atas + 1 di_bawah → sesuai', 6, 0, 1, 'sesuai'],
  ['4 di_bawah + 3 sesuai → di_bawah', 0, 3, 4, 'di_bawah'],
  ['3 di_atas + 4 di_bawah → di_bawah', 3, 0, 4, 'di_bawah'],
  ['4 di_atas + 3 di_bawah → sesuai', 4, 0, 3, 'sesuai'],
  ['3 di_bawah + 4 sesuai → sesuai', 0, 4, 3, 'sesuai'],
];

describe('recommendPerilaku over the seven BerAKHLAK values', () => {
  it('the seven values are those of domain.md', () => {
    expect(berakhlak.map((v) => berakhlakNames[v])).toEqual([
      'Berorientasi Pelayanan',
      'Akuntabel',
      'Kompeten',
      'Harmonis',
      'Loyal',
      'Adaptif',
      'Kolaboratif',
    ]);
  });

  it.each(berakhlak.map((v) => [v] as const))('missing %s → null', (missing) => {
    const values: Partial<Record<BerakhlakValue, Rating>> = perilaku(7, 0, 0);
    delete values[missing];
    expect(recommendPerilaku(values)).toBeNull();
  });

  it('none given → null', () => {
    expect(recommendPerilaku({})).toBeNull();
  });

  it.each(perilakuCases)('%s', (_label, atas, sesuai, bawah, rating) => {
    expect(recommendPerilaku(perilaku(atas, sesuai, bawah))).toBe(rating);
    expect(recommendPerilaku(perilaku(atas, sesuai, bawah, [...berakhlak].reverse()))).toBe(rating);
  });
});

// ---- Predikat ----------------------------------------------------------------------------------------------

/** domain.md "Predikat kinerja", row by row (hasil kerja ↓ / perilaku →). */
const matrix: [hasilKerja: Rating, perilaku: Rating, predikat: Predikat][] = [
  ['di_atas', 'di_bawah', 'kurang'],
  ['di_atas', 'sesuai', 'baik'],
  ['di_atas', 'di_atas', 'sangat_baik'],
  ['sesuai', 'di_bawah', 'kurang'],
  ['sesuai', 'sesuai', 'baik'],
  ['sesuai', 'di_atas', 'baik'],
  ['di_bawah', 'di_bawah', 'sangat_kurang'],
  ['di_bawah', 'sesuai', 'butuh_perbaikan'],
  ['di_bawah', 'di_atas', 'butuh_perbaikan'],
];

describe('predikatOf (PermenPANRB 6/2022 matrix)', () => {
  it.each(matrix)('hasil kerja %s × perilaku %s → %s', (hasilKerja, perilakuRating, predikat) => {
    expect(predikatOf(hasilKerja, perilakuRating)).toBe(predikat);
  });
});

// ---- Kurva distribusi ------------------------------------------------------------------------------------------

const crowd = (counts: Partial<Record<Predikat, number>>): Predikat[] =>
  (Object.entries(counts) as [Predikat, number][]).flatMap(([p, k]) => Array<Predikat>(k).fill(p));

const SB70 = 'Sangat Baik ≤ 70%';
const BAIK70 = 'Baik ≤ 70%';
const ONE_BP_OR_K = 'paling sedikit satu Butuh Perbaikan atau Kurang/Misconduct';
const BP60 = 'Butuh Perbaikan ≥ 60%';
const SB10 = 'Sangat Baik ≤ 10%';
const K60 = 'Kurang/Misconduct ≥ 60%';
const BP10 = 'Butuh Perbaikan ≥ 10%';
const SK60 = 'Sangat Kurang ≥ 60%';
const K_OR_BP10 = 'Kurang/Misconduct atau Butuh Perbaikan ≥ 10%';
const NO_SB = 'tidak ada Sangat Baik';

/** domain.md "Kurva distribusi": every violated rule, in the order of the table. */
const distributionCases: [label: string, unit: UnitPredikat, employees: Predikat[], rules: string[]][] = [
  // Istimewa: Sangat Baik ≤ 70 %
  ['istimewa: 7 of 10 sangat_baik (exactly 70%) → ok', 'istimewa', crowd({ sangat_baik: 7, baik: 3 }), []],
  ['istimewa: 8 of 10 sangat_baik (80%) → violation', 'istimewa', crowd({ sangat_baik: 8, baik: 2 }), [SB70]],
  ['istimewa: 71 of 100 sangat_baik → violation', 'istimewa', crowd({ sangat_baik: 71, baik: 29 }), [SB70]],
  ['istimewa: all baik, nothing else required → ok', 'istimewa', crowd({ baik: 10 }), []],
  ['istimewa: all sangat_kurang → ok', 'istimewa', crowd({ sangat_kurang: 5 }), []],
  // Baik: Baik ≤ 70 %; at least one Butuh Perbaikan or Kurang/Misconduct
  ['baik: 7 of 10 baik + 1 butuh_perbaikan → ok', 'baik', crowd({ baik: 7, butuh_perbaikan: 1, sangat_baik: 2 }), []],
  ['baik: 7 of 10 baik + 1 kurang → ok', 'baik', crowd({ baik: 7, kurang: 1, sangat_baik: 2 }), []],
  ['baik: 8 of 10 baik + 1 kurang → Baik ≤ 70%', 'baik', crowd({ baik: 8, kurang: 1, sangat_baik: 1 }), [BAIK70]],
  ['baik: 7 baik + 3 sangat_baik, no BP/K → at least one', 'baik', crowd({ baik: 7, sangat_baik: 3 }), [ONE_BP_OR_K]],
  [
    'baik: sangat_kurang does not count as BP/K',
    'baik',
    crowd({ baik: 5, sangat_baik: 3, sangat_kurang: 2 }),
    [ONE_BP_OR_K],
  ],
  ['baik: 8 of 10 baik, no BP/K → both', 'baik', crowd({ baik: 8, sangat_baik: 2 }), [BAIK70, ONE_BP_OR_K]],
  ['baik: 1 employee, butuh_perbaikan → ok', 'baik', crowd({ butuh_perbaikan: 1 }), []],
  // Butuh Perbaikan: Butuh Perbaikan ≥ 60 %; Sangat Baik ≤ 10 %
  [
    'butuh_perbaikan: 6 of 10 BP (exactly 60%), 1 SB (exactly 10%) → ok',
    'butuh_perbaikan',
    crowd({ butuh_perbaikan: 6, sangat_baik: 1, baik: 3 }),
    [],
  ],
  ['butuh_perbaikan: 3 of 5 BP (60%) → ok', 'butuh_perbaikan', crowd({ butuh_perbaikan: 3, baik: 2 }), []],
  ['butuh_perbaikan: 5 of 10 BP → BP ≥ 60%', 'butuh_perbaikan', crowd({ butuh_perbaikan: 5, baik: 5 }), [BP60]],
  [
    'butuh_perbaikan: 6 BP, 2 of 10 SB → SB ≤ 10%',
    'butuh_perbaikan',
    crowd({ butuh_perbaikan: 6, sangat_baik: 2, baik: 2 }),
    [SB10],
  ],
  [
    'butuh_perbaikan: 5 BP, 2 SB → both',
    'butuh_perbaikan',
    crowd({ butuh_perbaikan: 5, sangat_baik: 2, baik: 3 }),
    [BP60, SB10],
  ],
  // Kurang: Kurang/Misconduct ≥ 60 %; Butuh Perbaikan ≥ 10 %; Sangat Baik ≤ 10 %
  [
    'kurang: 6 K, 1 BP, 1 SB of 10 (all exactly at bounds) → ok',
    'kurang',
    crowd({ kurang: 6, butuh_perbaikan: 1, sangat_baik: 1, baik: 2 }),
    [],
  ],
  ['kurang: 5 of 10 K → K ≥ 60%', 'kurang', crowd({ kurang: 5, butuh_perbaikan: 2, baik: 3 }), [K60]],
  ['kurang: 9 K, 0 BP → BP ≥ 10%', 'kurang', crowd({ kurang: 9, baik: 1 }), [BP10]],
  ['kurang: 1 BP of 11 (9.09%) → BP ≥ 10%', 'kurang', crowd({ kurang: 10, butuh_perbaikan: 1 }), [BP10]],
  [
    'kurang: 6 K, 1 BP, 2 of 10 SB → SB ≤ 10%',
    'kurang',
    crowd({ kurang: 6, butuh_perbaikan: 1, sangat_baik: 2, baik: 1 }),
    [SB10],
  ],
  ['kurang: all sangat_baik → all three', 'kurang', crowd({ sangat_baik: 4 }), [K60, BP10, SB10]],
  // Sangat Kurang: Sangat Kurang ≥ 60 %; Kurang/Misconduct or Butuh Perbaikan ≥ 10 %; no Sangat Baik
  ['sangat_kurang: 6 SK, 1 K of 10 → ok', 'sangat_kurang', crowd({ sangat_kurang: 6, kurang: 1, baik: 3 }), []],
  [
    'sangat_kurang: 6 SK, 1 BP of 10 → ok',
    'sangat_kurang',
    crowd({ sangat_kurang: 6, butuh_perbaikan: 1, baik: 3 }),
    [],
  ],
  [
    'sangat_kurang: 18 SK, 1 K + 1 BP of 20 (together 10%) → ok',
    'sangat_kurang',
    crowd({ sangat_kurang: 18, kurang: 1, butuh_perbaikan: 1 }),
    [],
  ],
  ['sangat_kurang: 5 of 10 SK → SK ≥ 60%', 'sangat_kurang', crowd({ sangat_kurang: 5, kurang: 5 }), [SK60]],
  [
    'sangat_kurang: 9 SK + 1 baik, no K/BP → K or BP ≥ 10%',
    'sangat_kurang',
    crowd({ sangat_kurang: 9, baik: 1 }),
    [K_OR_BP10],
  ],
  [
    'sangat_kurang: 6 SK, 3 K, 1 SB → no Sangat Baik',
    'sangat_kurang',
    crowd({ sangat_kurang: 6, kurang: 3, sangat_baik: 1 }),
    [NO_SB],
  ],
  [
    'sangat_kurang: 1 SB of 20 (5%) is still one too many',
    'sangat_kurang',
    crowd({ sangat_kurang: 17, kurang: 2, sangat_baik: 1 }),
    [NO_SB],
  ],
  ['sangat_kurang: all sangat_baik → all three', 'sangat_kurang', crowd({ sangat_baik: 3 }), [SK60, K_OR_BP10, NO_SB]],
];

describe('distributionViolations (SE MenPANRB)', () => {
  it.each(distributionCases)('%s', (_label, unit, employees, rules) => {
    expect(distributionViolations(unit, employees).map((v) => v.rule)).toEqual(rules);
  });

  it.each(unitPredikats.map((u) => [u] as const))('%s: no employees → no violations', (unit) => {
    expect(distributionViolations(unit, [])).toEqual([]);
  });

  it('reports what it found: 8 of 10', () => {
    const [v] = distributionViolations('istimewa', crowd({ sangat_baik: 8, baik: 2 }));
    expect(v?.found).toContain('8 dari 10');
  });
});

describe('headRatingOf', () => {
  it.each([
    ['istimewa', 'di_atas'],
    ['baik', 'sesuai'],
    ['butuh_perbaikan', 'di_bawah'],
    ['kurang', 'di_bawah'],
    ['sangat_kurang', 'di_bawah'],
  ] as [UnitPredikat, Rating][])('%s → %s', (unit, rating) => {
    expect(headRatingOf(unit)).toBe(rating);
  });
});

// ---- Reward order -----------------------------------------------------------------------------------------

const cand = (
  nip: string,
  predikat: Predikat,
  nilaiKinerja: number,
  perilakuRating: Rating,
  utamaAbove: number,
): RewardCandidate => ({
  nip,
  predikat,
  nilaiKinerja,
  perilaku: perilakuRating,
  utamaAbove,
});

/** Each pair: `first` must come before `second`, whichever order they are given in. */
const rewardPairs: [label: string, first: RewardCandidate, second: RewardCandidate][] = [
  [
    'sangat_baik 80 before baik 120 (predikat first)',
    cand('2', 'sangat_baik', 80, 'sesuai', 0),
    cand('1', 'baik', 120, 'di_atas', 5),
  ],
  ['baik before butuh_perbaikan', cand('2', 'baik', 80, 'sesuai', 0), cand('1', 'butuh_perbaikan', 120, 'di_atas', 5)],
  [
    'butuh_perbaikan before kurang',
    cand('2', 'butuh_perbaikan', 80, 'sesuai', 0),
    cand('1', 'kurang', 120, 'di_atas', 5),
  ],
  ['kurang before sangat_kurang', cand('2', 'kurang', 80, 'sesuai', 0), cand('1', 'sangat_kurang', 120, 'di_atas', 5)],
  ['same predikat: nilai 95 before 90', cand('2', 'baik', 95, 'di_bawah', 0), cand('1', 'baik', 90, 'di_atas', 5)],
  [
    'same predikat: 80.01 before 80.00 (80.006 vs 80.004)',
    cand('2', 'baik', 80.006, 'di_bawah', 0),
    cand('1', 'baik', 80.004, 'di_atas', 5),
  ],
  [
    '80.004 and 80.001 tie at 80.00 → perilaku di_atas first',
    cand('2', 'baik', 80.001, 'di_atas', 0),
    cand('1', 'baik', 80.004, 'sesuai', 5),
  ],
  [
    '80.004 and 80.001 tie, same perilaku → more utama above first',
    cand('2', 'baik', 80.001, 'sesuai', 3),
    cand('1', 'baik', 80.004, 'sesuai', 2),
  ],
  ['perilaku sesuai before di_bawah', cand('2', 'baik', 90, 'sesuai', 0), cand('1', 'baik', 90, 'di_bawah', 5)],
  ['perilaku di_atas before di_bawah', cand('2', 'baik', 90, 'di_atas', 0), cand('1', 'baik', 90, 'di_bawah', 5)],
  ['same perilaku: 3 utama above before 2', cand('2', 'baik', 90, 'sesuai', 3), cand('1', 'baik', 90, 'sesuai', 2)],
  [
    'all equal: NIP ascending',
    cand('198501012010011001', 'baik', 90, 'sesuai', 2),
    cand('199002022015022002', 'baik', 90, 'sesuai', 2),
  ],
  [
    'nilai tie at two decimals and all else equal: NIP ascending',
    cand('198501012010011001', 'baik', 80.001, 'sesuai', 2),
    cand('198501012010011002', 'baik', 80.004, 'sesuai', 2),
  ],
];

describe('rewardOrder', () => {
  it.each(rewardPairs)('%s', (_label, first, second) => {
    expect(rewardOrder(first, second)).toBeLessThan(0);
    expect(rewardOrder(second, first)).toBeGreaterThan(0);
    expect([second, first].sort(rewardOrder).map((c) => c.nip)).toEqual([first.nip, second.nip]);
  });

  it('a candidate compared with itself is 0', () => {
    const c = cand('198501012010011001', 'baik', 80.004, 'sesuai', 2);
    expect(rewardOrder(c, { ...c })).toBe(0);
  });

  it('sorts a mixed list by predikat, nilai (two decimals), perilaku, utama above, NIP', () => {
    const list = [
      cand('09', 'sangat_kurang', 120, 'di_atas', 9),
      cand('08', 'baik', 80.001, 'sesuai', 1),
      cand('07', 'baik', 80.004, 'sesuai', 2),
      cand('06', 'baik', 80.004, 'di_atas', 0),
      cand('05', 'baik', 80.001, 'sesuai', 2),
      cand('04', 'baik', 85, 'di_bawah', 0),
      cand('03', 'sangat_baik', 70, 'di_bawah', 0),
      cand('02', 'butuh_perbaikan', 110, 'di_atas', 4),
      cand('01', 'sangat_baik', 70, 'di_bawah', 0),
    ];
    const order = ['01', '03', '04', '06', '05', '07', '08', '02', '09'];
    expect([...list].sort(rewardOrder).map((c) => c.nip)).toEqual(order);
    expect(
      [...list]
        .reverse()
        .sort(rewardOrder)
        .map((c) => c.nip),
    ).toEqual(order);
  });
});

// ---- Appeals ----------------------------------------------------------------------------------------------

const deadlineCases: [finalisedOn: string, days: number, deadline: string][] = [
  ['2026-01-01', 14, '2026-01-15'],
  ['2026-01-25', 14, '2026-02-08'],
  ['2026-02-20', 14, '2026-03-06'],
  ['2026-04-30', 14, '2026-05-14'],
  ['2026-12-18', 14, '2027-01-01'],
  ['2026-12-25', 14, '2027-01-08'],
  ['2026-12-31', 14, '2027-01-14'],
  ['2028-02-15', 14, '2028-02-29'],
  ['2028-02-20', 14, '2028-03-05'],
  ['2028-02-29', 14, '2028-03-14'],
  ['2026-03-10', 0, '2026-03-10'],
  ['2026-03-10', 30, '2026-04-09'],
];

describe('appealDeadline', () => {
  it.each(deadlineCases)('%s + %i days → %s', (finalisedOn, days, deadline) => {
    expect(appealDeadline(finalisedOn, days)).toBe(deadline);
  });

  it('the policy default window is 14 days', () => {
    expect(appealDeadline('2026-12-25', defaultRules.appealWindowDays)).toBe('2027-01-08');
  });
});

describe('capaianOf with the period share of a yearly quantity target (months of 12)', () => {
  it.each([
    ['a month: 9 of 100/12', 9, { kind: 'single', value: 100 }, 'higher', 1, 108],
    ['a quarter: 30 of 100 × 3/12', 30, { kind: 'single', value: 100 }, 'higher', 3, 120],
    ['the year: 100 of 100', 100, { kind: 'single', value: 100 }, 'higher', 12, 100],
    ['a month, lower is better: 11 of 120/12', 11, { kind: 'single', value: 120 }, 'lower', 1, 90],
    ['a month, range 60–120 a year → 5–10: 7 inside', 7, { kind: 'range', lo: 60, hi: 120 }, 'higher', 1, 100],
    ['a month, range 60–120 a year → 5–10: 12 against 10', 12, { kind: 'range', lo: 60, hi: 120 }, 'higher', 1, 120],
    ['a month, range 60–120 a year → 5–10: 4 against 5', 4, { kind: 'range', lo: 60, hi: 120 }, 'higher', 1, 80],
  ] as const)('%s → %s', (_label, realisasi, target, direction, months, expected) => {
    expect(capaianOf(realisasi, target as never, direction, months)).toBe(expected);
  });

  it('keeps the level exact at the threshold with a share (99 of 1080/12 = 110 → above)', () => {
    const result = scoreHasilKerja(
      [
        {
          rhkId: 'r',
          ikiId: 'k',
          kind: 'utama',
          name: 'K',
          target: { kind: 'single', value: 1080 },
          direction: 'higher',
          weight: 100,
          realisasi: 99,
          months: 1,
        },
      ],
      defaultRules,
    );
    expect(result.indicators[0]).toMatchObject({ capaian: 110, level: 'above' });
  });
});
