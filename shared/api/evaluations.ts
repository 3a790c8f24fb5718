import * as z from 'zod/mini';
import { berakhlak, ratings, unitPredikats } from '../domain/scoring.ts';
import { activityMessages } from '../messages/activities.ts';
import { evaluationMessages } from '../messages/evaluations.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { meta, nipParam, performanceYear, periodId, text, unitCode } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, activityMessages, evaluationMessages);

const rating = z.enum(ratings);
const byEvaluation = z.object({ nip: nipParam, periodId });
/** The evaluation's `version` as read: 0 until someone has rated or reviewed it. */
const decisionsVersion = z
  .number()
  .check(
    z.int(),
    z.minimum(0),
    meta('Versi penilaian yang dibaca (0 sebelum ada keputusan) / the version read (0 before any decision)'),
  );

export const evaluation = z.record(z.string(), z.unknown());

export const startScoringRun = route({
  name: 'start-scoring-run',
  tag: 'Penilaian',
  summary: 'Jalankan (ulang) penilaian periode, seluruhnya atau satu unit (Admin BKPSDM) / start or re-run scoring',
  description:
    'Splits the work into one task per unit (slices of at most 2,000 people), each idempotent; the tasks run in parallel through the table stream. ' +
    'A run over a closed period ends with the period scored; a re-run gives the same results from the same data. The daily schedule does the same after each input deadline.',
  body: z.object({ periodId, unitCode: z.optional(unitCode) }),
  bodyExample: { periodId: '2026-11' },
  responses: {
    202: {
      description: 'Run started',
      schema: z.object({ runId: z.string(), periodId: z.string(), tasks: z.number(), rulesVersion: z.number() }),
    },
  },
  errors: [400, 403, 404, 409],
});

export const getScoringRun = route({
  name: 'get-scoring-run',
  tag: 'Penilaian',
  summary: 'Kemajuan proses penilaian / progress of a scoring run',
  params: z.object({ periodId, runId: z.string().check(z.regex(/^[A-Za-z0-9-]{8,60}$/)) }),
  responses: { 200: { description: 'Run and its tasks', schema: z.record(z.string(), z.unknown()) } },
  errors: [400, 403, 404],
});

export const getEvaluation = route({
  name: 'get-evaluation',
  tag: 'Penilaian',
  summary: 'Penilaian kinerja seseorang pada satu periode / an evaluation',
  description:
    'The computed figures, the recommendation, the behaviour ratings, the review, any appeal, and the outcome in force (`outcome`).',
  params: byEvaluation,
  responses: { 200: { description: 'The evaluation', schema: evaluation } },
  errors: [400, 403, 404],
});

export const getEvaluationExplanation = route({
  name: 'get-evaluation-explanation',
  tag: 'Penilaian',
  summary: 'Penjelasan setiap angka penilaian / how every number was computed',
  description:
    'Each number with its inputs (which running totals, which plan version, which rules version) and the formula, in Bahasa Indonesia.',
  params: byEvaluation,
  responses: { 200: { description: 'The explanation', schema: z.record(z.string(), z.unknown()) } },
  errors: [400, 403, 404],
});

export const rateBehaviour = route({
  name: 'rate-behaviour',
  tag: 'Penilaian',
  summary: 'Penilaian perilaku BerAKHLAK oleh atasan langsung / behaviour ratings by the direct supervisor',
  params: byEvaluation,
  body: z.object({
    values: z.object(
      Object.fromEntries(berakhlak.map((v) => [v, rating])) as Record<(typeof berakhlak)[number], typeof rating>,
    ),
    note: z.optional(text(2000)),
    version: decisionsVersion,
  }),
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
  responses: { 200: { description: 'The evaluation', schema: evaluation } },
  errors: [400, 403, 404, 409, 422],
});

const decisionPart = z.object({ rating, reason: z.optional(text(2000)) });

export const reviewEvaluation = route({
  name: 'review-evaluation',
  tag: 'Penilaian',
  summary: 'Konfirmasi atau ubah rekomendasi (atasan langsung) / confirm or override the recommendation',
  description:
    'A rating other than the recommendation needs a written reason. The review holds for the figures it saw; a re-run that changes them asks for a new review.',
  params: byEvaluation,
  body: z.object({ hasilKerja: decisionPart, perilaku: decisionPart, version: decisionsVersion }),
  bodyExample: { hasilKerja: { rating: 'sesuai' }, perilaku: { rating: 'di_atas' }, version: 1 },
  responses: { 200: { description: 'The evaluation', schema: evaluation } },
  errors: [400, 403, 404, 409, 422],
});

export const setUnitPredikat = route({
  name: 'set-unit-predikat',
  tag: 'Penilaian',
  summary: "Predikat unit/organisasi dari pimpinan (Admin BKPSDM) / a unit's own predikat",
  params: z.object({ code: unitCode, periodId }),
  body: z.object({ predikat: z.enum(unitPredikats), reason: text(1000) }),
  bodyExample: { predikat: 'baik', reason: 'Capaian perjanjian kinerja Disdukcapil 2026 (keputusan Wali Kota).' },
  responses: {
    200: {
      description: 'Saved',
      schema: z.object({ unitCode: z.string(), periodId: z.string(), predikat: z.string() }),
    },
  },
  errors: [400, 403, 404, 409],
});

export const getDistribution = route({
  name: 'get-distribution',
  tag: 'Penilaian',
  summary: 'Pemeriksaan kurva distribusi per unit / distribution-curve check per unit',
  params: z.object({ year: performanceYear, periodId }),
  responses: {
    200: {
      description: 'Per unit with a predikat: counts and every violation',
      schema: z.record(z.string(), z.unknown()),
    },
  },
  errors: [400, 403, 404],
});

export const finalisePeriod = route({
  name: 'finalise-period',
  tag: 'Penilaian',
  summary: 'Finalkan penilaian periode (Admin BKPSDM) / finalise a scored period',
  description:
    'Refused while evaluations are unconfirmed (unless `acceptRecommendations`) or lack a predikat, and while the distribution check reports violations (unless `acknowledgement.reason`). Finalised evaluations change only through an appeal.',
  params: z.object({ year: performanceYear, periodId }),
  body: z.object({
    version: z.number().check(z.int(), z.minimum(1)),
    acceptRecommendations: z.optional(z.boolean()),
    acknowledgement: z.optional(z.object({ reason: text(2000) })),
  }),
  bodyExample: { version: 3, acknowledgement: { reason: 'Unit baru; distribusi dibahas dengan Sekda.' } },
  responses: { 200: { description: 'Finalised', schema: z.record(z.string(), z.unknown()) } },
  errors: [400, 403, 404, 409, 422],
});

export const getUnitRewards = route({
  name: 'get-unit-rewards',
  tag: 'Penilaian',
  summary: 'Daftar penghargaan unit per periode (JSON atau CSV) / reward list of a unit',
  description:
    'Sangat Baik first, then by nilai kinerja (two decimals), then perilaku, then the number of utama indicators above expectation, then NIP.',
  params: z.object({ code: unitCode, periodId }),
  query: z.object({ format: z.optional(z.enum(['json', 'csv'])) }),
  responses: {
    200: { description: 'Ranked list', schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }) },
  },
  errors: [400, 403, 404],
});

export const fileAppeal = route({
  name: 'file-appeal',
  tag: 'Penilaian',
  summary: 'Ajukan keberatan atas penilaian final (pegawai) / file an appeal',
  params: byEvaluation,
  body: z.object({ reason: text(4000) }),
  bodyExample: {
    reason: 'Realisasi IKI perekaman KTP-el tidak menghitung 40 aktivitas yang disetujui pada 28–30 November.',
  },
  responses: { 200: { description: 'Filed', schema: evaluation } },
  errors: [400, 403, 404, 409, 422],
});

export const decideAppeal = route({
  name: 'decide-appeal',
  tag: 'Penilaian',
  summary: 'Putuskan keberatan (atasan dari atasan, atau Admin BKPSDM) / decide an appeal',
  params: byEvaluation,
  body: z.object({
    outcome: z.enum(['upheld', 'revised']),
    reason: text(4000),
    hasilKerja: z.optional(rating),
    perilaku: z.optional(rating),
  }),
  bodyExample: {
    outcome: 'revised',
    reason: 'Aktivitas 28–30 November terbukti disetujui; hasil kerja menjadi Sesuai.',
    hasilKerja: 'sesuai',
    perilaku: 'sesuai',
  },
  responses: { 200: { description: 'Decided', schema: evaluation } },
  errors: [400, 403, 404, 409, 422],
});

export const giveBehaviourInput = route({
  name: 'give-behaviour-input',
  tag: 'Penilaian',
  summary: "Masukan 360° atas perilaku rekan atau atasan / 360° input on a colleague's or supervisor's behaviour",
  description:
    "From a peer (same direct supervisor) or a direct subordinate. Shown beside the supervisor's ratings, never averaged into them; the giver is not shown. A second input replaces the first.",
  params: byEvaluation,
  body: z.object({
    values: z.partial(
      z.object(
        Object.fromEntries(berakhlak.map((v) => [v, rating])) as Record<(typeof berakhlak)[number], typeof rating>,
      ),
    ),
    comment: z.optional(text(1000)),
  }),
  bodyExample: {
    values: { harmonis: 'di_atas', kolaboratif: 'di_atas' },
    comment: 'Selalu membantu saat antrean panjang.',
  },
  responses: { 200: { description: 'Recorded', schema: z.object({ recorded: z.literal(true) }) } },
  errors: [400, 403, 404, 409],
});

export const listTeamEvaluations = route({
  name: 'list-team-evaluations',
  tag: 'Penilaian',
  summary: "Penilaian tim yang perlu ditinjau atasan / a supervisor's team evaluations",
  params: z.object({ nip: nipParam, periodId }),
  responses: {
    200: {
      description: 'One row per team member with an evaluation',
      schema: z.object({ items: z.array(z.record(z.string(), z.unknown())) }),
    },
  },
  errors: [400, 403, 404],
});
