import * as z from 'zod/mini';
import { route } from './route.ts';
import { meta, page, pageQuery } from './schemas.ts';

const id = (name: string, description?: string) => z.meta({ id: name, ...(description ? { description } : {}) });

export const notification = import.meta.bundled
  ? undefined!
  : z
      .object({
        id: z.string(),
        nip: z.string(),
        type: z.string(),
        title: z.string(),
        body: z.string().check(meta('Teks yang menyebut orang dan layanan dengan namanya / names people and services')),
        link: z.string().check(meta("Alamat sumber daya di API / the resource's path in the API")),
        read: z.boolean(),
        createdAt: z.string(),
        readAt: z.optional(z.string()),
      })
      .check(id('Notification', 'Notifikasi di kotak masuk / an inbox notification'));

const notificationExample = {
  id: '20261127094000123-a1B2c3D4e5F6g7H8',
  nip: '198203152006041002',
  type: 'plan_submitted',
  title: 'SKP menunggu persetujuan',
  body: 'SKP 2026 milik Rahmat Hidayat Daulay diajukan dan menunggu keputusan Anda.',
  link: '/employees/199001152015031003/plans/2026',
  read: false,
  createdAt: '2026-11-27T09:40:00.123Z',
};

export const listNotifications = route({
  name: 'list-notifications',
  query: z.extend(pageQuery, { unread: z.optional(z.enum(['true', 'false'])) }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Notifikasi',
        summary: 'Kotak masuk notifikasi saya, terbaru dahulu / my notifications, newest first',
        description:
          'Paged with `limit`/`cursor`; `unread=true` for unread ones only. Texts name people and services by name; `link` is the resource to open.',
        responses: {
          200: {
            description: 'A page of notifications and the unread count',
            schema: z.extend(page(notification), { unreadCount: z.number() }).check(id('NotificationPage')),
            example: { items: [notificationExample], nextCursor: 's1.eyJwayI6Ii4uLiJ9', unreadCount: 3 },
          },
        },
        errors: [400],
      },
});

export const markNotificationsRead = route({
  name: 'mark-notifications-read',
  body: z.object({
    ids: z.optional(z.array(z.string().check(z.regex(/^[0-9]{8,20}-[A-Za-z0-9_-]{16}$/))).check(z.maxLength(100))),
    all: z.optional(z.literal(true)),
  }),
  docs: import.meta.bundled
    ? undefined
    : {
        tag: 'Notifikasi',
        summary: 'Tandai notifikasi sudah dibaca / mark notifications read',
        description: 'The ids given (up to 100), or `all: true`. Ids of someone else’s notifications change nothing.',
        bodyExample: { all: true },
        responses: {
          200: {
            description: 'How many changed, and the unread count after',
            schema: z.object({ marked: z.number(), unreadCount: z.number() }).check(id('NotificationsMarked')),
            example: { marked: 3, unreadCount: 0 },
          },
        },
        errors: [400],
      },
});
