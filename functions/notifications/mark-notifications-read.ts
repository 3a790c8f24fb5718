import { markNotificationsRead } from '#shared/api/notifications';
import { markInboxRead } from '#shared/app/notifications';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(markNotificationsRead, async (req) => json(await markInboxRead(req, req.body)));
