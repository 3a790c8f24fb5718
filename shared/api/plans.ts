import * as z from 'zod/mini';
import { serviceMetrics } from '../domain/service-indicators.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { employeeSummary, isoDate, meta, nipParam, performanceYear, periodId, text } from './schemas.ts';

const route = routeWith(periodMessages, planMessages);

const itemId = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_-]{1,40}$/),
    meta('Kode buatan klien, unik dalam SKP / client-made id, unique in the plan', ['rhk-1']),
  );
const version = z.number().check(z.int(), z.minimum(1), meta('Versi yang Anda baca (optimistic locking)'));

const target = z.discriminatedUnion('kind', [
  // Capaian divides by the target: a single target of 0 cannot be scored.
  z.object({ kind: z.literal('single'), value: z.number().check(z.gt(0)) }),
  z.object({ kind: z.literal('range'), lo: z.number().check(z.minimum(0)), hi: z.number().check(z.minimum(0)) }),
]);

export const iki = z.object({
  id: itemId,
  name: text(300),
  aspect: z.enum(['kuantitas', 'kualitas', 'waktu', 'biaya']),
  target,
  unit: text(50),
  direction: z.enum(['higher', 'lower']),
  weight: z.number().check(z.gt(0), z.maximum(100)),
  source: z.optional(z.enum(['manual', 'service', 'activities'])),
  serviceMetric: z.optional(
    z.enum(serviceMetrics).check(
      z.meta({
        description: 'For source `service`: served, within_standard_pct, median_minutes or ikm of the officer',
      }),
    ),
  ),
});

export const rhk = z.object({
  id: itemId,
  kind: z.enum(['utama', 'tambahan']),
  title: text(500),
  parentRhkId: z.optional(z.nullable(itemId)),
  unitGoal: z.optional(z.nullable(text(500))),
  iki: z.array(iki).check(z.maxLength(20)),
});

const rhkList = z.array(rhk).check(z.maxLength(30));

export const planVersion = z.object({
  nip: z.string(),
  year: z.number(),
  planVersion: z.number(),
  state: z.enum(['draft', 'submitted', 'returned', 'approved', 'superseded']),
  rhk: rhkList,
  reason: z.optional(z.string()),
  returnNote: z.optional(z.string()),
  supervisorNip: z.optional(z.nullable(z.string())),
  submittedAt: z.optional(z.string()),
  decidedAt: z.optional(z.string()),
  decidedBy: z.optional(z.string()),
  effectiveFrom: z.optional(z.string()),
  effectiveTo: z.optional(z.string()),
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

const examplePlan = {
  rhk: [
    {
      id: 'rhk-1',
      kind: 'utama',
      title: 'Terlayaninya perekaman KTP-el warga Kota Medan',
      parentRhkId: 'rhk-kasi-1',
      iki: [
        {
          id: 'iki-1',
          name: 'Jumlah KTP-el yang direkam',
          aspect: 'kuantitas',
          target: { kind: 'single', value: 2400 },
          unit: 'dokumen',
          direction: 'higher',
          weight: 60,
          source: 'activities',
        },
        {
          id: 'iki-2',
          name: 'Waktu penyelesaian rata-rata',
          aspect: 'waktu',
          target: { kind: 'range', lo: 30, hi: 60 },
          unit: 'menit',
          direction: 'lower',
          weight: 40,
          source: 'service',
          serviceMetric: 'median_minutes',
        },
      ],
    },
  ],
};

const byNipYear = z.object({ nip: nipParam, year: performanceYear });
const planView = z.object({
  latest: planVersion,
  inForce: z.optional(planVersion),
  versions: z.array(
    z.object({
      planVersion: z.number(),
      state: z.string(),
      effectiveFrom: z.optional(z.string()),
      effectiveTo: z.optional(z.string()),
      reason: z.optional(z.string()),
    }),
  ),
});

export const getPlan = route({
  name: 'get-plan',
  tag: 'SKP',
  summary: "SKP seorang pegawai: versi terakhir, versi yang berlaku hari ini, dan riwayat versi / an employee's plan",
  params: byNipYear,
  responses: { 200: { description: 'The plan', schema: planView } },
  errors: [400, 403, 404],
});

export const createPlan = route({
  name: 'create-plan',
  tag: 'SKP',
  summary: "Buat draf SKP sendiri, atau salin dari tahun lain / create your own draft plan, or copy another year's",
  description:
    "Send `rhk`, or `copyFrom` (a year) to copy that year's plan as a draft (links to the supervisor's RHK are cleared).",
  params: byNipYear,
  body: z.object({ rhk: z.optional(rhkList), copyFrom: z.optional(performanceYear) }).check(
    z.refine((b) => (b.rhk === undefined) !== (b.copyFrom === undefined), {
      message: 'Kirim rhk atau copyFrom, salah satu / send rhk or copyFrom, one of them',
      path: [],
    }),
  ),
  bodyExample: examplePlan,
  responses: { 201: { description: 'Draft version 1', schema: planVersion } },
  errors: [400, 403, 409, 422],
});

export const updatePlan = route({
  name: 'update-plan',
  tag: 'SKP',
  summary: 'Ubah draf SKP (atau yang dikembalikan) / edit a draft or returned plan',
  params: byNipYear,
  body: z.object({ version, rhk: rhkList }),
  bodyExample: { version: 1, ...examplePlan },
  responses: { 200: { description: 'The changed version', schema: planVersion } },
  errors: [400, 403, 404, 409, 422],
});

const workflow = <B extends z.ZodMiniType>(
  name: string,
  summary: string,
  body: B,
  bodyExample: unknown,
  errors: Array<400 | 403 | 404 | 409 | 422>,
) =>
  route({
    name,
    tag: 'SKP',
    summary,
    params: byNipYear,
    body,
    bodyExample,
    responses: { 200: { description: 'The plan version after the step', schema: planVersion } },
    errors,
  });

export const submitPlan = workflow(
  'submit-plan',
  'Ajukan SKP ke atasan langsung / submit to the direct supervisor',
  z.object({ version }),
  { version: 2 },
  [400, 403, 404, 409, 422],
);
export const approvePlan = workflow(
  'approve-plan',
  "Setujui SKP bawahan langsung / approve a direct subordinate's plan",
  z.object({ version }),
  { version: 3 },
  [400, 403, 404, 409, 422],
);
export const returnPlan = workflow(
  'return-plan',
  'Kembalikan SKP dengan catatan / return a plan with a note',
  z.object({ version, note: text(2000) }),
  { version: 3, note: 'Target IKI-1 terlalu rendah dibanding tahun lalu.' },
  [400, 403, 404, 409, 422],
);
export const revisePlan = workflow(
  'revise-plan',
  'Revisi SKP yang sudah disetujui (versi baru dengan alasan) / revise an approved plan as a new version',
  z.object({ reason: text(2000) }),
  { reason: 'Mutasi jabatan ke Seksi Pindah Datang per 1 Juli.' },
  [400, 403, 404, 409, 422],
);

export const listTeamPlans = route({
  name: 'list-team-plans',
  tag: 'SKP',
  summary: "Status SKP bawahan langsung (termasuk sebagai Plt/Plh hari ini) / the state of direct subordinates' plans",
  description:
    'For oneself, includes the positions held as Plt/Plh today. Someone else looking (a supervisor above, an admin) sees only the members they may read.',
  params: byNipYear,
  responses: {
    200: {
      description:
        'Each direct subordinate with the state of their plan; `waitingForMe` when submitted to this supervisor',
      schema: z.object({
        items: z.array(
          z.extend(employeeSummary, {
            state: z.string(),
            planVersion: z.optional(z.number()),
            inForceVersion: z.optional(z.number()),
            waitingForMe: z.boolean(),
          }),
        ),
        counts: z.record(z.string(), z.number()),
      }),
    },
  },
  errors: [400, 403, 404],
});

export const getUnitCascade = route({
  name: 'get-unit-cascade',
  tag: 'SKP',
  summary: 'Pohon cascading RHK sebuah unit / the cascade tree of a unit',
  description:
    'Every RHK of the people of the unit subtree (the version in force today, else the one submitted; drafts are never shown), nested under the RHK it contributes to. ' +
    'For BKPSDM and auditors, the OPD admin within their OPD, and people whose own unit is the unit or above it.',
  params: z.object({ code: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)), year: performanceYear }),
  responses: {
    200: {
      description: 'Roots of the tree (RHK linked to a unit goal or to an RHK outside the unit)',
      schema: z.object({ roots: z.array(z.record(z.string(), z.unknown())) }),
    },
  },
  errors: [400, 403, 404],
});

// ---- years, periods, rules -------------------------------------------------------------------------------

const period = z.object({
  id: z.string(),
  kind: z.string(),
  start: z.string(),
  end: z.string(),
  inputDeadline: z.string(),
  state: z.string(),
  version: z.number(),
  rulesVersion: z.optional(
    z
      .number()
      .check(
        z.meta({ description: 'Versi aturan yang dipakai sejak periode dinilai / rules version pinned when scored' }),
      ),
  ),
});
const rules = z.object({
  capaianCap: z.number().check(z.minimum(100), z.maximum(200)),
  aboveThreshold: z.number().check(z.minimum(50), z.maximum(200)),
  meetsThreshold: z.number().check(z.minimum(0), z.maximum(200)),
  dailyMinuteCap: z.number().check(z.int(), z.minimum(60), z.maximum(1440)),
  appealWindowDays: z.number().check(z.int(), z.minimum(1), z.maximum(90)),
  inputDeadlineDay: z.number().check(z.int(), z.minimum(1), z.maximum(28)),
});
const scoringDelayDays = z.number().check(
  z.int(),
  z.minimum(0),
  z.maximum(30),
  z.meta({
    description:
      'Hari sesudah batas pengisian sebelum penilaian terjadwal (bawaan 3) / days after the deadline before scheduled scoring',
  }),
);
const reminderAfterDays = z.number().check(
  z.int(),
  z.minimum(1),
  z.maximum(30),
  z.meta({
    description:
      'Hari tunggu verifikasi sebelum masuk ringkasan harian atasan (bawaan 2) / days before a pending entry enters the daily digest',
  }),
);
const rulesVersion = z.extend(rules, {
  scoringDelayDays,
  reminderAfterDays,
  rulesVersion: z.number(),
  reason: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

export const openYear = route({
  name: 'open-year',
  tag: 'Periode',
  summary: 'Buka tahun kinerja dan periodenya (Admin BKPSDM) / open a performance year and its periods',
  body: z.object({ year: performanceYear, cadence: z.enum(['monthly', 'quarterly']) }),
  bodyExample: { year: 2027, cadence: 'monthly' },
  responses: {
    201: {
      description: 'The year, its periods and rules version 1 (defaults)',
      schema: z.object({ year: z.number(), cadence: z.string(), periods: z.array(period), rules: rulesVersion }),
    },
  },
  errors: [400, 403, 409],
});

export const getYear = route({
  name: 'get-year',
  tag: 'Periode',
  summary: 'Tahun kinerja dan periodenya / a performance year and its periods',
  params: z.object({ year: performanceYear }),
  responses: {
    200: {
      description: 'The year',
      schema: z.object({ year: z.number(), cadence: z.string(), periods: z.array(period) }),
    },
  },
  errors: [400, 404],
});

export const updatePeriod = route({
  name: 'update-period',
  tag: 'Periode',
  summary: "Ubah status atau batas pengisian sebuah periode (Admin BKPSDM) / change a period's state or input deadline",
  description:
    'States: open → closed → scored → finalised (closed may re-open; scored may go back to closed). A finalised period never changes.',
  params: z.object({ year: performanceYear, periodId }),
  body: z
    .object({
      version,
      state: z.optional(z.enum(['open', 'closed', 'scored', 'finalised'])),
      inputDeadline: z.optional(isoDate),
    })
    .check(
      z.refine((b) => b.state !== undefined || b.inputDeadline !== undefined, {
        message: 'Tidak ada yang diubah / nothing to change',
        path: [],
      }),
    ),
  bodyExample: { version: 1, state: 'closed' },
  responses: { 200: { description: 'The period', schema: period } },
  errors: [400, 403, 404, 409, 422],
});

export const getRules = route({
  name: 'get-rules',
  tag: 'Periode',
  summary: "Aturan penilaian tahun ini dan riwayat versinya / the year's rules and their versions",
  params: z.object({ year: performanceYear }),
  responses: {
    200: {
      description: 'Current rules and history, newest first',
      schema: z.object({ current: rulesVersion, history: z.array(rulesVersion) }),
    },
  },
  errors: [400, 404],
});

export const updateRules = route({
  name: 'update-rules',
  tag: 'Periode',
  summary: 'Tetapkan aturan versi baru (Admin BKPSDM) / set a new version of the rules',
  description:
    'Creates a new version; earlier versions stay readable, and a period already finalised keeps the version it was scored with.',
  params: z.object({ year: performanceYear }),
  body: z.extend(rules, {
    scoringDelayDays: z.optional(scoringDelayDays),
    reminderAfterDays: z.optional(reminderAfterDays),
    expectedRulesVersion: z.number().check(z.int(), z.minimum(1)),
    reason: text(1000),
  }),
  bodyExample: {
    capaianCap: 120,
    aboveThreshold: 110,
    meetsThreshold: 90,
    dailyMinuteCap: 450,
    appealWindowDays: 14,
    inputDeadlineDay: 7,
    expectedRulesVersion: 1,
    reason: 'Batas pengisian digeser ke tanggal 7 (SE Sekda 2027).',
  },
  responses: { 200: { description: 'The new version', schema: rulesVersion } },
  errors: [400, 403, 404, 409, 422],
});
