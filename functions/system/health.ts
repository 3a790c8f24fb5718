import { health } from '#shared/api/system';
import { json, publicHandler } from '#shared/http/handler';

export const handler = publicHandler(health, async ({ now }) => json({ status: 'ok', time: now.toISOString() }));
