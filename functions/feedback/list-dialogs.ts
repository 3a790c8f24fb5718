import { listDialogs } from '#shared/api/feedback';
import { dialogsOf } from '#shared/app/feedback';
import { json, userHandler } from '#shared/http/handler';

export const handler = userHandler(listDialogs, async (req) => json(await dialogsOf(req, req.params.nip, req.query)));
