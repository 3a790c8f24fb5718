/**
 * Citizen satisfaction: SKM elements, NRR, IKM, grade and Krejcie–Morgan sample size (PermenPANRB 14/2017,
 * domain.md "Citizen satisfaction"). Pure. IKM is computed in full precision; the grade uses IKM rounded half-up
 * to two decimals, done in integer arithmetic so no binary fraction ever moves a boundary.
 */
export const skmElements = [
  { code: 'u1', id: 'Persyaratan', en: 'Requirements' },
  { code: 'u2', id: 'Sistem, mekanisme, dan prosedur', en: 'System, mechanism and procedure' },
  { code: 'u3', id: 'Waktu penyelesaian', en: 'Completion time' },
  { code: 'u4', id: 'Biaya/tarif', en: 'Cost/fee' },
  { code: 'u5', id: 'Produk spesifikasi jenis pelayanan', en: 'Service product specification' },
  { code: 'u6', id: 'Kompetensi pelaksana', en: 'Staff competence' },
  { code: 'u7', id: 'Perilaku pelaksana', en: 'Staff conduct' },
  { code: 'u8', id: 'Sarana dan prasarana', en: 'Facilities' },
  { code: 'u9', id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints, suggestions and input' },
] as const;

export type ElementCode = (typeof skmElements)[number]['code'];
export const elementCodes = skmElements.map((e) => e.code) as ElementCode[];

/** The 1–4 scale, as printed on the form. */
export const scale = [
  { value: 1, id: 'Tidak baik', en: 'Poor' },
  { value: 2, id: 'Kurang baik', en: 'Fair' },
  { value: 3, id: 'Baik', en: 'Good' },
  { value: 4, id: 'Sangat baik', en: 'Very good' },
] as const;

export type Answers = Record<ElementCode, number>;

export type Grade = 'A' | 'B' | 'C' | 'D';
export const gradePerformance: Record<Grade, { id: string; en: string }> = {
  A: { id: 'Sangat Baik', en: 'Very good' },
  B: { id: 'Baik', en: 'Good' },
  C: { id: 'Kurang Baik', en: 'Fair' },
  D: { id: 'Tidak Baik', en: 'Poor' },
};

/** Lower bounds of each grade, in hundredths of an IKM point (88.31, 76.61, 65.00). */
const GRADE_FLOORS: [Grade, number][] = [
  ['A', 8831],
  ['B', 7661],
  ['C', 6500],
];

/** Grade of an IKM already rounded to two decimals, given in hundredths (8831 = 88.31). */
export const gradeOfHundredths = (hundredths: number): Grade =>
  GRADE_FLOORS.find(([, floor]) => hundredths >= floor)?.[0] ?? 'D';

export interface Ikm {
  respondents: number;
  /** NRR per element: sum of its answers / respondents. */
  nrr: Record<ElementCode, number>;
  /** (Σ NRR × 1/9) × 25, full precision. */
  ikm: number;
  /** IKM rounded half-up to two decimals: the figure the grade is read from. */
  ikmRounded: number;
  grade: Grade;
}

/**
 * IKM from the running sums of each element's answers over `respondents` responses; undefined when nobody
 * answered. IKM = Σ sums / (9 n) × 25; rounded half-up: ⌊(2·2500·Σ + 9n) / (18n)⌋ hundredths.
 */
export function ikmOf(sums: Record<ElementCode, number>, respondents: number): Ikm | undefined {
  if (respondents <= 0) return undefined;
  const total = elementCodes.reduce((s, c) => s + sums[c], 0);
  const hundredths = Math.floor((2 * 2500 * total + 9 * respondents) / (18 * respondents));
  return {
    respondents,
    nrr: Object.fromEntries(elementCodes.map((c) => [c, sums[c] / respondents])) as Record<ElementCode, number>,
    ikm: (total / (9 * respondents)) * 25,
    ikmRounded: hundredths / 100,
    grade: gradeOfHundredths(hundredths),
  };
}

/** Krejcie–Morgan: s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3.841, P = 0.5, d = 0.05, rounded to the nearest whole. */
export function krejcieMorgan(population: number): number {
  if (population <= 0) return 0;
  const chi = 3.841;
  const pq = 0.25;
  return Math.round((chi * population * pq) / (0.0025 * (population - 1) + chi * pq));
}

/**
 * A response that needs the unit head's follow-up (within 2×24 hours): the citizen marked a complaint, answered
 * any element "tidak baik" (1), or the response's own score (mean × 25) falls in grade D. Policy default.
 */
export function followUpReasons(
  answers: Answers,
  complaint: boolean,
): ('complaint' | 'element_rated_1' | 'low_overall')[] {
  const reasons: ('complaint' | 'element_rated_1' | 'low_overall')[] = [];
  if (complaint) reasons.push('complaint');
  if (elementCodes.some((c) => answers[c] === 1)) reasons.push('element_rated_1');
  const sum = elementCodes.reduce((s, c) => s + answers[c], 0);
  // Own score in hundredths, rounded half-up as IKM is: ⌊(2·2500·sum + 9) / 18⌋.
  if (gradeOfHundredths(Math.floor((5000 * sum + 9) / 18)) === 'D') reasons.push('low_overall');
  return reasons;
}

/** Hours within which the unit head is expected to follow up a flagged response (domain.md: 2×24 hours). */
export const FOLLOW_UP_HOURS = 48;
