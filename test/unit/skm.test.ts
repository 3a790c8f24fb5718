import { describe, expect, it } from 'vitest';
import {
  type Answers,
  type ElementCode,
  elementCodes,
  followUpReasons,
  type Grade,
  gradeOfHundredths,
  ikmOf,
  krejcieMorgan,
  parseContact,
  skmElements,
} from '../../shared/domain/skm.ts';

/** Element sums u1…u9 from a list of nine numbers. */
const sumsOf = (values: number[]): Record<ElementCode, number> => {
  if (values.length !== 9) throw new Error('nine values expected');
  return Object.fromEntries(elementCodes.map((c, i) => [c, values[i]!])) as Record<ElementCode, number>;
};
const all = (value: number) => sumsOf(Array.from({ length: 9 }, () => value));
const answersOf = (values: number[]): Answers => sumsOf(values);

describe('ikmOf', () => {
  // IKM = Σ sums / (9 n) × 25; rounded half-up to two decimals; grade from the rounded figure.
  it.each<
    [
      label: string,
      sums: Record<ElementCode, number>,
      respondents: number,
      ikm: number,
      ikmRounded: number,
      grade: Grade,
    ]
  >([
    ['one respondent, all 4 (sangat baik)', all(4), 1, 100, 100, 'A'],
    ['one respondent, all 1 (tidak baik)', all(1), 1, 25, 25, 'D'],
    ['two respondents, every NRR 3 → 3 × 25', all(6), 2, 75, 75, 'C'],
    // Σ = 120, 120 / 36 × 25 = 83.333…
    ['four respondents, mixed sums (Σ 120)', sumsOf([16, 14, 12, 13, 15, 14, 16, 11, 9]), 4, 250 / 3, 83.33, 'B'],
    // Σ = 107, 107 / 27 × 25 = 99.074…
    [
      'three respondents, one element short of perfect (Σ 107)',
      sumsOf([12, 12, 12, 12, 12, 12, 12, 12, 11]),
      3,
      2675 / 27,
      99.07,
      'A',
    ],
    // Σ = 81, n = 8: 81 / 72 × 25 = 28.125 exactly → 28.13 half-up (28.12 if truncated or rounded half-even).
    ['half-up: exactly 28.125 → 28.13', all(9), 8, 28.125, 28.13, 'D'],
    // n = 5000, Σ = 9 × 17661 = 158949: 158949 / 45000 × 25 = 158949 / 1800 = 88.305 exactly → 88.31 → A (88.30 would be B).
    ['half-up at the A/B boundary: 88.305 → 88.31 A', all(17661), 5000, 88.305, 88.31, 'A'],
    // One answer fewer: 158948 / 1800 = 88.3044… → 88.30 → B.
    [
      'just under the A/B boundary: 88.3044 → 88.30 B',
      sumsOf([17661, 17661, 17661, 17661, 17661, 17661, 17661, 17661, 17660]),
      5000,
      158948 / 1800,
      88.3,
      'B',
    ],
    // Σ = 9 × 15321 = 137889: 137889 / 1800 = 76.605 → 76.61 → B (76.60 would be C).
    ['half-up at the B/C boundary: 76.605 → 76.61 B', all(15321), 5000, 76.605, 76.61, 'B'],
    // Σ = 9 × 12999 = 116991: 116991 / 1800 = 64.995 → 65.00 → C (64.99 would be D).
    ['half-up at the C/D boundary: 64.995 → 65.00 C', all(12999), 5000, 64.995, 65, 'C'],
  ])('%s', (_label, sums, respondents, ikm, ikmRounded, grade) => {
    const result = ikmOf(sums, respondents);
    expect(result).toBeDefined();
    expect(result!.respondents).toBe(respondents);
    expect(result!.ikm).toBeCloseTo(ikm, 9);
    expect(result!.ikmRounded).toBe(ikmRounded);
    expect(result!.grade).toBe(grade);
  });

  it('NRR per element is its sum / respondents', () => {
    const result = ikmOf(sumsOf([16, 14, 12, 13, 15, 14, 16, 11, 9]), 4);
    expect(result!.nrr).toEqual({ u1: 4, u2: 3.5, u3: 3, u4: 3.25, u5: 3.75, u6: 3.5, u7: 4, u8: 2.75, u9: 2.25 });
  });

  it('IKM is the mean of the nine NRR × 25', () => {
    const result = ikmOf(sumsOf([16, 14, 12, 13, 15, 14, 16, 11, 9]), 4)!;
    const meanNrr = Object.values(result.nrr).reduce((s, v) => s + v, 0) / 9;
    expect(result.ikm).toBeCloseTo(meanNrr * 25, 12);
  });

  it.each([0, -1])('no respondents (%i) → undefined', (respondents) => {
    expect(ikmOf(all(0), respondents)).toBeUndefined();
  });
});

describe('gradeOfHundredths', () => {
  it.each<[hundredths: number, grade: Grade]>([
    [10000, 'A'],
    [8831, 'A'],
    [8830, 'B'],
    [7661, 'B'],
    [7660, 'C'],
    [6500, 'C'],
    [6499, 'D'],
    [2500, 'D'],
  ])('%i → %s', (hundredths, grade) => {
    expect(gradeOfHundredths(hundredths)).toBe(grade);
  });
});

describe('krejcieMorgan', () => {
  // s = 3.841 · N · 0.25 / (0.0025 (N − 1) + 3.841 · 0.25), rounded to the nearest whole number:
  // N=1 → 1.000, 10 → 9.771, 50 → 44.343, 100 → 79.507, 300 → 168.687, 1000 → 277.709, 2000 → 322.353, 10⁶ → 383.953.
  it.each([
    [0, 0],
    [1, 1],
    [10, 10],
    [50, 44],
    [100, 80],
    [300, 169],
    [1000, 278],
    [2000, 322],
    [1_000_000, 384],
  ])('N=%i → %i', (population, sample) => {
    expect(krejcieMorgan(population)).toBe(sample);
  });
});

describe('followUpReasons', () => {
  it.each<[label: string, answers: number[], complaint: boolean, expected: ReturnType<typeof followUpReasons>]>([
    ['all 4, no complaint', [4, 4, 4, 4, 4, 4, 4, 4, 4], false, []],
    ['all 4 but a complaint', [4, 4, 4, 4, 4, 4, 4, 4, 4], true, ['complaint']],
    // Σ 33 → 91.67: the overall score is fine, the single 1 still needs follow-up.
    ['one element rated 1, the rest 4', [4, 4, 4, 1, 4, 4, 4, 4, 4], false, ['element_rated_1']],
    // Σ 19 → 19 × 25 / 9 = 52.78 → D.
    ['all 2 and one 3 (Σ 19 → 52.78, D)', [2, 2, 2, 3, 2, 2, 2, 2, 2], false, ['low_overall']],
    // Σ 23 → 63.89 → D.
    ['five 3 and four 2 (Σ 23 → 63.89, D)', [3, 3, 3, 3, 3, 2, 2, 2, 2], false, ['low_overall']],
    // Σ 24 → 66.67 → C: not low.
    ['six 3 and three 2 (Σ 24 → 66.67, C)', [3, 3, 3, 3, 3, 3, 2, 2, 2], false, []],
    ['Σ 24 with one element rated 1 (66.67, C)', [1, 3, 3, 3, 3, 3, 3, 3, 2], false, ['element_rated_1']],
    [
      'all 1 with a complaint: every reason',
      [1, 1, 1, 1, 1, 1, 1, 1, 1],
      true,
      ['complaint', 'element_rated_1', 'low_overall'],
    ],
  ])('%s', (_label, answers, complaint, expected) => {
    expect(followUpReasons(answersOf(answers), complaint)).toEqual(expected);
  });
});

describe('the questionnaire (PermenPANRB 14/2017 sample)', () => {
  // Each element its own four answers, scored 1 to 4 in this order: the regulation's sample, as units print it.
  it.each([
    ['u1', 'Persyaratan', ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']],
    ['u2', 'Sistem, mekanisme, dan prosedur', ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah']],
    ['u3', 'Waktu penyelesaian', ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat']],
    ['u4', 'Biaya/tarif', ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']],
    ['u5', 'Produk spesifikasi jenis pelayanan', ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']],
    ['u6', 'Kompetensi pelaksana', ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten']],
    [
      'u7',
      'Perilaku pelaksana',
      ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
    ],
    ['u8', 'Sarana dan prasarana', ['Buruk', 'Cukup', 'Baik', 'Sangat baik']],
    [
      'u9',
      'Penanganan pengaduan, saran dan masukan',
      ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
    ],
  ])('%s %s answers %j', (code, name, answers) => {
    const element = skmElements.find((e) => e.code === code)!;
    expect(element.id).toBe(name);
    expect(element.answers.map((a) => a.id)).toEqual(answers);
    expect(element.question.id).toMatch(/^Bagaimana .+\?$/);
    expect(new Set(element.answers.map((a) => a.en)).size).toBe(4);
  });

  it('asks nine different questions, in the order of the elements', () => {
    expect(skmElements.map((e) => e.code)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    expect(new Set(skmElements.map((e) => e.question.id)).size).toBe(9);
  });
});

describe('parseContact', () => {
  it.each([
    ['nothing', undefined, undefined],
    ['blank', '   ', undefined],
    ['a mobile number with spaces', '0812 3456 7890', { kind: 'phone', value: '+6281234567890' }],
    ['a mobile number with dashes', '0812-3456-7890', { kind: 'phone', value: '+6281234567890' }],
    ['+62 written', '+62 812 3456 7890', { kind: 'phone', value: '+6281234567890' }],
    ['62 without the plus', '6281234567890', { kind: 'phone', value: '+6281234567890' }],
    ['a Medan fixed line with its area code in brackets', '(061) 4512345', { kind: 'phone', value: '+62614512345' }],
    [
      'an e-mail address, domain lower-cased',
      ' Warga.Medan@Contoh.ID ',
      { kind: 'email', value: 'Warga.Medan@contoh.id' },
    ],
    [
      'an e-mail address with a sub-domain',
      'a@mail.pemkomedan.go.id',
      { kind: 'email', value: 'a@mail.pemkomedan.go.id' },
    ],
    ['too few digits', '0812 345', 'invalid'],
    ['too many digits', '0812 3456 7890 1234', 'invalid'],
    ['a trunk zero after +62', '+62 0812 3456 7890', 'invalid'],
    ['a foreign number', '+1 202 555 0100', 'invalid'],
    ['letters', 'rumah saya', 'invalid'],
    ['an address without a domain dot', 'warga@contoh', 'invalid'],
    ['two @', 'a@b@contoh.id', 'invalid'],
    ['a space in an address', 'warga medan@contoh.id', 'invalid'],
    ['an empty domain label', 'warga@contoh..id', 'invalid'],
  ] as const)('%s', (_label, raw, expected) => {
    expect(parseContact(raw)).toEqual(expected);
  });
});
