import * as z from 'zod/mini';
import { berakhlak, predikats, ratings, unitPredikats } from '../domain/scoring.ts';
import { activityMessages } from '../messages/activities.ts';
import { evaluationMessages } from '../messages/evaluations.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { isoDate, meta, nipParam, page, pageQuery, performanceYear, periodId, text, unitCode } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, activityMessages, evaluationMessages);

const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });
const rating = z.enum(ratings);
const predikat = import.meta.bundled ? undefined! : z.enum(predikats);
const byEvaluation = z.object({ nip: nipParam, periodId });
/** The evaluation's `version` as read: 0 until someone has rated or reviewed it. */
const decisionsVersion = z
  .number()
  .check(
    z.int(),
    z.minimum(0),
    meta('Versi penilaian yang dibaca (0 sebelum ada keputusan) / the version read (0 before any decision)'),
  );

/** For someone with no superior in the system (the Sekda): the superior's decision that BKPSDM records. */
const decisionRef = z
  .object({
    number: text(100).check(meta('Nomor keputusan atasan (Wali Kota) / number of the decision')),
    date: isoDate,
  })
  .check(
    meta(
      'Wajib bila Admin BKPSDM mencatat keputusan atasan di luar sistem (Sekda: Wali Kota) / required when BKPSDM records the decision of a superior outside the system',
    ),
  );

const outcome = import.meta.bundled
  ? undefined!
  : z
      .object({
        hasilKerja: z.nullable(rating),
        perilaku: z.nullable(rating),
        predikat: z.nullable(predikat),
        source: z.enum(['appeal', 'review', 'recommendation']),
        reviewCurrent: z.boolean(),
        // An appeal's revision brings its reasons and who decided, when.
        reasons: z.optional(z.object({ hasilKerja: z.optional(z.string()), perilaku: z.optional(z.string()) })),
        by: z.optional(z.string()),
        at: z.optional(z.string()),
      })
      .check(
        id(
          'EvaluationOutcome',
          'The figures in force: an appeal revision, else a current review, else the recommendation',
        ),
      );

const decision = import.meta.bundled
  ? undefined!
  : z.looseObject({
      hasilKerja: rating,
      perilaku: rating,
      predikat,
      reasons: z.looseObject({ hasilKerja: z.optional(z.string()), perilaku: z.optional(z.string()) }),
      by: z.string(),
      at: z.string(),
    });

/** An evaluation as stored (computed figures with the human decisions over them) and the outcome in force. */
export const evaluation = import.meta.bundled
  ? undefined!
  : z
      .looseObject({
        nip: z.string(),
        name: z.optional(z.string()),
        position: z.optional(z.string()),
        unitCode: z.optional(z.string()),
        periodId: z.string(),
        planVersion: z.optional(z.nullable(z.number())),
        rulesVersion: z.optional(z.number()),
        hasilKerja: z.optional(
          z.looseObject({
            indicators: z.array(z.looseObject({ ikiId: z.string(), name: z.string() })),
            nilaiKinerja: z.number(),
            nilaiKinerjaRounded: z.number(),
            recommended: rating,
          }),
        ),
        recommendedHasilKerja: z.optional(rating),
        behaviour: z.optional(z.looseObject({ values: z.record(z.string(), rating), by: z.string(), at: z.string() })),
        review: z.optional(decision),
        appeal: z.optional(
          z.looseObject({ reason: z.string(), filedAt: z.string(), state: z.enum(['filed', 'upheld', 'revised']) }),
        ),
        outcome,
        version: z.number(),
      })
      .check(id('Evaluation'));

const evaluationExample = {
  nip: '199605212020121003',
  name: 'Rahmat Hidayat Daulay',
  position: 'Pengadministrasi Kependudukan',
  unitCode: 'DUK-IDK',
  periodId: '2026-11',
  planVersion: 1,
  rulesVersion: 1,
  hasilKerja: {
    indicators: [{ ikiId: 'iki-1', name: 'Jumlah dokumen KTP-el yang diterbitkan', capaian: 108, level: 'meets' }],
    nilaiKinerja: 108,
    nilaiKinerjaRounded: 108,
    recommended: 'sesuai',
  },
  recommendedHasilKerja: 'sesuai',
  behaviour: { values: { akuntabel: 'sesuai' }, by: 'nip:198203152006041002', at: '2026-12-02T03:00:00.000Z' },
  outcome: {
    hasilKerja: 'sesuai',
    perilaku: 'sesuai',
    predikat: 'baik',
    source: 'recommendation',
    reviewCurrent: false,
  },
  version: 1,
};

/** Someone a report names, with the unit's name. */
const evaluatedPerson = import.meta.bundled
  ? undefined!
  : z
      .object({ nip: z.string(), name: z.string(), unitCode: z.string(), unitName: z.string() })
      .check(id('EvaluatedPerson'));
const personExample = {
  nip: '199605212020121003',
  name: 'Rahmat Hidayat Daulay',
  unitCode: 'DUK-IDK',
  unitName: 'Seksi Identitas Penduduk',
};

/** One line of the curve: the share of `predikats` together at least `min` / at most `max` percent, or `minCount` people. */
const curveBound = import.meta.bundled
  ? undefined!
  : z
      .object({
        rule: z.string(),
        predikats: z.array(predikat),
        min: z.optional(z.number().check(meta('At least this percent'))),
        max: z.optional(z.number().check(meta('At most this percent'))),
        minCount: z.optional(z.number().check(meta('At least this many people'))),
      })
      .check(id('CurveBound', 'One line of the SE MenPANRB distribution table'));

const unitDistribution = import.meta.bundled
  ? undefined!
  : z
      .object({
        unitCode: z.string(),
        unitName: z.string(),
        unitPredikat: z.enum(unitPredikats),
        employees: z.number(),
        counts: z.record(predikat, z.number()),
        curve: z.array(curveBound).check(meta("What the unit's predikat expects of its employees (SE MenPANRB)")),
        violations: z.array(z.looseObject({ rule: z.string() })),
      })
      .check(id('UnitDistribution'));

const opdSummary = import.meta.bundled
  ? undefined!
  : z
      .object({
        opdCode: z.string(),
        opdName: z.string(),
        state: z.enum(['finalised', 'pending']),
        finalisedAt: z.nullable(z.string()),
        evaluations: z.number(),
        unscoredCount: z.number(),
        withoutPredikatCount: z.number(),
        unreviewedCount: z.number(),
        violations: z.number(),
        complete: z
          .boolean()
          .check(meta('Everyone scored and with a predikat: the OPD can be finalised (accepting, acknowledging)')),
      })
      .check(id('OpdFinalisationState', 'Where one OPD stands: finalised, or what its finalisation waits for'));

const distributionFields = import.meta.bundled
  ? undefined!
  : {
      periodId: z.string(),
      opd: z.nullable(z.string()).check(meta('The OPD reported on, or null for the whole organisation')),
      evaluations: z.number(),
      unscored: z
        .array(evaluatedPerson)
        .check(
          meta('The first 100 active people with no evaluation (registered after the run); the next run scores them'),
        ),
      unscoredCount: z.number(),
      unreviewed: z.array(evaluatedPerson).check(meta('The first 100 not reviewed, by unit then NIP')),
      unreviewedCount: z.number(),
      withoutPredikat: z.array(evaluatedPerson).check(meta('The first 100 without a predikat, by unit then NIP')),
      withoutPredikatCount: z.number(),
      units: z.array(unitDistribution),
      violations: z.number(),
      opds: z.array(opdSummary).check(meta('Each OPD reported on: the unit of the check and of finalisation')),
    };
const distributionReport = import.meta.bundled
  ? undefined!
  : z.object(distributionFields).check(id('DistributionReport'));
const distributionExample = {
  periodId: '2026-11',
  opd: 'DISDUKCAPIL',
  evaluations: 4,
  unscored: [],
  unscoredCount: 0,
  unreviewed: [personExample],
  unreviewedCount: 1,
  withoutPredikat: [],
  withoutPredikatCount: 0,
  units: [
    {
      unitCode: 'DUK-IDK',
      unitName: 'Seksi Identitas Penduduk',
      unitPredikat: 'kurang',
      employees: 4,
      counts: { sangat_baik: 0, baik: 1, butuh_perbaikan: 3, kurang: 0, sangat_kurang: 0 },
      curve: [
        { rule: 'Kurang/Misconduct ≥ 60%', predikats: ['kurang'], min: 60 },
        { rule: 'Butuh Perbaikan ≥ 10%', predikats: ['butuh_perbaikan'], min: 10 },
        { rule: 'Sangat Baik ≤ 10%', predikats: ['sangat_baik'], max: 10 },
      ],
      violations: [{ rule: 'Kurang/Misconduct ≥ 60%' }],
    },
  ],
  violations: 1,
  opds: [
    {
      opdCode: 'DISDUKCAPIL',
      opdName: 'Dinas Kependudukan dan Pencatatan Sipil',
      state: 'pending',
      finalisedAt: null,
      evaluations: 4,
      unscoredCount: 0,
      withoutPredikatCount: 0,
      unreviewedCount: 1,
      violations: 1,
      complete: true,
    },
  ],
};

const teamEvaluation = import.meta.bundled
  ? undefined!
  : z
      .object({
        nip: z.string(),
        name: z.string(),
        position: z.string(),
        nilaiKinerja: z.nullable(z.number()),
        recommendedHasilKerja: z.nullable(rating),
        behaviourRated: z.boolean(),
        reviewed: z.boolean(),
        outcome,
        appeal: z.nullable(z.enum(['filed', 'upheld', 'revised'])),
        finalised: z.boolean().check(meta("The member's OPD is finalised for the period: no more ratings or reviews")),
        version: z.number().check(meta('Send it with the rating or the review: no extra read needed')),
      })
      .check(id('TeamEvaluation'));

const reward = import.meta.bundled
  ? undefined!
  : z
      .object({
        rank: z.number(),
        nip: z.string(),
        name: z.string(),
        position: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        predikat,
        nilaiKinerja: z.number(),
        hasilKerja: rating,
        perilaku: rating,
        utamaAbove: z.number(),
        final: z.boolean(),
      })
      .check(id('Reward'));

export const startScoringRun = route({
  name: 'start-scoring-run',
  body: z.object({ periodId, unitCode: z.optional(unitCode) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary:
          'Jalankan (ulang) penilaian periode, seluruhnya atau satu unit (Admin BKPSDM) / start or re-run scoring',
        description:
          'Splits the work into one task per unit (slices of at most 2,000 people), each idempotent; the tasks run in parallel through the table stream. ' +
          'A run over a closed period ends with the period scored; a re-run gives the same results from the same data. The daily schedule does the same after each input deadline.',
        bodyExample: { periodId: '2026-11' },
        responses: {
          202: {
            description: 'Run started',
            schema: z
              .object({ runId: z.string(), periodId: z.string(), tasks: z.number(), rulesVersion: z.number() })
              .check(id('ScoringRunStarted')),
            example: { runId: '20261201T010000000Z-1a2b3c4d', periodId: '2026-11', tasks: 42, rulesVersion: 1 },
          },
        },
        errors: [400, 403, 404, 409],
      },
});

export const getScoringRun = route({
  name: 'get-scoring-run',
  params: z.object({ periodId, runId: z.string().check(z.regex(/^[A-Za-z0-9-]{8,60}$/)) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Kemajuan proses penilaian / progress of a scoring run',
        description:
          'Exact task counters and the people scored so far; `pendingUnits` names the units still to do (bounded by design: at most the unit tree).',
        responses: {
          200: {
            description: 'Run and its tasks',
            schema: z
              .looseObject({
                periodId: z.string(),
                runId: z.string(),
                unitCode: z.nullable(z.string()),
                rulesVersion: z.number(),
                startedBy: z.string(),
                startedAt: z.string(),
                state: z.enum(['running', 'done']),
                finishedAt: z.optional(z.string()),
                tasks: z.object({ total: z.nullable(z.number()), done: z.number() }),
                employeesScored: z.number(),
                pendingUnits: z.array(z.object({ unitCode: z.string(), unitName: z.string() })),
              })
              .check(id('ScoringRun')),
            example: {
              periodId: '2026-11',
              runId: '20261201T010000000Z-1a2b3c4d',
              unitCode: null,
              rulesVersion: 1,
              startedBy: 'nip:197505102000031001',
              startedAt: '2026-12-01T01:00:00.000Z',
              state: 'running',
              tasks: { total: 42, done: 40 },
              employeesScored: 1830,
              pendingUnits: [{ unitCode: 'DUK-IDK', unitName: 'Seksi Identitas Penduduk' }],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const getEvaluation = route({
  name: 'get-evaluation',
  params: byEvaluation,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Penilaian kinerja seseorang pada satu periode / an evaluation',
        description:
          'The computed figures, the recommendation, the behaviour ratings, the review, any appeal, and the outcome in force (`outcome`).',
        responses: {
          200: {
            description: 'The evaluation',
            schema: z
              .looseObject({
                ...evaluation.shape,
                periodState: z.string(),
                input360: z.looseObject({ peers: z.number(), subordinates: z.number() }),
              })
              .check(id('EvaluationInForce')),
            example: {
              ...evaluationExample,
              periodState: 'scored',
              input360: { peers: 1, subordinates: 0, byValue: {}, comments: [] },
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const getEvaluationExplanation = route({
  name: 'get-evaluation-explanation',
  params: byEvaluation,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Penjelasan setiap angka penilaian / how every number was computed',
        description:
          'Each number with its inputs (which running totals, which plan version, which rules version) and the formula, in Bahasa Indonesia.',
        responses: {
          200: {
            description: 'The explanation',
            schema: z
              .looseObject({
                nip: z.string(),
                periodId: z.string(),
                periodState: z.string(),
                inputs: z.looseObject({ planVersion: z.nullable(z.number()), rulesVersion: z.optional(z.number()) }),
                indicators: z.array(z.looseObject({ ikiId: z.string(), name: z.string(), text: z.string() })),
                nilaiKinerja: z.object({ value: z.number(), rounded: z.number(), text: z.string() }),
                hasilKerja: z.looseObject({ text: z.string() }),
                perilaku: z.looseObject({ text: z.string() }),
                predikat: z.looseObject({ text: z.string() }),
                review: z.nullable(z.looseObject({})),
                appeal: z.nullable(z.looseObject({})),
              })
              .check(id('EvaluationExplanation')),
            example: {
              nip: '199605212020121003',
              periodId: '2026-11',
              periodState: 'scored',
              inputs: {
                planVersion: 1,
                rulesVersion: 1,
                rules: { capaianCap: 120, aboveThreshold: 110, meetsThreshold: 90 },
              },
              indicators: [
                {
                  ikiId: 'iki-1',
                  name: 'Jumlah dokumen KTP-el yang diterbitkan',
                  text: 'capaian = 9 / 8.33 × 100 = 108',
                },
              ],
              nilaiKinerja: { value: 108, rounded: 108, text: 'nilai kinerja = (108 × 100) / 100 = 108' },
              hasilKerja: { recommended: 'sesuai', text: 'Hasil: Sesuai Ekspektasi.' },
              perilaku: { values: null, recommended: null, text: 'Atasan belum mengisi penilaian perilaku.' },
              predikat: { text: 'Predikat menunggu penilaian perilaku.' },
              review: null,
              appeal: null,
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const rateBehaviour = route({
  name: 'rate-behaviour',
  params: byEvaluation,
  body: z.object({
    values: z.object(
      Object.fromEntries(berakhlak.map((v) => [v, rating])) as Record<(typeof berakhlak)[number], typeof rating>,
    ),
    note: z.optional(text(2000)),
    decisionRef: z.optional(decisionRef),
    version: decisionsVersion,
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Penilaian perilaku BerAKHLAK oleh atasan langsung / behaviour ratings by the direct supervisor',
        description:
          'All seven values; the recommended perilaku follows from them. Send the `version` read (the team list carries it). New ratings ask for a new review. ' +
          "For someone with no superior in the system (the Sekda, whose superior is the Wali Kota) the BKPSDM admin records the superior's ratings with `decisionRef` (number and date of the decision), never about their own direct supervisor; a direct supervisor sends no `decisionRef`.",
        bodyExample: {
          values: {
            berorientasi_pelayanan: 'di_atas',
            akuntabel: 'sesuai',
            kompeten: 'sesuai',
            harmonis: 'di_atas',
            loyal: 'sesuai',
            adaptif: 'di_atas',
            kolaboratif: 'di_atas',
          },
          version: 0,
        },
        responses: { 200: { description: 'The evaluation', schema: evaluation, example: evaluationExample } },
        errors: [400, 403, 404, 409, 422],
      },
});

const decisionPart = z.object({ rating, reason: z.optional(text(2000)) });

export const reviewEvaluation = route({
  name: 'review-evaluation',
  params: byEvaluation,
  body: z.object({
    hasilKerja: decisionPart,
    perilaku: decisionPart,
    decisionRef: z.optional(decisionRef),
    version: decisionsVersion,
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Konfirmasi atau ubah rekomendasi (atasan langsung) / confirm or override the recommendation',
        description:
          'A rating other than the recommendation needs a written reason. The review holds for the figures it saw; a re-run that changes them asks for a new review. ' +
          "For someone with no superior in the system, BKPSDM records the superior's review with `decisionRef`, as for the behaviour ratings.",
        bodyExample: { hasilKerja: { rating: 'sesuai' }, perilaku: { rating: 'di_atas' }, version: 1 },
        responses: { 200: { description: 'The evaluation', schema: evaluation, example: evaluationExample } },
        errors: [400, 403, 404, 409, 422],
      },
});

export const setUnitPredikat = route({
  name: 'set-unit-predikat',
  params: z.object({ code: unitCode, periodId }),
  body: z.object({ predikat: z.enum(unitPredikats), reason: text(1000) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: "Predikat unit/organisasi dari pimpinan (Admin BKPSDM) / a unit's own predikat",
        description:
          "Recorded with its reason (audited). Once the period is scored, the unit is scored again so its head takes the unit's rating (`rescoringRunId`).",
        bodyExample: { predikat: 'baik', reason: 'Capaian perjanjian kinerja Disdukcapil 2026 (keputusan Wali Kota).' },
        responses: {
          200: {
            description: 'Saved',
            schema: z
              .object({
                unitCode: z.string(),
                periodId: z.string(),
                predikat: z.enum(unitPredikats),
                rescoringRunId: z.nullable(z.string()),
              })
              .check(id('UnitPredikatSet')),
            example: {
              unitCode: 'DISDUKCAPIL',
              periodId: '2026-11',
              predikat: 'baik',
              rescoringRunId: '20261201T010000000Z-1a2b3c4d',
            },
          },
        },
        errors: [400, 403, 404, 409],
      },
});

export const getDistribution = route({
  name: 'get-distribution',
  params: z.object({ year: performanceYear, periodId }),
  query: z.object({ opd: z.optional(unitCode.check(meta('Only this OPD (its code)'))) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Pemeriksaan kurva distribusi per unit / distribution-curve check per unit',
        description:
          'For every unit whose own predikat is set: the predikat counts of its subtree and every violation of the curve; per OPD (`opds`), whether it is finalised or what its finalisation waits for; `?opd=` reports on one OPD. ' +
          'Bounded by design: `units` holds at most the unit tree; `unscored`, `unreviewed` and `withoutPredikat` name the first 100 people (with name and unit name), their `…Count` gives the totals.',
        responses: {
          200: {
            description: 'Per unit with a predikat: counts and every violation',
            schema: z.object({ ...distributionFields, periodState: z.string() }).check(id('Distribution')),
            example: { ...distributionExample, periodState: 'scored' },
          },
        },
        errors: [400, 403, 404, 422],
      },
});

export const finalisePeriod = route({
  name: 'finalise-period',
  params: z.object({ year: performanceYear, periodId }),
  body: z.object({
    version: z.number().check(z.int(), z.minimum(1)),
    opd: z.optional(unitCode.check(meta('The OPD to finalise; without it, every OPD not finalised yet, together'))),
    acceptRecommendations: z.optional(z.boolean()),
    acknowledgement: z.optional(z.object({ reason: text(2000) })),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Finalkan penilaian periode per OPD (Admin BKPSDM) / finalise an OPD of a scored period',
        description:
          "Finalises one OPD (`opd`) once its own evaluations are complete, or every OPD not finalised yet (no `opd`); the period is `finalised` with its last OPD, its `finalisation` summing the OPDs' (`period.opds` holds each). " +
          'Refused while someone active has no evaluation (registered after the run: run scoring again), while evaluations are unconfirmed (unless `acceptRecommendations`) or lack a predikat, and while the distribution check reports violations (unless `acknowledgement.reason`); a refusal names the first 100 people concerned in `details.people` (name, unit name) with `details.count`. ' +
          'Finalised evaluations change only through an appeal. The answer carries the period and the distribution report (bounded as in get-distribution).',
        bodyExample: {
          version: 3,
          opd: 'DISDUKCAPIL',
          acknowledgement: { reason: 'Unit baru; distribusi dibahas dengan Sekda.' },
        },
        responses: {
          200: {
            description: 'Finalised',
            schema: z
              .object({
                period: z.looseObject({
                  id: z.string(),
                  state: z.enum(['scored', 'finalised']),
                  version: z.number(),
                  finalisation: z.optional(
                    z.looseObject({ at: z.string(), by: z.string(), acceptedRecommendations: z.number() }),
                  ),
                  opds: z.record(
                    z.string(),
                    z.looseObject({ at: z.string(), by: z.string(), acceptedRecommendations: z.number() }),
                  ),
                }),
                finalisedOpds: z.array(z.string()).check(meta('The OPDs this call finalised')),
                report: distributionReport,
              })
              .check(id('Finalisation')),
            example: {
              period: {
                id: '2026-11',
                kind: 'month',
                start: '2026-11-01',
                end: '2026-11-30',
                state: 'finalised',
                version: 4,
                rulesVersion: 1,
                finalisation: {
                  at: '2026-12-10T02:00:00.000Z',
                  by: 'nip:197505102000031001',
                  acceptedRecommendations: 1,
                  acknowledgement: { reason: 'Unit baru; distribusi dibahas dengan Sekda.', violations: 1 },
                },
                opds: {
                  DISDUKCAPIL: {
                    at: '2026-12-10T02:00:00.000Z',
                    by: 'nip:197505102000031001',
                    acceptedRecommendations: 1,
                    acknowledgement: { reason: 'Unit baru; distribusi dibahas dengan Sekda.', violations: 1 },
                  },
                },
              },
              finalisedOpds: ['DISDUKCAPIL'],
              report: distributionExample,
            },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

export const getUnitRewards = route({
  name: 'get-unit-rewards',
  params: z.object({ code: unitCode, periodId }),
  query: z.object({ format: z.optional(z.enum(['json', 'csv'])), ...pageQuery.shape }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Daftar penghargaan unit per periode (JSON atau CSV) / reward list of a unit',
        description:
          'Sangat Baik first, then by nilai kinerja (two decimals), then perilaku, then the number of utama indicators above expectation, then NIP. ' +
          'Each row names the person and their unit. JSON is paged (`limit`/`cursor`; ranks count over the whole list); `format=csv` exports the whole list as a spreadsheet for Excel in an Indonesian locale: UTF-8 with a byte order mark, semicolons, decimal commas, and text cells that would start a formula prefixed with an apostrophe.',
        responses: {
          200: {
            description: 'Ranked list (a page of it as JSON; whole as CSV)',
            schema: z
              .object({ unitCode: z.string(), periodId: z.string(), periodState: z.string(), ...page(reward).shape })
              .check(id('RewardPage')),
            example: {
              unitCode: 'DUK-IDK',
              periodId: '2026-11',
              periodState: 'finalised',
              items: [
                {
                  rank: 1,
                  nip: '199605212020121003',
                  name: 'Rahmat Hidayat Daulay',
                  position: 'Pengadministrasi Kependudukan',
                  unitCode: 'DUK-IDK',
                  unitName: 'Seksi Identitas Penduduk',
                  predikat: 'baik',
                  nilaiKinerja: 112.8,
                  hasilKerja: 'sesuai',
                  perilaku: 'di_atas',
                  utamaAbove: 1,
                  final: true,
                },
              ],
              nextCursor: 'o25',
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const fileAppeal = route({
  name: 'file-appeal',
  params: byEvaluation,
  body: z.object({ reason: text(4000) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Ajukan keberatan atas penilaian final (pegawai) / file an appeal',
        description:
          'Once per evaluation, within the appeal window after finalisation (`appealDeadline` in the answer); the second-level supervisor is told.',
        bodyExample: {
          reason: 'Realisasi IKI perekaman KTP-el tidak menghitung 40 aktivitas yang disetujui pada 28–30 November.',
        },
        responses: {
          200: {
            description: 'Filed',
            schema: z.looseObject({ ...evaluation.shape, appealDeadline: z.string() }).check(id('AppealFiled')),
            example: {
              ...evaluationExample,
              appeal: {
                reason: 'Realisasi IKI tidak menghitung 40 aktivitas.',
                filedAt: '2026-12-11T02:00:00.000Z',
                state: 'filed',
              },
              appealDeadline: '2026-12-24',
            },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

export const decideAppeal = route({
  name: 'decide-appeal',
  params: byEvaluation,
  body: z.object({
    outcome: z.enum(['upheld', 'revised']),
    reason: text(4000),
    hasilKerja: z.optional(rating),
    perilaku: z.optional(rating),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Putuskan keberatan (atasan dari atasan, atau Admin BKPSDM) / decide an appeal',
        description:
          'Upheld, or revised with both ratings; the revision becomes the outcome in force. Never by the employee or the supervisor who rated.',
        bodyExample: {
          outcome: 'revised',
          reason: 'Aktivitas 28–30 November terbukti disetujui; hasil kerja menjadi Sesuai.',
          hasilKerja: 'sesuai',
          perilaku: 'sesuai',
        },
        responses: {
          200: {
            description: 'Decided',
            schema: evaluation,
            example: {
              ...evaluationExample,
              appeal: {
                reason: 'Realisasi IKI tidak menghitung 40 aktivitas.',
                filedAt: '2026-12-11T02:00:00.000Z',
                state: 'upheld',
              },
            },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

const pendingAppeal = import.meta.bundled
  ? undefined!
  : z
      .object({
        nip: z.string(),
        name: z.string(),
        position: z.string(),
        unitCode: z.string(),
        periodId: z.string(),
        reason: z.string(),
        filedAt: z.string().check(meta('Waktu pengajuan (UTC) / when it was filed')),
        filedOn: z.string().check(meta('Tanggal pengajuan (WIB) / the date it was filed')),
        waitingDays: z
          .number()
          .check(meta('Hari sejak diajukan (WIB); aturan tidak menetapkan batas waktu keputusan / days waiting')),
        deciderNip: z.nullable(
          z.string().check(meta('Atasan dari atasan saat diajukan, bila ada / the second level named at filing')),
        ),
        outcome,
        version: decisionsVersion,
      })
      .check(id('PendingAppeal'));

export const listAppeals = route({
  name: 'list-appeals',
  query: pageQuery,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: 'Antrean keberatan yang menunggu keputusan / appeals waiting for a decision',
        description:
          'Oldest first. BKPSDM (and auditors, read-only) see the whole organisation (`scope: organisation`); a supervisor sees the appeals they were named to decide — the second level above the employee when the appeal was filed (`scope: own`); anyone else 403. ' +
          'Each names the employee, the period, the reason, when it was filed and the days it has waited (the rules set a deadline for filing, `appealWindowDays`, none for the decision). ' +
          'An appeal leaves the queue with its decision. Paged with `limit`/`cursor`.',
        responses: {
          200: {
            description: 'A page of the queue',
            schema: z
              .object({ scope: z.enum(['organisation', 'own']), ...page(pendingAppeal).shape })
              .check(id('AppealQueue')),
            example: {
              scope: 'organisation',
              items: [
                {
                  nip: '199605212020121003',
                  name: 'Rahmat Hidayat Daulay',
                  position: 'Pengadministrasi Kependudukan',
                  unitCode: 'DUK-IDK',
                  periodId: '2026-11',
                  reason: 'Realisasi IKI tidak menghitung 40 aktivitas.',
                  filedAt: '2026-12-11T02:00:00.000Z',
                  filedOn: '2026-12-11',
                  waitingDays: 3,
                  deciderNip: '197805102005011002',
                  outcome: {
                    hasilKerja: 'sesuai',
                    perilaku: 'sesuai',
                    predikat: 'baik',
                    source: 'review',
                    reviewCurrent: true,
                  },
                  version: 3,
                },
              ],
              nextCursor: 's1.eyJwayI6Ii4uLiJ9',
            },
          },
        },
        errors: [400, 403],
      },
});

export const giveBehaviourInput = route({
  name: 'give-behaviour-input',
  params: byEvaluation,
  body: z.object({
    values: z.partial(
      z.object(
        Object.fromEntries(berakhlak.map((v) => [v, rating])) as Record<(typeof berakhlak)[number], typeof rating>,
      ),
    ),
    comment: z.optional(text(1000)),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: "Masukan 360° atas perilaku rekan atau atasan / 360° input on a colleague's or supervisor's behaviour",
        description:
          "From a peer (same direct supervisor) or a direct subordinate. Shown beside the supervisor's ratings, never averaged into them; the giver is not shown. A second input replaces the first.",
        bodyExample: {
          values: { harmonis: 'di_atas', kolaboratif: 'di_atas' },
          comment: 'Selalu membantu saat antrean panjang.',
        },
        responses: {
          200: {
            description: 'Recorded',
            schema: z.object({ recorded: z.literal(true) }).check(id('BehaviourInputRecorded')),
            example: { recorded: true },
          },
        },
        errors: [400, 403, 404, 409],
      },
});

export const listTeamEvaluations = route({
  name: 'list-team-evaluations',
  params: z.object({ nip: nipParam, periodId }),
  query: pageQuery,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Penilaian',
        summary: "Penilaian tim yang perlu ditinjau atasan / a supervisor's team evaluations",
        description:
          'One row per team member with an evaluation (including the teams of people the caller stands in for today): name, figures, what is left to do, and the `version` the rating or the review sends — one call per decision. ' +
          'Still to review first, then by NIP; paged with `limit`/`cursor`.',
        responses: {
          200: {
            description: 'One row per team member with an evaluation',
            schema: z
              .object({ periodId: z.string(), periodState: z.string(), ...page(teamEvaluation).shape })
              .check(id('TeamEvaluationPage')),
            example: {
              periodId: '2026-11',
              periodState: 'scored',
              items: [
                {
                  nip: '199605212020121003',
                  name: 'Rahmat Hidayat Daulay',
                  position: 'Pengadministrasi Kependudukan',
                  nilaiKinerja: 112.8,
                  recommendedHasilKerja: 'di_atas',
                  behaviourRated: false,
                  reviewed: false,
                  outcome: {
                    hasilKerja: 'di_atas',
                    perilaku: null,
                    predikat: null,
                    source: 'recommendation',
                    reviewCurrent: false,
                  },
                  appeal: null,
                  finalised: false,
                  version: 0,
                },
              ],
            },
          },
        },
        errors: [400, 403, 404],
      },
});
