import * as z from 'zod/mini';
import { defaultRules, type FairnessRuleField, fairnessRuleFields } from '../domain/rules.ts';
import { serviceMetrics } from '../domain/service-indicators.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { employeeSummary, isoDate, meta, nipParam, performanceYear, periodId, text } from './schemas.ts';

const route = routeWith(periodMessages, planMessages);
const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });

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

export const planVersion = import.meta.bundled
  ? undefined!
  : z.object({
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
      createdAt: z.string(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    });
const namedPlanVersion = import.meta.bundled
  ? undefined!
  : z.extend(planVersion, {}).check(id('PlanVersion', 'Satu versi SKP / one version of a plan'));

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

const planVersionExample = {
  nip: '199001152015031003',
  year: 2026,
  planVersion: 1,
  state: 'approved',
  ...examplePlan,
  supervisorNip: '198203152006041002',
  submittedAt: '2026-01-10T02:00:00.000Z',
  decidedAt: '2026-01-12T03:00:00.000Z',
  decidedBy: 'nip:198203152006041002',
  effectiveFrom: '2026-01-01',
  version: 4,
  createdAt: '2026-01-08T02:00:00.000Z',
  updatedAt: '2026-01-12T03:00:00.000Z',
  updatedBy: 'nip:198203152006041002',
};

const byNipYear = z.object({ nip: nipParam, year: performanceYear });
const planView = import.meta.bundled
  ? undefined!
  : z
      .object({
        latest: namedPlanVersion,
        inForce: z.optional(namedPlanVersion),
        versions: z.array(
          z.object({
            planVersion: z.number(),
            state: z.string(),
            effectiveFrom: z.optional(z.string()),
            effectiveTo: z.optional(z.string()),
            reason: z.optional(z.string()),
          }),
        ),
      })
      .check(id('Plan', 'SKP: versi terakhir, versi berlaku, riwayat / latest version, version in force, history'));

export const getPlan = route({
  name: 'get-plan',
  params: byNipYear,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'SKP',
        summary:
          "SKP seorang pegawai: versi terakhir, versi yang berlaku hari ini, dan riwayat versi / an employee's plan",
        description:
          'Readable by the owner, their supervisors (incl. acting), their unit admin, BKPSDM and auditors. `inForce` is the ' +
          'approved version in force today (for a year not begun or past: on its nearest day).',
        responses: {
          200: {
            description: 'The plan',
            schema: planView,
            example: {
              latest: planVersionExample,
              inForce: planVersionExample,
              versions: [{ planVersion: 1, state: 'approved', effectiveFrom: '2026-01-01' }],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const createPlan = route({
  name: 'create-plan',
  params: byNipYear,
  body: z.object({ rhk: z.optional(rhkList), copyFrom: z.optional(performanceYear) }).check(
    z.refine((b) => (b.rhk === undefined) !== (b.copyFrom === undefined), {
      message: 'Kirim rhk atau copyFrom, salah satu / send rhk or copyFrom, one of them',
      path: [],
    }),
  ),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'SKP',
        summary:
          "Buat draf SKP sendiri, atau salin dari tahun lain / create your own draft plan, or copy another year's",
        description:
          "Send `rhk`, or `copyFrom` (a year) to copy that year's plan as a draft (links to the supervisor's RHK are cleared).",
        bodyExample: examplePlan,
        responses: {
          201: {
            description: 'Draft version 1',
            schema: namedPlanVersion,
            example: {
              nip: '199001152015031003',
              year: 2026,
              planVersion: 1,
              state: 'draft',
              ...examplePlan,
              version: 1,
              createdAt: '2026-01-08T02:00:00.000Z',
              updatedAt: '2026-01-08T02:00:00.000Z',
              updatedBy: 'nip:199001152015031003',
            },
          },
        },
        errors: [400, 403, 409, 422],
      },
});

export const updatePlan = route({
  name: 'update-plan',
  params: byNipYear,
  body: z.object({ version, rhk: rhkList }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'SKP',
        summary: 'Ubah draf SKP (atau yang dikembalikan) / edit a draft or returned plan',
        description:
          'The owner replaces the RHK of the latest version while it is a draft or returned; send the `version` read.',
        bodyExample: { version: 1, ...examplePlan },
        responses: {
          200: {
            description: 'The changed version',
            schema: namedPlanVersion,
            example: { ...planVersionExample, version: 2 },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

const workflow = <B extends z.ZodMiniType>(
  name: string,
  summary: string,
  description: string,
  body: B,
  bodyExample: unknown,
  errors: Array<400 | 403 | 404 | 409 | 422>,
  status: 200 | 201 = 200,
) =>
  route({
    name,
    params: byNipYear,
    body,
    docs: import.meta.bundled
      ? undefined
      : {
          tag: 'SKP',
          summary,
          description,
          bodyExample,
          responses: {
            [status]: {
              description: 'The plan version after the step',
              schema: namedPlanVersion,
              example: planVersionExample,
            },
          },
          errors,
        },
  });

export const submitPlan = workflow(
  'submit-plan',
  'Ajukan SKP ke atasan langsung / submit to the direct supervisor',
  "The owner submits a draft or returned plan; every RHK must link to an RHK of the supervisor's plan in force (see supervisor-plan).",
  z.object({ version }),
  { version: 2 },
  [400, 403, 404, 409, 422],
);
export const approvePlan = workflow(
  'approve-plan',
  "Setujui SKP bawahan langsung / approve a direct subordinate's plan",
  'The direct supervisor (or their Plt/Plh today) approves a submitted plan; send the `version` from the team list or the plan.',
  z.object({ version }),
  { version: 3 },
  [400, 403, 404, 409, 422],
);
export const returnPlan = workflow(
  'return-plan',
  'Kembalikan SKP dengan catatan / return a plan with a note',
  'The direct supervisor (or their Plt/Plh today) returns a submitted plan to its owner with a note; send the `version` read.',
  z.object({ version, note: text(2000) }),
  { version: 3, note: 'Target IKI-1 terlalu rendah dibanding tahun lalu.' },
  [400, 403, 404, 409, 422],
);
export const revisePlan = workflow(
  'revise-plan',
  'Revisi SKP yang sudah disetujui (versi baru dengan alasan) / revise an approved plan as a new version',
  'The owner starts a new draft version from the approved one; it takes effect when approved, from that day.',
  z.object({ reason: text(2000) }),
  { reason: 'Mutasi jabatan ke Seksi Pindah Datang per 1 Juli.' },
  [400, 403, 404, 409, 422],
  201,
);

export const listTeamPlans = route({
  name: 'list-team-plans',
  params: byNipYear,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'SKP',
        summary:
          "Status SKP bawahan langsung (termasuk sebagai Plt/Plh hari ini) / the state of direct subordinates' plans",
        description:
          'For oneself, includes the positions held as Plt/Plh today. Someone else looking (a supervisor above, an admin) sees only the members they may read. ' +
          'Not paged: bounded by design by the size of a team (direct subordinates of the positions held). Each entry carries the ' +
          '`version` an approve or return must send, so deciding n plans takes n calls.',
        responses: {
          200: {
            description:
              'Each direct subordinate with the state of their plan; `waitingForMe` when submitted to this supervisor',
            schema: z
              .object({
                items: z.array(
                  z
                    .extend(employeeSummary, {
                      supervisorName: z.nullable(z.string()),
                      state: z.string(),
                      planVersion: z.optional(z.number()),
                      version: z.optional(
                        z.number().check(meta('Versi catatan untuk approve/return / the version a decision sends')),
                      ),
                      inForceVersion: z.optional(z.number()),
                      waitingForMe: z.boolean(),
                    })
                    .check(id('TeamPlanEntry')),
                ),
                counts: z.record(z.string(), z.number()),
              })
              .check(id('TeamPlans')),
            example: {
              items: [
                {
                  nip: '199001152015031003',
                  name: 'Rahmat Hidayat Daulay',
                  position: 'Pengelola Data Kependudukan',
                  unitCode: 'DUK-IDK',
                  supervisorNip: '198203152006041002',
                  supervisorName: 'Rina Marlina Pohan, S.Sos',
                  state: 'submitted',
                  planVersion: 1,
                  version: 3,
                  waitingForMe: true,
                },
              ],
              counts: { submitted: 1 },
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const getUnitCascade = route({
  name: 'get-unit-cascade',
  params: z.object({ code: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)), year: performanceYear }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'SKP',
        summary: 'Pohon cascading RHK sebuah unit / the cascade tree of a unit',
        description:
          'Every RHK of the people of the unit subtree (the version in force today, else the one submitted; drafts are never shown), nested under the RHK it contributes to. ' +
          'For BKPSDM and auditors, the OPD admin within their OPD, and people whose own unit is the unit or above it.',
        responses: {
          200: {
            description:
              'Roots of the tree (RHK linked to a unit goal or to an RHK outside the unit); each node: nip, name, rhkId, title, kind, planVersion, planState, unitGoal, children',
            schema: z.object({ roots: z.array(z.record(z.string(), z.unknown())) }).check(id('UnitCascade')),
            example: {
              roots: [
                {
                  nip: '198203152006041002',
                  name: 'Rina Marlina Pohan, S.Sos',
                  rhkId: 'rhk-kasi-1',
                  title: 'Meningkatnya cakupan kepemilikan KTP-el',
                  kind: 'utama',
                  planVersion: 1,
                  planState: 'approved',
                  unitGoal: 'Cakupan KTP-el 98%',
                  children: [
                    {
                      nip: '199001152015031003',
                      name: 'Rahmat Hidayat Daulay',
                      rhkId: 'rhk-1',
                      title: 'Terlayaninya perekaman KTP-el warga Kota Medan',
                      kind: 'utama',
                      planVersion: 1,
                      planState: 'approved',
                      children: [],
                    },
                  ],
                },
              ],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const getSupervisorPlan = route({
  name: 'get-supervisor-plan',
  params: byNipYear,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'SKP',
        summary:
          "SKP atasan langsung yang berlaku, untuk menautkan RHK / the supervisor's plan in force, for linking RHK",
        description:
          "The caller's own (`me` or their NIP; anyone else 403): the supervisor on record, their name and the RHK (id, kind, title) " +
          'of their approved plan in force (today, or the nearest day of the year), which is what a submission is checked against. ' +
          "Plt/Plh: an acting official decides in the supervisor's stead but holds no plan of the position, so links always go to the " +
          "holder's plan; today's acting officials are listed in `actingToday`. 404 when the caller has no supervisor or the " +
          'supervisor has no approved plan in force.',
        responses: {
          200: {
            description: "The supervisor's RHK to link to",
            schema: z
              .object({
                supervisorNip: z.string(),
                supervisorName: z.nullable(z.string()),
                year: z.number(),
                planVersion: z.number(),
                effectiveFrom: z.optional(z.string()),
                effectiveTo: z.optional(z.string()),
                rhk: z.array(z.object({ id: z.string(), kind: z.enum(['utama', 'tambahan']), title: z.string() })),
                actingToday: z.array(
                  z.object({
                    nip: z.string(),
                    name: z.nullable(z.string()),
                    kind: z.enum(['PLT', 'PLH']),
                    startDate: z.string(),
                    endDate: z.string(),
                  }),
                ),
              })
              .check(id('SupervisorPlan')),
            example: {
              supervisorNip: '198203152006041002',
              supervisorName: 'Rina Marlina Pohan, S.Sos',
              year: 2026,
              planVersion: 1,
              effectiveFrom: '2026-01-01',
              rhk: [{ id: 'rhk-kasi-1', kind: 'utama', title: 'Meningkatnya cakupan kepemilikan KTP-el' }],
              actingToday: [],
            },
          },
        },
        errors: [400, 403, 404],
      },
});

// ---- years, periods, rules -------------------------------------------------------------------------------

const finalisation = import.meta.bundled
  ? undefined!
  : z.object({
      at: z.string(),
      by: z.string(),
      acceptedRecommendations: z.number(),
      acknowledgement: z.optional(z.object({ reason: z.string(), violations: z.number() })),
    });

const period = import.meta.bundled
  ? undefined!
  : z
      .object({
        id: z.string(),
        kind: z.string(),
        start: z.string(),
        end: z.string(),
        inputDeadline: z.string(),
        state: z.string(),
        version: z.number(),
        rulesVersion: z.optional(
          z.number().check(
            z.meta({
              description: 'Versi aturan yang dipakai sejak periode dinilai / rules version pinned when scored',
            }),
          ),
        ),
        finalisation: z.optional(finalisation),
        opds: z.optional(
          z.record(z.string(), finalisation).check(
            z.meta({
              description:
                'Finalisasi per OPD (kode OPD); periode final bila semua OPD final / each OPD finalisation, by OPD code',
            }),
          ),
        ),
      })
      .check(id('Period', 'Periode penilaian / an assessment period'));
const periodExample = {
  id: '2026-11',
  kind: 'month',
  start: '2026-11-01',
  end: '2026-11-30',
  inputDeadline: '2026-12-05',
  state: 'open',
  version: 1,
};
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
/** Fairness thresholds (issue 18): [min, max, description]; integers. A signal is a second look, never automatic. */
const fairnessRuleRanges = {
  duplicateSimilarityPct: [
    50,
    100,
    'Kemiripan uraian (Jaccard kata, %) dianggap hampir sama (bawaan 80) / near-duplicate similarity',
  ],
  duplicateMinDays: [
    2,
    366,
    'Uraian hampir sama pada ≥ sekian hari (bawaan 8) / near-duplicate on at least these many days',
  ],
  capStreakDays: [
    2,
    366,
    'Hari berturut-turut tepat di batas menit harian (bawaan 10) / consecutive days exactly at the daily cap',
  ],
  lateWindowDays: [
    1,
    31,
    'Hari terakhir sampai batas pengisian yang dihitung terlambat (bawaan 3) / late window before the deadline',
  ],
  lateSharePct: [1, 100, 'Porsi entri terlambat (%, bawaan 60) / share of late entries'],
  lateMinEntries: [
    1,
    1000,
    'Jumlah entri minimum untuk sinyal terlambat (bawaan 10) / minimum entries for the late signal',
  ],
  overclaimRatioPct: [
    100,
    10000,
    'Output diklaim ≥ % transaksi layanan yang dikreditkan (bawaan 200) / claimed vs credited ratio',
  ],
  overclaimMinGap: [1, 100000, 'Selisih klaim − kredit minimum (bawaan 10) / minimum claimed − credited gap'],
  sharedOutputMinPeople: [
    2,
    100,
    'Dokumen bukti yang sama dikutip ≥ sekian orang (bawaan 2) / people citing one document',
  ],
  bulkSeconds: [1, 3600, 'Persetujuan berantai dalam sekian detik (bawaan 10) / seconds between chained approvals'],
  bulkMinEntries: [2, 1000, 'Rangkaian ≥ sekian entri dihitung massal (bawaan 5) / entries in a bulk run'],
  raterMinRated: [
    1,
    1000,
    'Orang dinilai minimum untuk kelonggaran (bawaan 5) / people rated before leniency is computed',
  ],
  leniencyThresholdPct: [
    1,
    200,
    'Selisih kelonggaran ≥ sekian/100 langkah (bawaan 50) / leniency gap in hundredths of a step',
  ],
  centralTendencyPct: [1, 100, 'Porsi "sesuai" ≥ sekian poin di atas OPD (bawaan 30) / central tendency points'],
  idleWorkingDays: [1, 60, 'Hari kerja tanpa entri sebelum dianggap tidak aktif (bawaan 5) / idle working days'],
  queueDeadlineDays: [
    1,
    60,
    'Hari tunggu verifikasi sebelum antrean terlambat (bawaan 5) / days before a queue is overdue',
  ],
  adoptionMinPct: [1, 100, 'Porsi anggota unit yang mencatat, minimum (%, bawaan 70) / unit adoption threshold'],
} as const satisfies Record<FairnessRuleField, readonly [number, number, string]>;
const fairnessRule = ([min, max, description]: readonly [number, number, string]) =>
  z.number().check(z.int(), z.minimum(min), z.maximum(max), z.meta({ description }));
const fairnessRules = Object.fromEntries(
  Object.entries(fairnessRuleRanges).map(([f, range]) => [f, fairnessRule(range)]),
) as Record<FairnessRuleField, ReturnType<typeof fairnessRule>>;
/** In a request each is optional: a field a client does not send keeps its value in force. */
const fairnessRulesOptional = Object.fromEntries(
  Object.entries(fairnessRules).map(([f, schema]) => [f, z.optional(schema)]),
) as Record<FairnessRuleField, z.ZodMiniOptional<ReturnType<typeof fairnessRule>>>;
const rulesVersion = import.meta.bundled
  ? undefined!
  : z
      .extend(rules, {
        scoringDelayDays,
        reminderAfterDays,
        ...fairnessRules,
        rulesVersion: z.number(),
        reason: z.string(),
        updatedAt: z.string(),
        updatedBy: z.string(),
      })
      .check(id('RulesVersion', 'Satu versi aturan penilaian / one version of the scoring rules'));
const fairnessDefaults = Object.fromEntries(fairnessRuleFields.map((f) => [f, defaultRules[f]]));
const rulesExample = {
  capaianCap: 120,
  aboveThreshold: 110,
  meetsThreshold: 90,
  dailyMinuteCap: 450,
  appealWindowDays: 14,
  inputDeadlineDay: 5,
  scoringDelayDays: 3,
  reminderAfterDays: 2,
  ...fairnessDefaults,
  rulesVersion: 1,
  reason: 'Nilai bawaan kebijakan / policy defaults',
  updatedAt: '2026-01-02T01:00:00.000Z',
  updatedBy: 'nip:198705122010012002',
};

export const openYear = route({
  name: 'open-year',
  body: z.object({ year: performanceYear, cadence: z.enum(['monthly', 'quarterly']) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Periode',
        summary: 'Buka tahun kinerja dan periodenya (Admin BKPSDM) / open a performance year and its periods',
        description:
          "Creates the year's periods (monthly or quarterly, plus the year itself) and rules version 1, carried over from the " +
          'year before, else the policy defaults. A year opens once.',
        bodyExample: { year: 2027, cadence: 'monthly' },
        responses: {
          201: {
            description: 'The year, its periods and rules version 1 (defaults)',
            schema: z
              .object({ year: z.number(), cadence: z.string(), periods: z.array(period), rules: rulesVersion })
              .check(id('OpenedYear')),
            example: { year: 2026, cadence: 'monthly', periods: [periodExample], rules: rulesExample },
          },
        },
        errors: [400, 403, 409],
      },
});

export const getYear = route({
  name: 'get-year',
  params: z.object({ year: performanceYear }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Periode',
        summary: 'Tahun kinerja dan periodenya / a performance year and its periods',
        description:
          'Every period of the year with its state and deadline. Not paged: bounded by design (at most 12 months, 4 quarters and the year).',
        responses: {
          200: {
            description: 'The year',
            schema: z
              .object({ year: z.number(), cadence: z.string(), periods: z.array(period) })
              .check(id('PerformanceYear')),
            example: { year: 2026, cadence: 'monthly', periods: [periodExample] },
          },
        },
        errors: [400, 404],
      },
});

export const updatePeriod = route({
  name: 'update-period',
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
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Periode',
        summary:
          "Ubah status atau batas pengisian sebuah periode (Admin BKPSDM) / change a period's state or input deadline",
        description:
          'States: open → closed → scored → finalised (closed may re-open; scored may go back to closed). A finalised period never changes.',
        bodyExample: { version: 1, state: 'closed' },
        responses: {
          200: {
            description: 'The period',
            schema: period,
            example: { ...periodExample, state: 'closed', version: 2 },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

export const getRules = route({
  name: 'get-rules',
  params: z.object({ year: performanceYear }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Periode',
        summary: "Aturan penilaian tahun ini dan riwayat versinya / the year's rules and their versions",
        description: 'Not paged: bounded by design (a handful of rule versions a year).',
        responses: {
          200: {
            description: 'Current rules and history, newest first',
            schema: z.object({ current: rulesVersion, history: z.array(rulesVersion) }).check(id('RulesHistory')),
            example: { current: rulesExample, history: [rulesExample] },
          },
        },
        errors: [400, 404],
      },
});

export const updateRules = route({
  name: 'update-rules',
  params: z.object({ year: performanceYear }),
  body: z.extend(rules, {
    scoringDelayDays: z.optional(scoringDelayDays),
    reminderAfterDays: z.optional(reminderAfterDays),
    ...fairnessRulesOptional,
    expectedRulesVersion: z.number().check(z.int(), z.minimum(1)),
    reason: text(1000),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Periode',
        summary: 'Tetapkan aturan versi baru (Admin BKPSDM) / set a new version of the rules',
        description:
          'Creates a new version; earlier versions stay readable, and a period already finalised keeps the version it was scored with.',
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
        responses: {
          200: {
            description: 'The new version',
            schema: rulesVersion,
            example: {
              ...rulesExample,
              inputDeadlineDay: 7,
              rulesVersion: 2,
              reason: 'Batas pengisian digeser ke tanggal 7.',
            },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});
