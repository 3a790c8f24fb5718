/**
 * Citizen satisfaction: the SKM questionnaire, NRR, IKM, grade and Krejcie–Morgan sample size (PermenPANRB 14/2017).
 * The questionnaire is the regulation's sample: each element its own question and its own four answers, scored 1
 * to 4 in order (one "tidak baik … sangat baik" scale would make "biaya: sangat baik" meaningless for a free
 * service). Pure. IKM is computed in full precision; the grade uses IKM rounded half-up
 * to two decimals, done in integer arithmetic so no binary fraction ever moves a boundary.
 */
export const skmElements = [
  {
    code: 'u1',
    id: 'Persyaratan',
    en: 'Requirements',
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      en: 'How well do the requirements fit the service?',
    },
    answers: [
      { id: 'Tidak sesuai', en: 'Not appropriate' },
      { id: 'Kurang sesuai', en: 'Somewhat appropriate' },
      { id: 'Sesuai', en: 'Appropriate' },
      { id: 'Sangat sesuai', en: 'Very appropriate' },
    ],
  },
  {
    code: 'u2',
    id: 'Sistem, mekanisme, dan prosedur',
    en: 'System, mechanism and procedure',
    question: {
      id: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      en: 'How easy is the procedure of this service?',
    },
    answers: [
      { id: 'Tidak mudah', en: 'Not easy' },
      { id: 'Kurang mudah', en: 'Somewhat easy' },
      { id: 'Mudah', en: 'Easy' },
      { id: 'Sangat mudah', en: 'Very easy' },
    ],
  },
  {
    code: 'u3',
    id: 'Waktu penyelesaian',
    en: 'Completion time',
    question: {
      id: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      en: 'How fast was the service?',
    },
    answers: [
      { id: 'Tidak cepat', en: 'Not fast' },
      { id: 'Kurang cepat', en: 'Somewhat fast' },
      { id: 'Cepat', en: 'Fast' },
      { id: 'Sangat cepat', en: 'Very fast' },
    ],
  },
  {
    code: 'u4',
    id: 'Biaya/tarif',
    en: 'Cost/fee',
    question: {
      id: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      en: 'How fair is the cost of the service?',
    },
    answers: [
      { id: 'Sangat mahal', en: 'Very expensive' },
      { id: 'Cukup mahal', en: 'Fairly expensive' },
      { id: 'Murah', en: 'Cheap' },
      { id: 'Gratis', en: 'Free' },
    ],
  },
  {
    code: 'u5',
    id: 'Produk spesifikasi jenis pelayanan',
    en: 'Service product specification',
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      en: 'Does the result you received match what the service standard promises?',
    },
    answers: [
      { id: 'Tidak sesuai', en: 'Does not match' },
      { id: 'Kurang sesuai', en: 'Partly matches' },
      { id: 'Sesuai', en: 'Matches' },
      { id: 'Sangat sesuai', en: 'Fully matches' },
    ],
  },
  {
    code: 'u6',
    id: 'Kompetensi pelaksana',
    en: 'Staff competence',
    question: {
      id: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      en: 'How competent were the officers who served you?',
    },
    answers: [
      { id: 'Tidak kompeten', en: 'Not competent' },
      { id: 'Kurang kompeten', en: 'Somewhat competent' },
      { id: 'Kompeten', en: 'Competent' },
      { id: 'Sangat kompeten', en: 'Very competent' },
    ],
  },
  {
    code: 'u7',
    id: 'Perilaku pelaksana',
    en: 'Staff conduct',
    question: {
      id: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      en: 'How polite and friendly were the officers?',
    },
    answers: [
      { id: 'Tidak sopan dan ramah', en: 'Not polite and friendly' },
      { id: 'Kurang sopan dan ramah', en: 'Somewhat polite and friendly' },
      { id: 'Sopan dan ramah', en: 'Polite and friendly' },
      { id: 'Sangat sopan dan ramah', en: 'Very polite and friendly' },
    ],
  },
  {
    code: 'u8',
    id: 'Sarana dan prasarana',
    en: 'Facilities',
    question: {
      id: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      en: 'How good are the facilities?',
    },
    answers: [
      { id: 'Buruk', en: 'Poor' },
      { id: 'Cukup', en: 'Fair' },
      { id: 'Baik', en: 'Good' },
      { id: 'Sangat baik', en: 'Very good' },
    ],
  },
  {
    code: 'u9',
    id: 'Penanganan pengaduan, saran dan masukan',
    en: 'Handling of complaints, suggestions and input',
    question: {
      id: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      en: 'How are complaints from service users handled?',
    },
    answers: [
      { id: 'Tidak ada', en: 'There is none' },
      { id: 'Ada tetapi tidak berfungsi', en: 'There is one, but it does not work' },
      { id: 'Berfungsi kurang maksimal', en: 'It works, but not fully' },
      { id: 'Dikelola dengan baik', en: 'It is well managed' },
    ],
  },
] as const satisfies readonly {
  code: string;
  id: string;
  en: string;
  question: { id: string; en: string };
  /** The element's own four answers, scored 1 to 4 in this order. */
  answers: readonly [Label, Label, Label, Label];
}[];

type Label = { id: string; en: string };

export type ElementCode = (typeof skmElements)[number]['code'];
export const elementCodes = skmElements.map((e) => e.code) as ElementCode[];

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
 * A response that needs the unit head's follow-up (within 2×24 hours): the citizen marked a complaint, gave
 * any element its lowest answer (1), or the response's own score (mean × 25) falls in grade D. Policy default.
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

/** A way to reach the citizen about their complaint: a phone number (+62…) or an e-mail address. */
export type Contact = { kind: 'phone'; value: string } | { kind: 'email'; value: string };

/** What an e-mail address must look like here: one @, a dotted domain, no spaces (the mail server decides the rest). */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** Indonesian numbers, mobile or fixed line: 0…, 62… or +62…, then 8 to 12 digits not starting with 0. */
const PHONE = /^(?:\+62|62|0)([1-9]\d{7,11})$/;

/**
 * The contact a citizen typed (optional), normalised: an e-mail address as written (domain in lower case), a
 * phone number as +62… without spaces, dots, dashes or brackets. `invalid` when it is neither.
 */
export function parseContact(raw: string | undefined): Contact | 'invalid' | undefined {
  const text = raw?.trim() ?? '';
  if (text === '') return undefined;
  if (text.includes('@')) {
    if (text.length > 254 || !EMAIL.test(text)) return 'invalid';
    const at = text.lastIndexOf('@');
    return { kind: 'email', value: `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}` };
  }
  const digits = text.replace(/[\s.()-]/g, '');
  const phone = PHONE.exec(digits);
  return phone ? { kind: 'phone', value: `+62${phone[1]}` } : 'invalid';
}
