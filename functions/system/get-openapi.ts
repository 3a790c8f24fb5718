import { buildOpenApi } from '#shared/api/openapi';
import { getOpenapi } from '#shared/api/system';
import { json, publicHandler } from '#shared/http/handler';

const document = buildOpenApi();

export const handler = publicHandler(getOpenapi, async () => json(document));
