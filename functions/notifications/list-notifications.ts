import { listNotifications } from '#shared/api/notifications';
import { inboxOf } from '#shared/app/notifications';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listNotifications, async (req) =>
  json(
    await inboxOf(req, { unreadOnly: req.query.unread === 'true', limit: req.query.limit, cursor: req.query.cursor }),
  ),
);
