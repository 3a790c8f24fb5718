import * as z from 'zod/mini';
import { route } from './route.ts';
import { meta, page, pageQuery } from './schemas.ts';

export const notification = z.object({
  id: z.string(),
  nip: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().check(meta("Alamat sumber daya di API / the resource's path in the API")),
  read: z.boolean(),
  createdAt: z.string(),
  readAt: z.optional(z.string()),
});

export const listNotifications = route({
  name: 'list-notifications',
  tag: 'Notifikasi',
  summary: 'Kotak masuk notifikasi saya, terbaru dahulu / my notifications, newest first',
  query: z.extend(pageQuery, { unread: z.optional(z.enum(['true', 'false'])) }),
  responses: {
    200: {
      description: 'A page of notifications and the unread count',
      schema: z.extend(page(notification), { unreadCount: z.number() }),
    },
  },
  errors: [400],
});

export const markNotificationsRead = route({
  name: 'mark-notifications-read',
  tag: 'Notifikasi',
  summary: 'Tandai notifikasi sudah dibaca / mark notifications read',
  body: z.object({
    ids: z.optional(z.array(z.string().check(z.regex(/^[0-9]{8,20}-[A-Za-z0-9_-]{16}$/))).check(z.maxLength(100))),
    all: z.optional(z.literal(true)),
  }),
  bodyExample: { all: true },
  responses: {
    200: {
      description: 'How many changed, and the unread count after',
      schema: z.object({ marked: z.number(), unreadCount: z.number() }),
    },
  },
  errors: [400],
});
