import { getMe } from '#shared/api/people';
import { whoAmI } from '#shared/app/people';
import { httpHandler, json } from '#shared/http/handler';

export const handler = httpHandler(getMe, async (req) => json(await whoAmI(req)), { auth: 'any' });
