/**
 * Fairness you can see (issue 18): a person's signals worth a second look and their answers, a unit's people with
 * signals, supervisors' rater patterns, a unit's adoption. Read from records a daily run computes, never by scanning
 * on each view; a signal changes no score. The run itself is started in ./fairness-runs.ts.
 */
import * as z from 'zod/mini';
import { periodMessages } from '../messages/periods.ts';
import { signalMessages } from '../messages/signals.ts';
import { routeWith } from './route.ts';
import { meta, nipParam, periodId, text, unitCode } from './schemas.ts';

const route = routeWith(periodMessages, signalMessages);
const TAG = 'Penilaian';

const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });

export const signalKinds = ['near_duplicate', 'at_cap', 'late_entries', 'over_claim', 'shared_output'] as const;
const ratingCount = z.number().check(z.int(), z.minimum(0));
const nullableNumber = z.nullable(z.number());

/** A signal id: its kind, or kind + `#` + a short hash (send `#` as `%23` in a path). */
const signalId = z
  .string()
  .check(
    z.regex(/^[a-z_]{1,40}(#[A-Za-z0-9_-]{1,64})?$/),
    meta('Id sinyal (jenis, atau jenis#hash; `#` dikirim sebagai %23) / signal id', [
      'at_cap',
      'near_duplicate#9f2c1a',
    ]),
  );

const signal = import.meta.bundled
  ? undefined!
  : z
      .object({
        id: z.string(),
        kind: z.enum(signalKinds),
        measure: z.number().check(meta('Angka yang melewati ambang / the figure that crossed the threshold')),
        threshold: z.number().check(meta('Ambang dari aturan periode / the rule’s value')),
        rule: z.string().check(meta('Nama aturan (GET /years/{year}/rules) / which rule')),
        explanation: z.string().check(meta('Penjelasan dalam bahasa permintaan / plain explanation, request language')),
        evidence: z.record(z.string(), z.unknown()).check(meta('Bukti (tanggal, id aktivitas …) / the evidence')),
        answer: z.nullable(z.object({ note: z.string(), at: z.string() })),
      })
      .check(id('Signal', 'Sinyal untuk ditinjau, bukan keputusan / a signal worth a second look, never a decision'));

const personSignals = import.meta.bundled
  ? undefined!
  : z
      .object({
        nip: z.string(),
        name: z.string(),
        periodId: z.string(),
        rulesVersion: z.number(),
        computedAt: z.string(),
        signals: z.array(signal),
        version: z
          .number()
          .check(meta('Bertambah pada tiap jawaban; kirim sebagai expectedVersion / bumped by each answer')),
      })
      .check(id('PersonSignals'));

const ratings = z.object({ di_atas: ratingCount, sesuai: ratingCount, di_bawah: ratingCount, rated: ratingCount });
const rating = z.enum(['di_atas', 'sesuai', 'di_bawah']);

const raterPattern = import.meta.bundled
  ? undefined!
  : z
      .object({
        nip: z.string(),
        name: z.string(),
        unitCode: z.string(),
        periodId: z.string(),
        rulesVersion: z.number(),
        computedAt: z.string(),
        pattern: z.object({
          decided: ratingCount,
          approved: ratingCount,
          rejected: ratingCount,
          approvalPct: nullableNumber,
          rejectionPct: nullableNumber,
          medianDecisionHours: nullableNumber,
          bulkApproved: ratingCount,
          bulkPct: nullableNumber,
          bulkRuns: z.array(z.object({ at: z.string(), entries: z.number(), seconds: z.number() })),
          backlog: ratingCount,
          oldestPendingDays: nullableNumber,
          ratings,
          overrides: z.array(
            z.object({
              nip: z.string(),
              name: z
                .nullable(z.string())
                .check(
                  meta(
                    'Nama pegawai yang dinilai (null pada hasil perhitungan lama) / the person rated (null: older run)',
                  ),
                ),
              from: rating,
              to: rating,
              reason: z.nullable(z.string()),
            }),
          ),
          leniency: nullableNumber,
        }),
        comparison: z.object({
          leniency: z.object({
            value: nullableNumber,
            opdOthers: nullableNumber,
            formula: z.string(),
            outOfLine: z.boolean(),
          }),
          centralTendency: z.object({ value: nullableNumber, formula: z.string(), outOfLine: z.boolean() }),
        }),
        unitResults: z.object({ withinStandardPct: nullableNumber, ikm: nullableNumber }),
      })
      .check(id('RaterPattern', 'Pola keputusan dan penilaian seorang atasan / a supervisor’s rater pattern'));

const adoptionFigures = {
  members: ratingCount,
  loggingRecently: ratingCount,
  loggingPct: nullableNumber,
  belowThreshold: z.boolean(),
};
const idlePerson = z.object({
  nip: z.string(),
  name: z.nullable(z.string()),
  lastLoggedDate: z.nullable(z.string()),
  idleWorkingDays: z.number(),
});
const overdueQueue = z.object({
  supervisorNip: z.string(),
  name: z.string(),
  pending: z.number(),
  oldestPendingDays: z.number(),
});

const byPerson = z.object({ nip: nipParam, periodId });
const byUnit = z.object({ code: unitCode, periodId });

const RAHMAT = '199001152015031003';
const RINA = '198203152006041002';
const signalExample = {
  id: 'at_cap',
  kind: 'at_cap',
  measure: 12,
  threshold: 10,
  rule: 'capStreakDays',
  explanation:
    '12 hari berturut-turut (2026-11-02 s.d. 2026-11-17) tercatat tepat 450 menit, batas harian; ambangnya 10 hari.',
  evidence: { dates: ['2026-11-02', '2026-11-03', '2026-11-04'], minutes: 450 },
  answer: {
    note: 'Bulan ini ada lonjakan perekaman KTP-el menjelang pemilu; lembur dicatat di SIAK.',
    at: '2026-12-02T03:10:00.000Z',
  },
};
const personSignalsExample = {
  nip: RAHMAT,
  name: 'Rahmat Hidayat Daulay',
  periodId: '2026-11',
  rulesVersion: 1,
  computedAt: '2026-12-01T19:00:04.000Z',
  signals: [
    signalExample,
    {
      id: 'over_claim',
      kind: 'over_claim',
      measure: 1000,
      threshold: 200,
      rule: 'overclaimRatioPct',
      explanation:
        'Output 50 perekaman KTP-el diklaim pada IKI berbasis layanan, sementara data layanan mencatat 5 (1000 %); ambangnya 200 %.',
      evidence: { claimed: 50, credited: 5, ikiIds: ['staff-1-a'] },
      answer: null,
    },
  ],
  version: 2,
};
const raterPatternExample = {
  nip: RINA,
  name: 'Rina Marlina Pohan, S.Sos',
  unitCode: 'DUK-IDK',
  periodId: '2026-11',
  rulesVersion: 1,
  computedAt: '2026-12-01T19:00:04.000Z',
  pattern: {
    decided: 64,
    approved: 63,
    rejected: 1,
    approvalPct: 98.4,
    rejectionPct: 1.6,
    medianDecisionHours: 0.2,
    bulkApproved: 40,
    bulkPct: 62.5,
    bulkRuns: [{ at: '2026-11-28T09:00:03.000Z', entries: 20, seconds: 38 }],
    backlog: 2,
    oldestPendingDays: 3,
    ratings: { di_atas: 3, sesuai: 0, di_bawah: 0, rated: 3 },
    overrides: [
      {
        nip: RAHMAT,
        name: 'Rahmat Hidayat Daulay',
        from: 'sesuai',
        to: 'di_atas',
        reason: 'Target perekaman terlampaui',
      },
    ],
    leniency: 0.67,
  },
  comparison: {
    leniency: {
      value: 0.67,
      opdOthers: 0.05,
      formula: 'rata-rata (diberikan − rekomendasi), Di Bawah = −1, Sesuai = 0, Di Atas = +1',
      outOfLine: true,
    },
    centralTendency: {
      value: -70,
      formula: 'porsi Sesuai yang diberikan − porsi Sesuai atasan lain di OPD (poin persen)',
      outOfLine: false,
    },
  },
  unitResults: { withinStandardPct: 71.5, ikm: 78.2 },
};

export const getPersonSignals = route({
  name: 'get-person-signals',
  params: byPerson,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: TAG,
        summary: 'Sinyal untuk ditinjau seorang pegawai / a person’s signals worth a second look',
        description:
          'Near-duplicate descriptions, minutes at the daily cap day after day, entries made just before the input deadline, output claimed above the service data, one document cited by colleagues — each with its evidence, the threshold of the period’s rules and a plain explanation in the request’s language, and the person’s answer. Never automatic: a signal changes no score, rating or reward. Read by the person, their chain of superiors (or Plt/Plh), BKPSDM and auditors; every view by someone other than the person is recorded in the audit trail (entity `SignalsView`). 404 `fairness_not_computed` until the daily run (or one BKPSDM starts) has computed the period; `signals: []` when it found nothing.',
        responses: { 200: { description: 'The signals', schema: personSignals, example: personSignalsExample } },
        errors: [400, 403, 404],
      },
});

export const answerSignal = route({
  name: 'answer-signal',
  params: z.object({ nip: nipParam, periodId, signalId }),
  body: z.object({
    note: text(1000),
    expectedVersion: z.optional(
      z.number().check(z.int(), z.minimum(1), meta('Versi catatan sinyal yang Anda baca (409 bila berubah)')),
    ),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: TAG,
        summary: 'Jawab sebuah sinyal (pegawai ybs.) / answer a signal (the person only)',
        description:
          'The person concerned (`me` or their own NIP) answers one signal with a note of 1–1000 characters; a second answer replaces the first. The supervisor, the chain above and BKPSDM see it beside the signal. Only the answer is written: the signal, the score and the rating stay as they are. 404 `signal_unknown` for an id the period does not hold; 409 when `expectedVersion` is given and the record changed.',
        bodyExample: { note: 'Bulan ini ada lonjakan perekaman KTP-el menjelang pemilu; lembur dicatat di SIAK.' },
        responses: { 200: { description: 'The signal with its answer', schema: signal, example: signalExample } },
        errors: [400, 403, 404, 409],
      },
});

export const listUnitSignals = route({
  name: 'list-unit-signals',
  params: byUnit,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: TAG,
        summary: 'Pegawai dengan sinyal di sebuah unit / people of a unit with signals',
        description:
          'People of the unit and the units below it who have at least one signal in the period: the kinds, how many, how many they answered. For BKPSDM, auditors, the unit’s heads (or their Plt/Plh) and the superiors above them. Each view is recorded in the audit trail (entity `SignalsView`, the unit code). 404 `fairness_not_computed` (as a person’s signals) when no run has computed the unit’s OPD for the period; `items: []` when it was computed and nobody has a signal.',
        responses: {
          200: {
            description: 'People with signals',
            schema: z
              .object({
                unitCode: z.string(),
                periodId: z.string(),
                items: z.array(
                  z.object({
                    nip: z.string(),
                    name: z.string(),
                    unitCode: z.string(),
                    kinds: z.array(z.enum(signalKinds)),
                    count: ratingCount,
                    answered: ratingCount,
                  }),
                ),
              })
              .check(id('UnitSignals')),
            example: {
              unitCode: 'DUK-IDK',
              periodId: '2026-11',
              items: [
                {
                  nip: RAHMAT,
                  name: 'Rahmat Hidayat Daulay',
                  unitCode: 'DUK-IDK',
                  kinds: ['at_cap', 'over_claim'],
                  count: 2,
                  answered: 1,
                },
              ],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const listRaterPatterns = route({
  name: 'list-rater-patterns',
  params: byUnit,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: TAG,
        summary: 'Pola penilaian para atasan sebuah unit / rater patterns of a unit’s supervisors',
        description:
          'Each supervisor of the unit subtree who decided entries or rated someone: approval and rejection rates, median hours to a decision, the share approved in bulk, backlog, the ratings given and overrides with their reasons, leniency and central tendency against the rest of the OPD (formula shown, `outOfLine` by the period’s rules), and the unit’s objective results. `opd` pools the whole OPD. For BKPSDM, auditors, the unit’s heads and the superiors above them. 404 `fairness_not_computed` (as a person’s signals) when no run has computed the unit’s OPD for the period; `items: []` when it was computed and no supervisor of the unit decided or rated anything.',
        responses: {
          200: {
            description: 'Rater patterns',
            schema: z
              .object({
                unitCode: z.string(),
                periodId: z.string(),
                opd: z.object({
                  code: z.string(),
                  ratings,
                  sharesPct: z.object({ di_atas: nullableNumber, sesuai: nullableNumber, di_bawah: nullableNumber }),
                  leniencyMean: nullableNumber,
                  raters: ratingCount,
                }),
                items: z.array(raterPattern),
              })
              .check(id('UnitRaterPatterns')),
            example: {
              unitCode: 'DUK-DAFDUK',
              periodId: '2026-11',
              opd: {
                code: 'DISDUKCAPIL',
                ratings: { di_atas: 9, sesuai: 21, di_bawah: 2, rated: 32 },
                sharesPct: { di_atas: 28.1, sesuai: 65.6, di_bawah: 6.3 },
                leniencyMean: 0.09,
                raters: 8,
              },
              items: [raterPatternExample],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const getRaterPattern = route({
  name: 'get-rater-pattern',
  params: byPerson,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: TAG,
        summary: 'Pola penilaian seorang atasan / one supervisor’s rater pattern',
        description:
          'As an item of list-rater-patterns. For the supervisor themself, their superiors, BKPSDM and auditors. 404 `fairness_not_computed` when the period has not been computed or the person decided and rated nothing in it.',
        responses: { 200: { description: 'The pattern', schema: raterPattern, example: raterPatternExample } },
        errors: [400, 403, 404],
      },
});

export const getUnitAdoption = route({
  name: 'get-unit-adoption',
  params: byUnit,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: TAG,
        summary: 'Adopsi sebuah unit / a unit’s adoption',
        description:
          'As of the last computation (`asOf`): how many active members logged within the idle threshold of working days, whether the unit is below the adoption threshold, who has been idle, supervisors whose verification queue is older than the deadline allows, and the units directly below. For BKPSDM, auditors, the unit’s heads and the superiors above them. Heads of units get the same each Monday at 07:00 WIB in a digest notification.',
        responses: {
          200: {
            description: 'Adoption',
            schema: z
              .object({
                unitCode: z.string(),
                name: z.string(),
                periodId: z.string(),
                asOf: z.string(),
                computedAt: z.string(),
                ...adoptionFigures,
                idle: z.array(idlePerson),
                overdueQueues: z.array(overdueQueue),
                children: z.array(
                  z.object({
                    code: z.string(),
                    name: z.string(),
                    loggingPct: nullableNumber,
                    belowThreshold: z.nullable(z.boolean()),
                  }),
                ),
              })
              .check(id('UnitAdoption')),
            example: {
              unitCode: 'DUK-DAFDUK',
              name: 'Bidang Pelayanan Pendaftaran Penduduk',
              periodId: '2026-11',
              asOf: '2026-11-30',
              computedAt: '2026-11-29T19:00:04.000Z',
              members: 8,
              loggingRecently: 5,
              loggingPct: 62.5,
              belowThreshold: true,
              idle: [
                {
                  nip: '199406172019032003',
                  name: 'Putri Ayu Simatupang',
                  lastLoggedDate: '2026-11-20',
                  idleWorkingDays: 6,
                },
              ],
              overdueQueues: [
                { supervisorNip: RINA, name: 'Rina Marlina Pohan, S.Sos', pending: 14, oldestPendingDays: 9 },
              ],
              children: [
                { code: 'DUK-IDK', name: 'Seksi Identitas Penduduk', loggingPct: 75, belowThreshold: false },
                {
                  code: 'DUK-PINDAH',
                  name: 'Seksi Pindah Datang dan Pendataan Penduduk',
                  loggingPct: 33.3,
                  belowThreshold: true,
                },
              ],
            },
          },
        },
        errors: [400, 403, 404],
      },
});
