import * as z from 'zod/mini';
import { activityMessages } from '../messages/activities.ts';
import { feedbackMessages } from '../messages/feedback.ts';
import { periodMessages } from '../messages/periods.ts';
import { planMessages } from '../messages/plans.ts';
import { routeWith } from './route.ts';
import { isoDate, meta, nipParam, page, pageQuery, performanceYear, periodId, text } from './schemas.ts';

const route = routeWith(periodMessages, planMessages, activityMessages, feedbackMessages);

const itemId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
const version = z.number().check(z.int(), z.minimum(1), meta('Versi yang Anda baca (optimistic locking)'));

/** What a feedback is about: a period, an RHK of the plan, an activity, or nothing in particular. */
export const feedbackAbout = z.union([
  z.object({ kind: z.literal('general') }),
  z.object({ kind: z.literal('period'), periodId }),
  z.object({ kind: z.literal('rhk'), year: performanceYear, rhkId: itemId }),
  z.object({ kind: z.literal('activity'), date: isoDate, activityId: itemId }),
]);

export const feedback = z.object({
  id: z.string(),
  nip: z.string(),
  from: z.string(),
  about: z.record(z.string(), z.unknown()),
  text: z.string(),
  replies: z.array(z.object({ by: z.string(), text: z.string(), at: z.string() })),
  acknowledgedAt: z.optional(z.string()),
  createdAt: z.string(),
  version: z.number(),
});

export const dialog = z.object({
  id: z.string(),
  nip: z.string(),
  supervisorNip: z.nullable(z.string()),
  date: z.string(),
  topics: z.array(z.string()),
  followUps: z.array(
    z.object({ text: z.string(), owner: z.enum(['employee', 'supervisor']), due: z.optional(z.string()) }),
  ),
  notes: z.optional(z.string()),
  recordedBy: z.string(),
  createdAt: z.string(),
});

const byNip = z.object({ nip: nipParam });
const byFeedback = z.object({ nip: nipParam, id: itemId });

export const giveFeedback = route({
  name: 'give-feedback',
  tag: 'Umpan balik',
  summary: 'Umpan balik atasan langsung kepada bawahan / feedback from the direct supervisor',
  description:
    'From the direct supervisor (or the Plt/Plh of the position today), on a period, an RHK of the plan, an activity, or in general.',
  params: byNip,
  body: z.object({ about: feedbackAbout, text: text(4000) }),
  bodyExample: {
    about: { kind: 'activity', date: '2026-11-27', activityId: 'b1d2…' },
    text: 'Rekaman KTP-el rapi; tambahkan foto berkas sebagai bukti.',
  },
  responses: { 201: { description: 'Given', schema: feedback } },
  errors: [400, 403, 404, 422],
});

export const listFeedback = route({
  name: 'list-feedback',
  tag: 'Umpan balik',
  summary: 'Umpan balik yang diterima seorang pegawai, terbaru dahulu / feedback received, newest first',
  params: byNip,
  query: pageQuery,
  responses: { 200: { description: 'A page of feedback', schema: page(feedback) } },
  errors: [400, 403, 404],
});

export const replyFeedback = route({
  name: 'reply-feedback',
  tag: 'Umpan balik',
  summary: 'Balas umpan balik (pegawai atau atasannya) / reply to feedback',
  params: byFeedback,
  body: z.object({ text: text(4000), version }),
  bodyExample: { text: 'Baik, mulai besok foto berkas saya lampirkan.', version: 1 },
  responses: { 200: { description: 'The feedback with the reply', schema: feedback } },
  errors: [400, 403, 404, 409],
});

export const acknowledgeFeedback = route({
  name: 'acknowledge-feedback',
  tag: 'Umpan balik',
  summary: 'Tandai umpan balik sudah dibaca dan dipahami (pegawai) / acknowledge feedback',
  params: byFeedback,
  body: z.object({ version }),
  responses: { 200: { description: 'Acknowledged', schema: feedback } },
  errors: [400, 403, 404, 409],
});

export const recordDialog = route({
  name: 'record-dialog',
  tag: 'Umpan balik',
  summary: 'Catat dialog kinerja (pegawai atau atasan langsung) / record a performance dialog',
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
  bodyExample: {
    date: '2026-11-27',
    topics: ['Antrean KTP-el sore hari'],
    followUps: [{ text: 'Buka loket tambahan pukul 15.00–17.00', owner: 'supervisor', due: '2026-12-05' }],
  },
  responses: { 201: { description: 'Recorded', schema: dialog } },
  errors: [400, 403, 404, 422],
});

export const listDialogs = route({
  name: 'list-dialogs',
  tag: 'Umpan balik',
  summary: 'Dialog kinerja seorang pegawai, terbaru dahulu / performance dialogs, newest first',
  params: byNip,
  query: pageQuery,
  responses: { 200: { description: 'A page of dialogs', schema: page(dialog) } },
  errors: [400, 403, 404],
});
