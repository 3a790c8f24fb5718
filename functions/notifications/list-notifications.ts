import { listNotifications } from '#shared/api/notifications';
import { json, userHandler } from '#shared/http/handler';
import { NotificationRepository } from '#shared/store/notifications';

/** The caller's own inbox: newest first, optionally unread only, with the unread count. */
export const handler = userHandler(listNotifications, async (req) => {
  const repo = new NotificationRepository(req.scope);
  const [page, unreadCount] = await Promise.all([
    repo.list(req.principal.nip, { unreadOnly: req.query.unread === 'true', limit: req.query.limit ?? 25, ...(req.query.cursor ? { cursor: req.query.cursor } : {}) }),
    repo.unreadCount(req.principal.nip),
  ]);
  return json({ ...page, unreadCount });
});
