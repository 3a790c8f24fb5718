import * as z from 'zod/mini';
import { activityMessages } from '../messages/activities.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { isoDate, meta, nipParam, page, pageQuery, text, wibTime } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, activityMessages);

const itemId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/));
const url = z.string().check(z.url({ protocol: /^https?$/ }), z.maxLength(2000));

const activityShape = import.meta.bundled
  ? undefined!
  : {
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
      createdAt: z.string(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    };
export const activity = import.meta.bundled
  ? undefined!
  : z.object(activityShape).check(z.meta({ id: 'Activity', description: 'Aktivitas harian / a daily activity entry' }));

const activityExample = {
  id: '6f1c2b9e-4d7a-4e1b-9a53-0c8f2d7e1a44',
  nip: '199001152015031003',
  date: '2026-11-27',
  start: '08:00',
  end: '10:30',
  minutes: 150,
  description: 'Perekaman KTP-el 14 pemohon di loket 3',
  year: 2026,
  periodId: '2026-11',
  rhkId: 's-1',
  ikiId: 's-1-a',
  planVersion: 1,
  outputQuantity: 14,
  outputUnit: 'dokumen',
  evidence: ['https://drive.pemkomedan.go.id/ktp/2026-11-27-loket3.pdf'],
  status: 'pending',
  supervisorNip: '198507102010011002',
  version: 1,
  createdAt: '2026-11-27T03:45:12.000Z',
  updatedAt: '2026-11-27T03:45:12.000Z',
  updatedBy: '199001152015031003',
};

const notice = import.meta.bundled
  ? undefined!
  : z.optional(
      z.object({ code: z.string(), message: z.string() }).check(
        z.meta({
          id: 'ActivityNotice',
          description: 'Catatan tanpa menolak / a remark that does not refuse the entry',
        }),
      ),
    );
const activityWithNotice = import.meta.bundled
  ? undefined!
  : z
      .object({ activity, notice })
      .check(z.meta({ id: 'ActivityWithNotice', description: 'The entry as stored, and a notice if any' }));
const noticeExample = {
  code: 'daily_cap_exceeded',
  message: 'Menit tercatat pada 2026-11-27 (510) melebihi batas harian 480; kelebihannya tidak dihitung.',
};
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
const periodParam = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/));
const byActivity = z.object({ nip: nipParam, date: isoDate, id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)) });

export const createActivity = route({
  name: 'create-activity',
  idempotencyKey: true,
  params: z.object({ nip: nipParam }),
  body: z.object(activityFields),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Aktivitas',
        summary: 'Catat aktivitas harian / log a daily activity',
        description:
          'Send an `Idempotency-Key` header to make retries safe: the same key with the same body answers with the first result, with another body 422. ' +
          "When the day's logged minutes pass the daily cap, the entry is kept and `notice` says the excess does not count.",
        bodyExample: example,
        responses: {
          201: {
            description: 'Logged (pending verification)',
            schema: activityWithNotice,
            example: { activity: activityExample, notice: noticeExample },
          },
          200: {
            description:
              'A retry with the same `Idempotency-Key` and body: the first response again (header `idempotent-replay: true`)',
            schema: activityWithNotice,
            example: { activity: activityExample },
          },
        },
        errors: [400, 403, 409, 422],
      },
});

export const updateActivity = route({
  name: 'update-activity',
  params: byActivity,
  body: z.extend(z.partial(z.object(activityFields)), { version: z.number().check(z.int(), z.minimum(1)) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Aktivitas',
        summary: 'Ubah aktivitas yang belum diverifikasi (atau ditolak) / edit an unverified or rejected activity',
        description:
          'Send the `version` you read (optimistic locking; 409 with the entry as it is now in `details.current` if it changed). The entry passes the same rules as a new one and goes back to pending in the queue of your supervisor today; `notice` as for a new entry.',
        bodyExample: { version: 1, end: '11:00', outputQuantity: 16 },
        responses: {
          200: {
            description: 'The activity, pending again',
            schema: activityWithNotice,
            example: { activity: { ...activityExample, end: '11:00', minutes: 180, outputQuantity: 16, version: 2 } },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

export const deleteActivity = route({
  name: 'delete-activity',
  params: byActivity,
  query: z.object({ version: z.coerce.number().check(z.int(), z.minimum(1)) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Aktivitas',
        summary: 'Hapus aktivitas yang belum diverifikasi / delete an unverified activity',
        description:
          'Only a pending or rejected entry of your own, while its period is open. Send the `version` you read (409 with the entry as it is now in `details.current` if it changed).',
        responses: {
          200: {
            description: 'Deleted',
            schema: z.object({ deleted: z.literal(true) }).check(z.meta({ id: 'ActivityDeleted' })),
            example: { deleted: true },
          },
        },
        errors: [400, 403, 404, 409, 422],
      },
});

const activityDay = import.meta.bundled
  ? undefined!
  : z
      .object({
        date: z.string(),
        loggedMinutes: z.number(),
        approvedMinutes: z.number(),
        countedMinutes: z.number(),
      })
      .check(z.meta({ id: 'ActivityDay', description: 'Menit sehari / the minutes of one day' }));

export const listActivities = route({
  name: 'list-activities',
  params: z.object({ nip: nipParam }),
  query: z.extend(pageQuery, { from: isoDate, to: isoDate }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Aktivitas',
        summary:
          'Aktivitas dan menit per hari dalam rentang tanggal (hari, minggu, periode) / activities and minutes per day',
        description:
          'Up to 93 days. Paged: `limit` entries (1–100, default 25) in time order, and `nextCursor` while more follow; a page also stays under 1 MB, whatever its entries hold. ' +
          'The first page (no `cursor`) also carries `days` (logged, approved and counted minutes of every day of the range with an entry, at most 93) and `dailyMinuteCap`; the pages after it carry only entries.',
        responses: {
          200: {
            description: 'A page of entries in time order; on the first page, the minutes per day of the whole range',
            schema: z
              .object({
                items: z.array(activity),
                nextCursor: z.optional(z.string()),
                days: z.optional(z.array(activityDay)),
                dailyMinuteCap: z.optional(z.number()),
              })
              .check(z.meta({ id: 'ActivityPage' })),
            example: {
              items: [activityExample],
              nextCursor: 'WyIyMDI2LTExLTI3IiwiMDg6MDAiLCI2ZjFjMmI5ZSJd',
              days: [{ date: '2026-11-27', loggedMinutes: 510, approvedMinutes: 300, countedMinutes: 300 }],
              dailyMinuteCap: 480,
            },
          },
        },
        errors: [400, 403, 404, 422],
      },
});

export const getActivityTotals = route({
  name: 'get-activity-totals',
  params: z.object({ nip: nipParam, periodId: periodParam }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Aktivitas',
        summary:
          'Realisasi per IKI dan menit terhitung dalam satu periode / realisasi per IKI and counted minutes of a period',
        description:
          "The counts and counted minutes of the period, and one row per IKI of the plan in force at its end (bounded by the plan). Service-measured IKI take the officer's service indicator; `realisasi` is null until there is data. " +
          'Beside the yearly `target`, each IKI shows what scoring compares the realisasi with: `periodTarget`, the part of the yearly target the period carries (`months`/12 of a quantity target: 1 a month, 3 a quarter; a quality, time or cost target in full), then `capaian` so far (half-up to two decimals, before the cap; null until there is a realisasi) and its `level` (above, meets or below expectation under the rules of the period) — what a scoring run would compute from the same totals today.',
        responses: {
          200: {
            description: 'Running totals (what scoring reads) beside the targets of the plan in force',
            example: {
              periodId: '2026-11',
              pending: 3,
              approved: 18,
              rejected: 1,
              countedMinutes: 5400,
              iki: [
                {
                  rhkId: 's-1',
                  ikiId: 's-1-a',
                  name: 'Jumlah dokumen KTP-el yang direkam',
                  target: { kind: 'single', value: 2400 },
                  unit: 'dokumen',
                  source: 'activities',
                  realisasi: 146,
                  approvedCount: 18,
                  months: 1,
                  periodTarget: { kind: 'single', value: 200 },
                  capaian: 73,
                  level: 'below',
                },
              ],
            },
            schema: z
              .object({
                periodId: z.string(),
                pending: z.number(),
                approved: z.number(),
                rejected: z.number(),
                countedMinutes: z.number(),
                iki: z.array(
                  z
                    .object({
                      rhkId: z.string(),
                      ikiId: z.string(),
                      name: z.string(),
                      target: z.unknown(),
                      unit: z.string(),
                      source: z.enum(['manual', 'service', 'activities']),
                      realisasi: z.nullable(z.number()),
                      approvedCount: z.number(),
                      months: z.number(),
                      periodTarget: z.unknown().check(
                        z.meta({
                          description:
                            'Target periode: target tahunan × months/12 / the target of the period, shaped like `target`',
                        }),
                      ),
                      capaian: z.nullable(z.number()),
                      level: z.enum(['above', 'meets', 'below']),
                    })
                    .check(z.meta({ id: 'IkiProgress' })),
                ),
              })
              .check(z.meta({ id: 'ActivityTotals' })),
          },
        },
        errors: [400, 403, 404],
      },
});

const queueEntry = import.meta.bundled
  ? undefined!
  : z
      .object({
        ...activityShape,
        name: z.string().check(meta("Nama pemilik / the owner's name")),
        rhkName: z.optional(
          z.string().check(meta('RHK pada versi SKP saat dicatat / the RHK, as in the plan version logged against')),
        ),
        ikiName: z.optional(
          z
            .string()
            .check(meta('IKI pada versi SKP saat dicatat / the indicator, as in the plan version logged against')),
        ),
      })
      .check(z.meta({ id: 'VerificationQueueEntry' }));

export const getVerificationQueue = route({
  name: 'get-verification-queue',
  params: z.object({ nip: nipParam }),
  query: z.extend(pageQuery, { as: z.optional(z.string().check(z.regex(/^(\d{18}|none)$/))) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Verifikasi',
        summary:
          'Antrean verifikasi: aktivitas bawahan langsung yang menunggu, terlama dulu / pending entries of direct subordinates, oldest first',
        description:
          'For a position held as Plt/Plh today, pass `as=<NIP of the position holder>`. BKPSDM sees the entries of heads with no supervisor in the system with `as=none`. ' +
          'Paged (`limit` 1–100, default 25; `nextCursor` while more follow; a page may hold fewer when an owner has since moved to another supervisor). ' +
          "Each entry carries its owner's `name`, the `rhkName` and `ikiName` of the plan version it was logged against, and the `version` a decision sends back.",
        responses: {
          200: {
            description: 'A page of pending entries',
            schema: page(queueEntry).check(z.meta({ id: 'VerificationQueuePage' })),
            example: {
              items: [
                {
                  ...activityExample,
                  name: 'Rina Marlina Siregar',
                  rhkName: 'Terlaksananya pelayanan perekaman KTP-el',
                  ikiName: 'Jumlah dokumen KTP-el yang direkam',
                },
              ],
              nextCursor: 'eyJwayI6Ik9SRyN…',
            },
          },
        },
        errors: [400, 403, 404],
      },
});

export const decideActivities = route({
  name: 'decide-activities',
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
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Verifikasi',
        summary:
          'Setujui, tolak (dengan alasan) atau buka kembali satu atau banyak aktivitas / approve, reject or reopen one or many',
        description:
          "Up to 50 decisions, each with the `version` of the entry as read (the queue gives it). Each decision stands alone and answers for itself: a refused one does not hold back the others, and a stale `version` answers 409 `activity_conflict` with the entry as it is now in `error.details.current`. The decisions of one person's day are written in one transaction with the totals they move (all or none); if that day changes at the same moment they are decided again one by one. Reopening puts an approved entry back to pending while its period is still open.",
        bodyExample: {
          decisions: [
            {
              nip: '199001152015031003',
              date: '2026-11-27',
              id: '6f1c2b9e-4d7a-4e1b-9a53-0c8f2d7e1a44',
              version: 1,
              decision: 'reject',
              reason: 'Bukti dukung tidak bisa dibuka',
            },
          ],
        },
        responses: {
          200: {
            description: 'One result per decision, in order',
            schema: z
              .object({
                results: z.array(
                  z
                    .object({
                      id: z.string(),
                      status: z.number(),
                      activity: z.optional(activity),
                      error: z.optional(
                        z.object({ code: z.string(), message: z.string(), details: z.optional(z.unknown()) }),
                      ),
                    })
                    .check(z.meta({ id: 'DecisionResult' })),
                ),
              })
              .check(z.meta({ id: 'DecisionResults' })),
            example: {
              results: [
                {
                  id: activityExample.id,
                  status: 200,
                  activity: {
                    ...activityExample,
                    status: 'rejected',
                    rejectReason: 'Bukti dukung tidak bisa dibuka',
                    verifiedBy: '198507102010011002',
                    verifiedAt: '2026-11-28T01:10:00.000Z',
                    version: 2,
                  },
                },
                {
                  id: '0b6e4f3a-1c2d-4e5f-8a9b-7c6d5e4f3a2b',
                  status: 409,
                  error: { code: 'activity_conflict', message: 'Aktivitas telah diubah orang lain; muat ulang.' },
                },
              ],
            },
          },
        },
        errors: [400],
      },
});

const memberActivity = import.meta.bundled
  ? undefined!
  : z
      .object({
        nip: z.string(),
        name: z.string(),
        position: z.string(),
        unitCode: z.string(),
        pending: z.number(),
        approved: z.number(),
        rejected: z.number(),
        countedMinutes: z.number(),
        workingDays: z.array(z.object({ date: z.string(), countedMinutes: z.number(), loggedMinutes: z.number() })),
        realisasi: z.array(
          z.object({
            ikiId: z.string(),
            ikiName: z
              .nullable(z.string())
              .check(
                meta(
                  'Nama IKI pada rencana yang berlaku di akhir periode (null bila tidak ada di rencana tahun itu) / the IKI’s name',
                ),
              ),
            quantity: z.number(),
            count: z.number(),
          }),
        ),
        loggedThisWeek: z.boolean(),
      })
      .check(z.meta({ id: 'MemberActivity', description: 'Satu baris pemantauan / one monitoring row' }));

const memberExample = {
  nip: '199001152015031003',
  name: 'Rina Marlina Siregar',
  position: 'Pengadministrasi Kependudukan',
  unitCode: 'DUK-IDK',
  pending: 3,
  approved: 18,
  rejected: 1,
  countedMinutes: 5400,
  workingDays: [
    { date: '2026-11-02', countedMinutes: 300, loggedMinutes: 330 },
    { date: '2026-11-03', countedMinutes: 0, loggedMinutes: 0 },
  ],
  realisasi: [{ ikiId: 's-1-a', ikiName: 'Jumlah dokumen kependudukan yang diterbitkan', quantity: 214, count: 18 }],
  loggedThisWeek: true,
};

export const getTeamActivity = route({
  name: 'get-team-activity',
  params: z.object({ nip: nipParam, periodId: periodParam }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Verifikasi',
        summary: 'Pemantauan bawahan langsung dalam satu periode / monitoring of direct subordinates in a period',
        description:
          'Per subordinate: `nip` and `name`, pending/approved/rejected counts, counted minutes per working day (Monday–Friday minus holidays of the calendar), realisasi per IKI (its id and its name in the plan in force), and whether they logged anything this week. ' +
          'For oneself, includes the positions held as Plt/Plh today; someone else looking sees only the members they may read. ' +
          'Not paged: bounded by design, one row per direct subordinate of the positions held (a span of control), each with at most the working days of one month or quarter.',
        responses: {
          200: {
            description: 'One row per subordinate, by NIP',
            schema: z
              .object({
                periodId: z.string(),
                members: z.array(memberActivity),
                loggedNothingThisWeek: z.array(z.string()),
              })
              .check(z.meta({ id: 'TeamActivity' })),
            example: { periodId: '2026-11', members: [memberExample], loggedNothingThisWeek: ['199204282017032001'] },
          },
        },
        errors: [400, 403, 404],
      },
});

const activityCountFields = import.meta.bundled
  ? undefined!
  : {
      members: z.number(),
      logging: z
        .number()
        .check(z.meta({ description: 'Yang mencatat dalam periode / members with an entry in the period' })),
      pending: z.number(),
      approved: z.number(),
      rejected: z.number(),
      countedMinutes: z.number(),
      oldestPending: z.nullable(isoDate).check(
        z.meta({
          description:
            'Tanggal entri tertua yang menunggu verifikasi / the date of the oldest entry waiting for a verifier of the unit',
        }),
      ),
    };
const activityCounts = import.meta.bundled ? undefined! : z.object(activityCountFields);

export const getUnitActivity = route({
  name: 'get-unit-activity',
  params: z.object({ code: z.string().check(z.regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/)), periodId: periodParam }),
  query: pageQuery,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Verifikasi',
        summary:
          'Pemantauan sebuah unit beserta sub-unitnya dalam satu periode / monitoring of a unit subtree in a period',
        description:
          "The same rows for everyone in the unit subtree, and the unit's totals. For the unit's heads and those above it, its OPD admin, BKPSDM and auditors. " +
          'Paged, as a subtree can be large: `limit` rows (1–100, default 25) by NIP and `nextCursor` while more follow. ' +
          '`totals` are always those of the whole subtree (`members`: how many people it has, `logging`: how many logged anything in the period, `oldestPending`: the oldest entry waiting for a verifier of the subtree), `children` the same per direct child unit with its own subtree (a bidang for an OPD, a seksi for a bidang; none for a seksi); `backlog` each verifier of the subtree with entries waiting (how many, since when; oldest first, two index queries per verifier); `loggedNothingThisWeek` names those of this page who logged nothing this week. The `progress` of each row counts the IKI of the plan in force by their level so far (capaian against the period target, as `…/activity-totals/{periodId}` computes it; three more queries per row of the page, the rules of the year once).',
        responses: {
          200: {
            description: 'A page of rows, and the roll-up of the whole subtree',
            schema: z
              .object({
                periodId: z.string(),
                members: z.array(
                  z
                    .extend(memberActivity, {
                      progress: z
                        .object({ iki: z.number(), above: z.number(), meets: z.number(), below: z.number() })
                        .check(
                          z.meta({
                            description:
                              'IKI rencana yang berlaku menurut tingkat capaiannya sejauh ini / the IKI of the plan in force by their level so far (capaian against the period’s target)',
                          }),
                        ),
                    })
                    .check(z.meta({ id: 'UnitMemberActivity' })),
                ),
                nextCursor: z.optional(z.string()),
                totals: activityCounts,
                children: z.array(
                  z
                    .object({
                      unitCode: z.string(),
                      name: z.string(),
                      kind: z.enum(['opd', 'bidang', 'seksi']),
                      ...activityCountFields,
                    })
                    .check(
                      z.meta({
                        id: 'ChildUnitActivity',
                        description: 'Satu sub-unit langsung / one direct child unit, with its subtree',
                      }),
                    ),
                ),
                backlog: z.array(
                  z
                    .object({
                      nip: z.string(),
                      name: z.string(),
                      unitCode: z.string(),
                      waiting: z.number(),
                      oldestDate: isoDate,
                    })
                    .check(
                      z.meta({
                        id: 'VerificationBacklog',
                        description:
                          'Antrean verifikasi seorang atasan di unit / a verifier of the subtree with entries waiting',
                      }),
                    ),
                ),
                loggedNothingThisWeek: z.array(z.string()),
              })
              .check(z.meta({ id: 'UnitActivity' })),
            example: {
              periodId: '2026-11',
              members: [{ ...memberExample, progress: { iki: 3, above: 1, meets: 1, below: 1 } }],
              nextCursor: '199001152015031003',
              totals: {
                members: 14,
                logging: 12,
                pending: 41,
                approved: 388,
                rejected: 12,
                countedMinutes: 112_500,
                oldestPending: '2026-11-03',
              },
              children: [
                {
                  unitCode: 'DUK-IDK',
                  name: 'Seksi Identitas Penduduk',
                  kind: 'seksi',
                  members: 4,
                  logging: 4,
                  pending: 9,
                  approved: 120,
                  rejected: 3,
                  countedMinutes: 34_200,
                  oldestPending: '2026-11-03',
                },
              ],
              backlog: [
                {
                  nip: '198507122010012003',
                  name: 'Siti Rahmah Lubis',
                  unitCode: 'DUK-IDK',
                  waiting: 9,
                  oldestDate: '2026-11-03',
                },
              ],
              loggedNothingThisWeek: [],
            },
          },
        },
        errors: [400, 403, 404],
      },
});
