import * as z from 'zod/mini';
import { activityMessages } from '../messages/activities.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { isoDate, nipParam, page, pageQuery, text, wibTime } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, activityMessages);

const itemId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/));
const url = z.string().check(z.url({ protocol: /^https?$/ }), z.maxLength(2000));

export const activity = z.object({
  id: z.string(),
  nip: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  minutes: z.number(),
  description: z.string(),
  year: z.number(),
  periodId: z.string(),
  rhkId: z.string(),
  ikiId: z.string(),
  planVersion: z.number(),
  outputQuantity: z.number(),
  outputUnit: z.string(),
  evidence: z.array(z.string()),
  status: z.enum(['pending', 'approved', 'rejected']),
  supervisorNip: z.nullable(z.string()),
  rejectReason: z.optional(z.string()),
  verifiedBy: z.optional(z.string()),
  verifiedAt: z.optional(z.string()),
  version: z.number(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

const notice = z.optional(z.object({ code: z.string(), message: z.string() }));
const activityFields = {
  date: isoDate,
  start: wibTime,
  end: wibTime,
  description: text(2000),
  rhkId: itemId,
  ikiId: itemId,
  outputQuantity: z.number().check(z.minimum(0), z.maximum(1_000_000)),
  outputUnit: text(50),
  evidence: z.optional(z.array(url).check(z.maxLength(10))),
};
const example = {
  date: '2026-11-27',
  start: '08:00',
  end: '10:30',
  description: 'Perekaman KTP-el 14 pemohon di loket 3',
  rhkId: 's-1',
  ikiId: 's-1-a',
  outputQuantity: 14,
  outputUnit: 'dokumen',
  evidence: ['https://drive.pemkomedan.go.id/ktp/2026-11-27-loket3.pdf'],
};
const byActivity = z.object({ nip: nipParam, date: isoDate, id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)) });

export const createActivity = route({
  name: 'create-activity',
  idempotencyKey: true,
  tag: 'Aktivitas',
  summary: 'Catat aktivitas harian / log a daily activity',
  description:
    'Send an `Idempotency-Key` header to make retries safe: the same key with the same body answers with the first result, with another body 422. ' +
    "When the day's logged minutes pass the daily cap, the entry is kept and `notice` says the excess does not count.",
  params: z.object({ nip: nipParam }),
  body: z.object(activityFields),
  bodyExample: example,
  responses: { 201: { description: 'Logged (pending verification)', schema: z.object({ activity, notice }) } },
  errors: [400, 403, 409, 422],
});

export const updateActivity = route({
  name: 'update-activity',
  tag: 'Aktivitas',
  summary: 'Ubah aktivitas yang belum diverifikasi (atau ditolak) / edit an unverified or rejected activity',
  params: byActivity,
  body: z.extend(z.partial(z.object(activityFields)), { version: z.number().check(z.int(), z.minimum(1)) }),
  bodyExample: { version: 1, end: '11:00', outputQuantity: 16 },
  responses: { 200: { description: 'The activity, pending again', schema: z.object({ activity, notice }) } },
  errors: [400, 403, 404, 409, 422],
});

export const deleteActivity = route({
  name: 'delete-activity',
  tag: 'Aktivitas',
  summary: 'Hapus aktivitas yang belum diverifikasi / delete an unverified activity',
  params: byActivity,
  query: z.object({ version: z.coerce.number().check(z.int(), z.minimum(1)) }),
  responses: { 200: { description: 'Deleted', schema: z.object({ deleted: z.literal(true) }) } },
  errors: [400, 403, 404, 409, 422],
});

export const listActivities = route({
  name: 'list-activities',
  tag: 'Aktivitas',
  summary:
    'Aktivitas dan menit per hari dalam rentang tanggal (hari, minggu, periode) / activities and minutes per day',
  params: z.object({ nip: nipParam }),
  query: z.object({ from: isoDate, to: isoDate }),
  responses: {
    200: {
      description: 'Entries in time order and, per day, logged, approved and counted minutes',
      schema: z.object({
        items: z.array(activity),
        days: z.array(
          z.object({
            date: z.string(),
            loggedMinutes: z.number(),
            approvedMinutes: z.number(),
            countedMinutes: z.number(),
          }),
        ),
        dailyMinuteCap: z.number(),
      }),
    },
  },
  errors: [400, 403, 404, 422],
});

export const getActivityTotals = route({
  name: 'get-activity-totals',
  tag: 'Aktivitas',
  summary:
    'Realisasi per IKI dan menit terhitung dalam satu periode / realisasi per IKI and counted minutes of a period',
  params: z.object({ nip: nipParam, periodId: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/)) }),
  responses: {
    200: {
      description: 'Running totals (what scoring reads) beside the targets of the plan in force',
      schema: z.object({
        periodId: z.string(),
        pending: z.number(),
        approved: z.number(),
        rejected: z.number(),
        countedMinutes: z.number(),
        iki: z.array(
          z.object({
            rhkId: z.string(),
            ikiId: z.string(),
            name: z.string(),
            target: z.unknown(),
            unit: z.string(),
            source: z.enum(['manual', 'service', 'activities']),
            realisasi: z.nullable(z.number()),
            approvedCount: z.number(),
          }),
        ),
      }),
    },
  },
  errors: [400, 403, 404],
});

export const getVerificationQueue = route({
  name: 'get-verification-queue',
  tag: 'Verifikasi',
  summary:
    'Antrean verifikasi: aktivitas bawahan langsung yang menunggu, terlama dulu / pending entries of direct subordinates, oldest first',
  description:
    'For a position held as Plt/Plh today, pass `as=<NIP of the position holder>`. BKPSDM sees the entries of heads with no supervisor in the system with `as=none`.',
  params: z.object({ nip: nipParam }),
  query: z.extend(pageQuery, { as: z.optional(z.string().check(z.regex(/^(\d{18}|none)$/))) }),
  responses: { 200: { description: 'A page of pending entries', schema: page(activity) } },
  errors: [400, 403, 404],
});

export const decideActivities = route({
  name: 'decide-activities',
  tag: 'Verifikasi',
  summary:
    'Setujui, tolak (dengan alasan) atau buka kembali satu atau banyak aktivitas / approve, reject or reopen one or many',
  description:
    'Each decision stands alone and answers for itself: a refused one does not hold back the others. Reopening puts an approved entry back to pending while its period is still open.',
  body: z.object({
    decisions: z
      .array(
        z.object({
          nip: z.string().check(z.regex(/^\d{18}$/)),
          date: isoDate,
          id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)),
          version: z.number().check(z.int(), z.minimum(1)),
          decision: z.enum(['approve', 'reject', 'reopen']),
          reason: z.optional(text(1000)),
        }),
      )
      .check(z.minLength(1), z.maxLength(50)),
  }),
  bodyExample: {
    decisions: [
      {
        nip: '199001152015031003',
        date: '2026-11-27',
        id: '6f1c…',
        version: 1,
        decision: 'reject',
        reason: 'Bukti dukung tidak bisa dibuka',
      },
    ],
  },
  responses: {
    200: {
      description: 'One result per decision, in order',
      schema: z.object({
        results: z.array(
          z.object({
            id: z.string(),
            status: z.number(),
            activity: z.optional(activity),
            error: z.optional(z.object({ code: z.string(), message: z.string() })),
          }),
        ),
      }),
    },
  },
  errors: [400],
});

const memberActivity = z.object({
  nip: z.string(),
  name: z.string(),
  position: z.string(),
  unitCode: z.string(),
  pending: z.number(),
  approved: z.number(),
  rejected: z.number(),
  countedMinutes: z.number(),
  workingDays: z.array(z.object({ date: z.string(), countedMinutes: z.number(), loggedMinutes: z.number() })),
  realisasi: z.array(z.object({ ikiId: z.string(), quantity: z.number(), count: z.number() })),
  loggedThisWeek: z.boolean(),
});
const periodParam = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/));

export const getTeamActivity = route({
  name: 'get-team-activity',
  tag: 'Verifikasi',
  summary: 'Pemantauan bawahan langsung dalam satu periode / monitoring of direct subordinates in a period',
  description:
    'Per subordinate: pending/approved/rejected counts, counted minutes per working day (Monday–Friday minus holidays of the calendar), realisasi per IKI, and whether they logged anything this week. ' +
    'For oneself, includes the positions held as Plt/Plh today; someone else looking sees only the members they may read.',
  params: z.object({ nip: nipParam, periodId: periodParam }),
  responses: {
    200: {
      description: 'One row per subordinate',
      schema: z.object({
        periodId: z.string(),
        members: z.array(memberActivity),
        loggedNothingThisWeek: z.array(z.string()),
      }),
    },
  },
  errors: [400, 403, 404],
});

export const getUnitActivity = route({
  name: 'get-unit-activity',
  tag: 'Verifikasi',
  summary: 'Pemantauan sebuah unit beserta sub-unitnya dalam satu periode / monitoring of a unit subtree in a period',
  description:
    "The same rows for everyone in the unit subtree, and the unit's totals. For the unit's people and those above it, its OPD admin, BKPSDM and auditors.",
  params: z.object({ code: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)), periodId: periodParam }),
  responses: {
    200: {
      description: 'Rows and roll-up',
      schema: z.object({
        periodId: z.string(),
        members: z.array(memberActivity),
        totals: z.object({
          pending: z.number(),
          approved: z.number(),
          rejected: z.number(),
          countedMinutes: z.number(),
        }),
        loggedNothingThisWeek: z.array(z.string()),
      }),
    },
  },
  errors: [400, 403, 404],
});
