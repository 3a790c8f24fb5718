import * as z from 'zod/mini';
import { activityMessages } from '../messages/activities.ts';
import { feedbackMessages } from '../messages/feedback.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { isoDate, meta, nipParam, page, pageQuery, performanceYear, periodId, text } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, activityMessages, feedbackMessages);

const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });
const personName = (description: string) =>
  z.nullable(z.string()).check(meta(`${description}; null bila tidak ada di direktori / null if not in the directory`));

const itemId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
const version = z.number().check(z.int(), z.minimum(1), meta('Versi yang Anda baca (optimistic locking)'));

/** What a feedback is about: a period, an RHK of the plan, an activity, or nothing in particular. */
export const feedbackAbout = z.union([
  z.object({ kind: z.literal('general') }),
  z.object({ kind: z.literal('period'), periodId }),
  z.object({ kind: z.literal('rhk'), year: performanceYear, rhkId: itemId }),
  z.object({ kind: z.literal('activity'), date: isoDate, activityId: itemId }),
]);

export const feedback = import.meta.bundled
  ? undefined!
  : z
      .object({
        id: z.string(),
        nip: z.string(),
        name: personName('Nama pegawai / the employee’s name'),
        from: z.string(),
        fromName: personName('Nama pemberi / the giver’s name'),
        about: z.record(z.string(), z.unknown()),
        text: z.string(),
        replies: z.array(
          z.object({
            by: z.string(),
            byName: personName('Nama pembalas / who replied'),
            text: z.string(),
            at: z.string(),
          }),
        ),
        acknowledgedAt: z.optional(z.string()),
        createdAt: z.string(),
        version: z.number(),
      })
      .check(id('Feedback', 'Umpan balik dengan balasannya / feedback and its replies'));

export const dialog = import.meta.bundled
  ? undefined!
  : z
      .object({
        id: z.string(),
        nip: z.string(),
        name: personName('Nama pegawai / the employee’s name'),
        supervisorNip: z.nullable(z.string()),
        supervisorName: personName('Nama atasan / the supervisor’s name'),
        date: z.string(),
        topics: z.array(z.string()),
        followUps: z.array(
          z.object({ text: z.string(), owner: z.enum(['employee', 'supervisor']), due: z.optional(z.string()) }),
        ),
        notes: z.optional(z.string()),
        recordedBy: z.string(),
        recordedByName: personName('Nama pencatat / who recorded it'),
        createdAt: z.string(),
      })
      .check(id('Dialog', 'Dialog kinerja / a performance dialog'));

const STAFF = '199001152015031003';
const KASI = '198203152006041002';
const feedbackExample = {
  id: '01JDQ3V4M8X2K9R5T7W1Y3Z6B0',
  nip: STAFF,
  name: 'Rahmat Hidayat Daulay',
  from: KASI,
  fromName: 'Rina Marlina Pohan, S.Sos',
  about: { kind: 'activity', date: '2026-11-27', activityId: 'b1d2c3' },
  text: 'Rekaman KTP-el rapi; tambahkan foto berkas sebagai bukti.',
  replies: [
    {
      by: STAFF,
      byName: 'Rahmat Hidayat Daulay',
      text: 'Baik, mulai besok foto berkas saya lampirkan.',
      at: '2026-11-27T10:02:11.000Z',
    },
  ],
  createdAt: '2026-11-27T09:40:00.000Z',
  version: 2,
};
const dialogExample = {
  id: '01JDQ4A1B2C3D4E5F6G7H8J9K0',
  nip: STAFF,
  name: 'Rahmat Hidayat Daulay',
  supervisorNip: KASI,
  supervisorName: 'Rina Marlina Pohan, S.Sos',
  date: '2026-11-27',
  topics: ['Antrean KTP-el sore hari'],
  followUps: [{ text: 'Buka loket tambahan pukul 15.00–17.00', owner: 'supervisor', due: '2026-12-05' }],
  recordedBy: KASI,
  recordedByName: 'Rina Marlina Pohan, S.Sos',
  createdAt: '2026-11-27T11:00:00.000Z',
};

const byNip = z.object({ nip: nipParam });
const byFeedback = z.object({ nip: nipParam, id: itemId });

export const giveFeedback = route({
  name: 'give-feedback',
  params: byNip,
  body: z.object({ about: feedbackAbout, text: text(4000) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Umpan balik',
        summary: 'Umpan balik atasan langsung kepada bawahan / feedback from the direct supervisor',
        description:
          'From the direct supervisor (or the Plt/Plh of the position today), on a period, an RHK of the plan, an activity, or in general.',
        bodyExample: {
          about: { kind: 'activity', date: '2026-11-27', activityId: 'b1d2c3e4-5f60-4a7b-8c9d-0e1f2a3b4c5d' },
          text: 'Rekaman KTP-el rapi; tambahkan foto berkas sebagai bukti.',
        },
        responses: {
          201: { description: 'Given', schema: feedback, example: { ...feedbackExample, replies: [], version: 1 } },
        },
        errors: [400, 403, 404, 422],
      },
});

export const listFeedback = route({
  name: 'list-feedback',
  params: byNip,
  query: pageQuery,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Umpan balik',
        summary: 'Umpan balik yang diterima seorang pegawai, terbaru dahulu / feedback received, newest first',
        description:
          'Paged with `limit`/`cursor`. Names beside every NIP (employee, giver, each replier). Read by the employee, their supervisors and admins.',
        responses: {
          200: {
            description: 'A page of feedback',
            schema: page(feedback).check(id('FeedbackPage')),
            example: { items: [feedbackExample], nextCursor: 's1.eyJwayI6Ii4uLiJ9' },
          },
        },
        errors: [400, 403, 404],
      },
});

export const replyFeedback = route({
  name: 'reply-feedback',
  params: byFeedback,
  body: z.object({ text: text(4000), version }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Umpan balik',
        summary: 'Balas umpan balik (pegawai atau atasannya) / reply to feedback',
        description:
          'The employee or their direct supervisor (or the Plt/Plh of the position today) adds a reply, at most 50 per thread; `version` is the one you read (409 if it changed). The other side is notified.',
        bodyExample: { text: 'Baik, mulai besok foto berkas saya lampirkan.', version: 1 },
        responses: { 200: { description: 'The feedback with the reply', schema: feedback, example: feedbackExample } },
        errors: [400, 403, 404, 409, 422],
      },
});

export const acknowledgeFeedback = route({
  name: 'acknowledge-feedback',
  params: byFeedback,
  body: z.object({ version }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Umpan balik',
        summary: 'Tandai umpan balik sudah dibaca dan dipahami (pegawai) / acknowledge feedback',
        description:
          'The employee only. Once: a later call keeps the first `acknowledgedAt`. `version` is the one you read (409 if it changed).',
        bodyExample: { version: 2 },
        responses: {
          200: {
            description: 'Acknowledged',
            schema: feedback,
            example: { ...feedbackExample, acknowledgedAt: '2026-11-27T12:00:00.000Z', version: 3 },
          },
        },
        errors: [400, 403, 404, 409],
      },
});

export const recordDialog = route({
  name: 'record-dialog',
  params: byNip,
  body: z.object({
    date: isoDate,
    topics: z.array(text(300)).check(z.minLength(1), z.maxLength(20)),
    followUps: z.optional(
      z
        .array(z.object({ text: text(500), owner: z.enum(['employee', 'supervisor']), due: z.optional(isoDate) }))
        .check(z.maxLength(20)),
    ),
    notes: z.optional(text(4000)),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Umpan balik',
        summary: 'Catat dialog kinerja (pegawai atau atasan langsung) / record a performance dialog',
        description:
          'Either side records it: the date, the topics and the agreed follow-ups with who owns each. The supervisor stored is the employee’s direct supervisor at the time.',
        bodyExample: {
          date: '2026-11-27',
          topics: ['Antrean KTP-el sore hari'],
          followUps: [{ text: 'Buka loket tambahan pukul 15.00–17.00', owner: 'supervisor', due: '2026-12-05' }],
        },
        responses: { 201: { description: 'Recorded', schema: dialog, example: dialogExample } },
        errors: [400, 403, 404, 422],
      },
});

export const listDialogs = route({
  name: 'list-dialogs',
  params: byNip,
  query: pageQuery,
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Umpan balik',
        summary: 'Dialog kinerja seorang pegawai, terbaru dahulu / performance dialogs, newest first',
        description:
          'Paged with `limit`/`cursor`. Names beside the employee, the supervisor and who recorded it. Whoever may read the employee reads them.',
        responses: {
          200: {
            description: 'A page of dialogs',
            schema: page(dialog).check(id('DialogPage')),
            example: { items: [dialogExample] },
          },
        },
        errors: [400, 403, 404],
      },
});
