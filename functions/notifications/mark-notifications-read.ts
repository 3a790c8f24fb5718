import { markNotificationsRead } from '#shared/api/notifications';
import { DomainError } from '#shared/messages/errors';
import { json, userHandler, writeContext } from '#shared/http/handler';
import { NotificationRepository } from '#shared/store/notifications';

export const handler = userHandler(markNotificationsRead, async (req) => {
  const { ids, all } = req.body;
  if (!all && !ids?.length) throw new DomainError('validation_failed', {}, [{ field: 'body', message: 'ids or all: true' }]);
  const repo = new NotificationRepository(req.scope);
  const marked = await repo.markRead(req.principal.nip, all ? 'all' : ids!, writeContext(req));
  return json({ marked, unreadCount: await repo.unreadCount(req.principal.nip) });
});
